#include "verify/response_matcher.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace sprawl {
namespace {

constexpr std::size_t kMaxIdentityValue = 200;

std::optional<std::string> ScalarText(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number_integer() || v.is_number_unsigned()) return v.dump();
  if (v.is_number_float()) return v.dump();
  if (v.is_null()) return "null";
  return std::nullopt;
}

bool IsIndex(const std::string& s) {
  return !s.empty() && s.size() < 10 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool HeaderHolds(const std::string& name, const std::string& expected, const HttpResponse& r) {
  auto it = r.headers.find(ToLower(name));
  if (it == r.headers.end()) return false;
  return expected == ResponseCondition::kAnyHeaderValue || it->second == expected;
}

std::optional<nlohmann::json> ParseBody(const std::string& body) {
  auto j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return std::nullopt;
  return j;
}

std::string ShortReason(const HttpResponse& r) {
  return "HTTP " + std::to_string(r.status);
}

}  // namespace

std::optional<std::string> JsonScalarAt(const nlohmann::json& doc, const std::string& path) {
  const nlohmann::json* cur = &doc;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t dot = path.find('.', start);
    const std::string key = path.substr(start, dot == std::string::npos ? dot : dot - start);
    if (cur->is_object()) {
      auto it = cur->find(key);
      if (it == cur->end()) return std::nullopt;
      cur = &*it;
    } else if (cur->is_array() && IsIndex(key)) {
      const std::size_t i = std::stoul(key);
      if (i >= cur->size()) return std::nullopt;
      cur = &(*cur)[i];
    } else {
      return std::nullopt;
    }
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return ScalarText(*cur);
}

bool ConditionHolds(const ResponseCondition& c, const HttpResponse& r, const nlohmann::json* json) {
  if (!r.completed || c.IsEmpty()) return false;
  if (!c.status.empty() &&
      std::find(c.status.begin(), c.status.end(), static_cast<int>(r.status)) == c.status.end()) {
    return false;
  }
  for (const auto& e : c.json) {
    if (!json) return false;
    const auto value = JsonScalarAt(*json, e.path);
    if (!value || std::find(e.any_of.begin(), e.any_of.end(), *value) == e.any_of.end()) {
      return false;
    }
  }
  if (!c.body_contains.empty() && r.body.find(c.body_contains) == std::string::npos) return false;
  for (const auto& [name, value] : c.headers) {
    if (!HeaderHolds(name, value, r)) return false;
  }
  return true;
}

std::string UnmatchedReason(const HttpResponse& r, bool body_is_json) {
  if (!r.completed) return r.error.empty() ? "network error" : r.error;
  const std::string tries =
      r.attempts > 1 ? " after " + std::to_string(r.attempts) + " attempts" : std::string();
  if (r.status == 429) return "HTTP 429 rate limited" + tries;
  if (r.status >= 500) return ShortReason(r) + tries;
  if (r.status >= 300 && r.status < 400) return "redirect not followed (" + ShortReason(r) + ")";
  if (!body_is_json && !r.body.empty() && (r.body.front() == '{' || r.body.front() == '[')) {
    return "unexpected response (" + ShortReason(r) + ", malformed JSON body)";
  }
  return "unexpected response (" + ShortReason(r) + ", body did not match)";
}

Verification ClassifyResponse(const VerifySpec& spec, const HttpResponse& r) {
  Verification v;
  v.status = VerificationStatus::kUnknown;
  const std::optional<nlohmann::json> json = r.completed ? ParseBody(r.body) : std::nullopt;
  const nlohmann::json* doc = json ? &*json : nullptr;
  for (const auto& c : spec.verified) {
    if (!ConditionHolds(c, r, doc)) continue;
    v.status = VerificationStatus::kVerified;
    for (const auto& [name, path] : spec.identity) {
      if (!doc) break;
      if (auto value = JsonScalarAt(*doc, path); value && *value != "null") {
        v.identity.emplace_back(name, value->substr(0, kMaxIdentityValue));
      }
    }
    return v;
  }
  for (const auto& c : spec.invalid) {
    if (!ConditionHolds(c, r, doc)) continue;
    v.status = VerificationStatus::kInvalid;
    v.reason = "provider rejected the credential (" + ShortReason(r) + ")";
    return v;
  }
  v.reason = UnmatchedReason(r, doc != nullptr);
  return v;
}

}  // namespace sprawl
