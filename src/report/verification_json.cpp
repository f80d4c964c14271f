// How a finding's live verification result is shown by every reporter.
#include "report/finding_json.hpp"
#include "util/escape.hpp"

namespace sprawl {

nlohmann::ordered_json VerificationToJson(const Verification& v) {
  nlohmann::ordered_json j;
  j["status"] = ToString(v.status);
  if (!v.reason.empty()) j["reason"] = SanitizeUtf8(v.reason);
  nlohmann::ordered_json identity = nlohmann::ordered_json::object();
  for (const auto& [name, value] : v.identity)
    identity[name] = SanitizeUtf8(value);
  j["identity"] = std::move(identity);
  return j;
}

std::string VerificationSummary(const Verification& v) {
  std::string detail;
  for (const auto& [name, value] : v.identity) {
    detail += (detail.empty() ? "" : ", ") + name + "=" + value;
  }
  if (!v.reason.empty()) detail += (detail.empty() ? "" : "; ") + v.reason;
  std::string out = ToString(v.status);
  if (!detail.empty()) out += " (" + detail + ")";
  return out;
}

}  // namespace sprawl
