#include "report/owners_report.hpp"

#include <fmt/format.h>

#include "util/escape.hpp"

namespace sprawl {
namespace {

const std::string* MetadataValue(const Finding& f, const std::string& key) {
  for (const auto& [k, v] : f.metadata)
    if (k == key) return &v;
  return nullptr;
}

// "commit-author" -> "commit author"; "commit 1a2b3c4d5e6f" -> "1a2b3c4d5e6f".
std::string HintLabel(const OwnerHint& h) {
  std::string kind = h.kind;
  for (char& c : kind)
    if (c == '-') c = ' ';
  std::string source = h.source;
  if (source.rfind("commit ", 0) == 0) source = source.substr(7);
  if (source.empty() || source == "secret") return kind;
  return kind + ", " + source;
}

}  // namespace

nlohmann::ordered_json OwnersToJson(const Finding& f) {
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (const auto& h : f.owners) {
    arr.push_back(
        {{"kind", h.kind}, {"value", SanitizeUtf8(h.value)}, {"source", SanitizeUtf8(h.source)}});
  }
  return arr;
}

nlohmann::ordered_json MetadataToJson(const Finding& f) {
  nlohmann::ordered_json obj = nlohmann::ordered_json::object();
  for (const auto& [k, v] : f.metadata)
    obj[k] = SanitizeUtf8(v);
  return obj;
}

void WriteOwnerLines(std::ostream& out, const Finding& f, bool color) {
  if (!f.owners.empty()) {
    const OwnerHint& best = f.owners.front();
    std::string line = fmt::format("      owner: {} ({})", EscapeForTerminal(best.value),
                                   EscapeForTerminal(HintLabel(best)));
    if (f.owners.size() > 1) line += fmt::format("  +{} more", f.owners.size() - 1);
    out << line << "\n";
  }
  const std::string* expired = MetadataValue(f, "expired");
  if (expired && *expired == "true") {
    const std::string* exp = MetadataValue(f, "jwt.exp");
    const std::string mark = "EXPIRED";
    out << "      " << (color ? "\x1b[1;33m" + mark + "\x1b[0m" : mark) << " token"
        << (exp ? " (exp " + EscapeForTerminal(*exp) + ")" : std::string()) << "\n";
  }
}

}  // namespace sprawl
