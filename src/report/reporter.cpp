#include "report/reporter.hpp"

#include <fmt/format.h>

#include "util/text.hpp"

namespace sprawl {

bool ParseOutputFormat(const std::string& s, OutputFormat* out) {
  if (s == "human") {
    *out = OutputFormat::kHuman;
  } else if (s == "json") {
    *out = OutputFormat::kJson;
  } else if (s == "jsonl") {
    *out = OutputFormat::kJsonl;
  } else if (s == "sarif") {
    *out = OutputFormat::kSarif;
  } else {
    return false;
  }
  return true;
}

void WriteReport(OutputFormat format, std::ostream& out, const Report& report,
                 const ReportOptions& options) {
  switch (format) {
    case OutputFormat::kHuman:
      return WriteHumanReport(out, report, options);
    case OutputFormat::kJson:
      return WriteJsonReport(out, report, options);
    case OutputFormat::kJsonl:
      return WriteJsonlReport(out, report, options);
    case OutputFormat::kSarif:
      return WriteSarifReport(out, report, options);
  }
}

std::string SummaryLine(const ScanStats& s, size_t findings, size_t files_with_findings) {
  std::string line = fmt::format("{} finding{} in {} file{}", findings, findings == 1 ? "" : "s",
                                 files_with_findings, files_with_findings == 1 ? "" : "s");
  if (s.suppressed_by_baseline) {
    line += fmt::format(" ({} suppressed by baseline)", s.suppressed_by_baseline);
  }
  line +=
      fmt::format("; scanned {} file{} ({}) in {:.2f}s", s.files_scanned,
                  s.files_scanned == 1 ? "" : "s", HumanBytes(s.bytes_scanned), s.elapsed_seconds);
  std::string skipped;
  auto add = [&](std::uint64_t n, const char* what) {
    if (n == 0) return;
    skipped += (skipped.empty() ? "" : ", ") + fmt::format("{} {}", n, what);
  };
  add(s.skipped_binary, "binary");
  add(s.skipped_too_large, "too large");
  add(s.skipped_allowlisted_paths, "allowlisted");
  add(s.skipped_symlinks, "symlinks");
  add(s.skipped_special, "special");
  add(s.read_errors, "unreadable");
  if (!skipped.empty()) line += "; skipped " + skipped;
  return line;
}

}  // namespace sprawl
