#include "cli/report_output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <set>

#include "sprawl/error.hpp"
#include "util/escape.hpp"

namespace sprawl::cli {
namespace {

bool UseColor(const std::string& mode, bool to_terminal) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return to_terminal;
}

}  // namespace

void AddOutputFlags(CLI::App* cmd, OutputFlags* flags) {
  cmd->add_option("-f,--format", flags->format, "Output format: human, json, jsonl, sarif")
      ->capture_default_str();
  cmd->add_option("-o,--output", flags->output, "Write the report to FILE instead of stdout");
  cmd->add_flag("--reveal", flags->reveal, "Print raw secrets (redacted by default)");
  cmd->add_option("--color", flags->color, "Colour: auto, always, never (NO_COLOR is respected)")
      ->capture_default_str();
  cmd->add_option("--baseline", flags->baseline,
                  "Do not report findings recorded in this baseline file (see docs/baseline.md)");
  AddVerifyFlags(cmd, &flags->verify);
}

ReportOutput::ReportOutput(const OutputFlags& flags) : flags_(flags), verification_(flags.verify) {
  if (!ParseOutputFormat(flags.format, &format_)) {
    throw UsageError("unknown --format '" + flags.format +
                     "' (expected human, json, jsonl, sarif)");
  }
  if (flags.color != "auto" && flags.color != "always" && flags.color != "never") {
    throw UsageError("unknown --color '" + flags.color + "' (expected auto, always, never)");
  }
  if (!flags.baseline.empty()) baseline_ = Baseline::Load(flags.baseline);
}

void ReportOutput::ApplyBaseline(ScanResult* result) const {
  if (!baseline_) return;
  const std::size_t suppressed = RemoveBaselined(*baseline_, &result->findings);
  result->stats.suppressed_by_baseline += suppressed;
  result->stats.findings -= suppressed;
}

void ReportOutput::Write(const ScanResult& result, const std::vector<Rule>& rules, bool quiet,
                         const std::string& summary_suffix) const {
  std::ofstream file_out;
  std::ostream* out = &std::cout;
  bool to_terminal = ::isatty(STDOUT_FILENO) != 0;
  if (!flags_.output.empty()) {
    file_out.open(flags_.output, std::ios::binary | std::ios::trunc);
    if (!file_out) {
      throw UsageError(EscapeForTerminal(flags_.output) +
                       ": cannot write output file: " + std::strerror(errno));
    }
    out = &file_out;
    to_terminal = false;
  }
  ReportOptions options;
  options.reveal = flags_.reveal;
  options.color = UseColor(flags_.color, to_terminal);
  WriteReport(format_, *out, Report{result.findings, result.stats, rules}, options);
  out->flush();
  if (!*out) throw RuntimeError("failed to write the report");
  if (quiet) return;
  std::set<std::string> files;
  for (const auto& f : result.findings)
    files.insert(f.path);
  std::string line = SummaryLine(result.stats, result.findings.size(), files.size());
  std::string suffix = summary_suffix;
  if (const std::string v = verification_.Summary(result); !v.empty()) {
    suffix += (suffix.empty() ? "" : ", ") + v;
  }
  if (!suffix.empty()) line += " (" + suffix + ")";
  std::fprintf(stderr, "sprawl: %s\n", line.c_str());
}

}  // namespace sprawl::cli
