// What every scanning command does after its scan: apply a baseline, write the report in
// the chosen format to stdout or a file, print the summary line. One place, so `scan` and
// `git` behave identically.
#pragma once

#include <optional>
#include <string>

#include "baseline/baseline.hpp"
#include "cli/commands.hpp"
#include "cli/verify_step.hpp"
#include "report/reporter.hpp"
#include "scan/file_scan_job.hpp"

namespace sprawl::cli {

struct OutputFlags {
  std::string format = "human";
  std::string output;
  bool reveal = false;
  std::string color = "auto";
  std::string baseline;
  VerifyFlags verify;  // --verify, --results, --fail-on (cli/verify_step.hpp)
};

void AddOutputFlags(CLI::App* cmd, OutputFlags* flags);

// Checks the flags and loads the baseline before any scanning, so mistakes fail at once.
class ReportOutput {
 public:
  explicit ReportOutput(const OutputFlags& flags);

  // Removes baselined findings from `result` (counted in its stats).
  void ApplyBaseline(ScanResult* result) const;
  // --verify and --results (after the baseline, before Write).
  void Verify(ScanResult* result) { verification_.Apply(result); }
  // The exit code for the reported findings under --fail-on: kExitFindings or kExitClean.
  int FindingsExitCode(const ScanResult& result) const { return verification_.ExitCode(result); }
  // Writes the report; `summary_suffix` is appended to the stderr summary in parentheses.
  void Write(const ScanResult& result, const std::vector<Rule>& rules, bool quiet,
             const std::string& summary_suffix = "") const;

 private:
  const OutputFlags& flags_;
  OutputFormat format_;
  std::optional<Baseline> baseline_;
  VerificationStep verification_;
};

}  // namespace sprawl::cli
