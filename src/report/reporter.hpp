// Output formats. Reporters only format: the findings, their order and the stats are
// decided before they are called. One file per format.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "sprawl/finding.hpp"
#include "sprawl/stats.hpp"

namespace sprawl {

enum class OutputFormat { kHuman, kJson, kJsonl, kSarif };
bool ParseOutputFormat(const std::string& s, OutputFormat* out);

struct ReportOptions {
  bool reveal = false;  // print raw secrets
  bool color = false;   // ANSI colour (human format only)
};

struct Report {
  const std::vector<Finding>& findings;
  const ScanStats& stats;
  const std::vector<Rule>& rules;  // the rules in force (SARIF lists them)
};

void WriteHumanReport(std::ostream& out, const Report& report, const ReportOptions& options);
void WriteJsonReport(std::ostream& out, const Report& report, const ReportOptions& options);
void WriteJsonlReport(std::ostream& out, const Report& report, const ReportOptions& options);
void WriteSarifReport(std::ostream& out, const Report& report, const ReportOptions& options);
void WriteReport(OutputFormat format, std::ostream& out, const Report& report,
                 const ReportOptions& options);

// "verified (login=octocat)", "unknown (HTTP 500)": the human line (verification_json.cpp).
std::string VerificationSummary(const Verification& v);

// One line for stderr: what was scanned, what was skipped, how long it took.
std::string SummaryLine(const ScanStats& stats, size_t findings, size_t files_with_findings);

}  // namespace sprawl
