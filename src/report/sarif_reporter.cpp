// SARIF 2.1.0 as GitHub code scanning accepts it: rule metadata with security-severity,
// one result per finding with a region and partialFingerprints.
#include <cctype>
#include <cstdio>
#include <map>

#include "report/finding_json.hpp"
#include "report/owners_report.hpp"
#include "util/escape.hpp"

namespace sprawl {
namespace {

const char* SecuritySeverity(Severity s) {
  switch (s) {
    case Severity::kCritical:
      return "9.5";
    case Severity::kHigh:
      return "8.0";
    case Severity::kMedium:
      return "5.5";
    case Severity::kLow:
      return "3.0";
  }
  return "8.0";
}

const char* Level(Severity s) {
  return s == Severity::kLow ? "note" : s == Severity::kMedium ? "warning" : "error";
}

const char* Precision(Confidence c) {
  return c == Confidence::kHigh ? "very-high" : c == Confidence::kMedium ? "high" : "medium";
}

// Relative URI reference for a path: unreserved bytes kept, everything else %XX.
std::string PathToUri(const std::string& path) {
  std::string out;
  std::string_view p = path;
  while (p.substr(0, 2) == "./")
    p.remove_prefix(2);
  for (unsigned char c : p) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

nlohmann::ordered_json RuleDescriptor(const Rule& r) {
  nlohmann::ordered_json j;
  j["id"] = r.id;
  j["name"] = r.id;
  j["shortDescription"] = {{"text", r.name}};
  j["fullDescription"] = {{"text", r.name + " (" + r.provider + ")"}};
  std::string help = "Revocation:\n" + r.revocation;
  std::string md = "**Revocation**\n\n" + r.revocation;
  if (!r.references.empty()) {
    help += "\n\nReferences:";
    md += "\n\n**References**\n";
    for (const auto& ref : r.references) {
      help += "\n" + ref;
      md += "\n- " + ref;
    }
  }
  j["help"] = {{"text", help}, {"markdown", md}};
  if (!r.references.empty()) j["helpUri"] = r.references.front();
  j["defaultConfiguration"] = {{"level", Level(r.severity)}};
  j["properties"] = {{"tags", nlohmann::ordered_json::array({"security", "secret"})},
                     {"precision", Precision(r.confidence)},
                     {"security-severity", SecuritySeverity(r.severity)}};
  return j;
}

}  // namespace

void WriteSarifReport(std::ostream& out, const Report& report, const ReportOptions& options) {
  // Only rules with results are listed: keeps the log small and the indices stable.
  std::map<std::string, const Rule*> used;
  for (const auto& f : report.findings)
    used.emplace(f.rule->id, f.rule);
  std::map<std::string, size_t> index;
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  for (const auto& [id, rule] : used) {
    index[id] = rules.size();
    rules.push_back(RuleDescriptor(*rule));
  }
  auto result = [&](std::size_t i) {
    const Finding& f = report.findings[i];
    const Rule& r = *f.rule;
    nlohmann::ordered_json res;
    res["ruleId"] = r.id;
    res["ruleIndex"] = index[r.id];
    res["level"] = Level(r.severity);
    std::string shown = options.reveal ? f.secret : f.redacted;
    res["message"] = {{"text", r.name + " found: " + shown}};
    nlohmann::ordered_json region = {{"startLine", f.line},
                                     {"startColumn", f.column},
                                     {"endLine", f.end_line},
                                     {"endColumn", f.end_column}};
    res["locations"] = nlohmann::ordered_json::array(
        {{{"physicalLocation",
           {{"artifactLocation", {{"uri", PathToUri(f.path)}, {"uriBaseId", "%SRCROOT%"}}},
            {"region", region}}}}});
    res["partialFingerprints"] = {{"sprawl/v1", f.fingerprint}};
    res["properties"] = {{"secret_sha256", f.secret_sha256},
                         {"confidence", ToString(r.confidence)},
                         {"checksum", f.checksum},
                         {"source", f.source}};
    if (!f.encoding.empty()) res["properties"]["encoding"] = f.encoding;  // decoding layer
    if (f.git) res["properties"]["git"] = ProvenanceToJson(*f.git);
    // --- ownership hints (docs/ownership.md) ---
    res["properties"]["owners"] = OwnersToJson(f);
    res["properties"]["metadata"] = MetadataToJson(f);
    // --- end ownership hints ---
    // --- CI logs ---
    if (f.source == "log") {
      if (!f.step.empty()) res["properties"]["step"] = SanitizeUtf8(f.step);
      res["properties"]["masked_leak"] = f.masked_leak;
      if (f.masked_leak) res["properties"]["confidence"] = "high";
    }
    // --- end CI logs ---
    res["properties"]["verification"] = VerificationToJson(f.verification);
    return res;
  };
  nlohmann::ordered_json doc;
  doc["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  doc["version"] = "2.1.0";
  nlohmann::ordered_json run;
  run["tool"] = {{"driver",
                  {{"name", "sprawl"},
                   {"version", SPRAWL_VERSION},
                   {"semanticVersion", SPRAWL_VERSION},
                   {"rules", rules}}}};
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = nlohmann::ordered_json::array();
  doc["runs"] = nlohmann::ordered_json::array({run});
  // runs[0].results: three levels down.
  WriteJsonWithItems(out, doc, "results", 3, report.findings.size(), result);
}

}  // namespace sprawl
