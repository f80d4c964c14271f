#include <cmath>
#include <string>
#include <string_view>

#include "report/finding_json.hpp"
#include "report/owners_report.hpp"
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
  // A value the log itself declared secret is a leak whatever the rule's usual confidence.
  j["confidence"] = f.masked_leak ? "high" : ToString(r.confidence);
  j["severity"] = ToString(r.severity);
  j["revocation"] = r.revocation;
  j["references"] = r.references;
  j["source"] = f.source;
  if (!f.encoding.empty()) j["encoding"] = f.encoding;  // decoding layer
  if (f.git) j["git"] = ProvenanceToJson(*f.git);
  // --- ownership hints (docs/ownership.md) ---
  j["owners"] = OwnersToJson(f);
  j["metadata"] = MetadataToJson(f);
  // --- end ownership hints ---
  // --- CI logs ---
  if (f.source == "log") {
    j["step"] =
        f.step.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(SanitizeUtf8(f.step));
    j["masked_leak"] = f.masked_leak;
  }
  // --- end CI logs ---
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
  j["filtered"] = {{"entropy", s.filtered_entropy},     {"placeholder", s.filtered_placeholder},
                   {"checksum", s.filtered_checksum},   {"allow_comment", s.filtered_allow_comment},
                   {"allowlist", s.filtered_allowlist}, {"overlap", s.filtered_overlap}};
  j["findings"] = s.findings;
  j["suppressed_by_baseline"] = s.suppressed_by_baseline;
  return j;
}

std::string DumpJson(const nlohmann::ordered_json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void WriteJsonWithItems(std::ostream& out, const nlohmann::ordered_json& doc, std::string_view key,
                        int depth, std::size_t count,
                        const std::function<nlohmann::ordered_json(std::size_t)>& item) {
  const std::string frame = DumpJson(doc, 2);
  const std::string indent(static_cast<std::size_t>(2 * depth), ' ');
  const std::string slot = "\n" + indent + "\"" + std::string(key) + "\": []";
  const std::size_t at = frame.find(slot);
  if (count == 0 || at == std::string::npos) {
    out << frame << "\n";
    return;
  }
  // JSON strings hold no raw newlines, so indenting after each newline is exact.
  const std::string item_break = "\n" + indent + "  ";
  const std::size_t close = at + slot.size() - 1;  // the ']' of "[]"
  out.write(frame.data(), static_cast<std::streamsize>(close));
  for (std::size_t i = 0; i < count; ++i) {
    const std::string text = DumpJson(item(i), 2);
    out << (i ? "," : "") << item_break;
    std::size_t from = 0;
    for (std::size_t nl; (nl = text.find('\n', from)) != std::string::npos; from = nl + 1) {
      out.write(text.data() + from, static_cast<std::streamsize>(nl - from));
      out << item_break;
    }
    out.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
  }
  out << "\n" << indent << std::string_view(frame).substr(close) << "\n";
}

void WriteJsonReport(std::ostream& out, const Report& report, const ReportOptions& options) {
  nlohmann::ordered_json doc;
  doc["version"] = 1;
  doc["tool"] = {{"name", "sprawl"}, {"version", SPRAWL_VERSION}};
  doc["findings"] = nlohmann::ordered_json::array();
  doc["stats"] = StatsToJson(report.stats);
  WriteJsonWithItems(out, doc, "findings", 1, report.findings.size(), [&](std::size_t i) {
    return FindingToJson(report.findings[i], options.reveal);
  });
}

void WriteJsonlReport(std::ostream& out, const Report& report, const ReportOptions& options) {
  for (const auto& f : report.findings)
    out << DumpJson(FindingToJson(f, options.reveal)) << "\n";
}

}  // namespace sprawl
