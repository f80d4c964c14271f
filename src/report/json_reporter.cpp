#include <cmath>

#include "report/finding_json.hpp"
#include "util/escape.hpp"

namespace sprawl {

nlohmann::ordered_json FindingToJson(const Finding& f, bool reveal) {
  const Rule& r = *f.rule;
  nlohmann::ordered_json j;
  j["rule_id"] = r.id;
  j["rule_name"] = r.name;
  j["provider"] = r.provider;
  j["path"] = SanitizeUtf8(f.path);
  j["line"] = f.line;
  j["column"] = f.column;
  j["end_line"] = f.end_line;
  j["end_column"] = f.end_column;
  j["offset"] = f.offset;
  j["secret_sha256"] = f.secret_sha256;
  j["redacted"] = SanitizeUtf8(f.redacted);
  if (reveal) j["secret"] = SanitizeUtf8(f.secret);
  j["fingerprint"] = f.fingerprint;
  j["entropy"] = std::round(f.entropy * 1000.0) / 1000.0;
  j["checksum"] = f.checksum;
  j["confidence"] = ToString(r.confidence);
  j["severity"] = ToString(r.severity);
  j["revocation"] = r.revocation;
  j["references"] = r.references;
  j["source"] = f.source;
  if (f.git) j["git"] = ProvenanceToJson(*f.git);
  j["verification"] = VerificationToJson(f.verification);
  return j;
}

nlohmann::ordered_json StatsToJson(const ScanStats& s) {
  nlohmann::ordered_json j;
  j["files_scanned"] = s.files_scanned;
  j["bytes_scanned"] = s.bytes_scanned;
  j["skipped_binary"] = s.skipped_binary;
  j["skipped_too_large"] = s.skipped_too_large;
  j["skipped_allowlisted_paths"] = s.skipped_allowlisted_paths;
  j["skipped_symlinks"] = s.skipped_symlinks;
  j["skipped_special"] = s.skipped_special;
  j["read_errors"] = s.read_errors;
  j["candidates"] = s.candidates;
  j["filtered"] = {
      {"entropy", s.filtered_entropy},     {"placeholder", s.filtered_placeholder},
      {"checksum", s.filtered_checksum},   {"allow_comment", s.filtered_allow_comment},
      {"allowlist", s.filtered_allowlist}, {"generic_overlap", s.filtered_generic_overlap}};
  j["findings"] = s.findings;
  j["suppressed_by_baseline"] = s.suppressed_by_baseline;
  return j;
}

std::string DumpJson(const nlohmann::ordered_json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void WriteJsonReport(std::ostream& out, const Report& report, const ReportOptions& options) {
  nlohmann::ordered_json doc;
  doc["version"] = 1;
  doc["tool"] = {{"name", "sprawl"}, {"version", SPRAWL_VERSION}};
  doc["findings"] = nlohmann::ordered_json::array();
  for (const auto& f : report.findings)
    doc["findings"].push_back(FindingToJson(f, options.reveal));
  doc["stats"] = StatsToJson(report.stats);
  out << DumpJson(doc, 2) << "\n";
}

void WriteJsonlReport(std::ostream& out, const Report& report, const ReportOptions& options) {
  for (const auto& f : report.findings)
    out << DumpJson(FindingToJson(f, options.reveal)) << "\n";
}

}  // namespace sprawl
