// `sprawl baseline create|update [PATH...]`: record the current findings' identities so
// `sprawl scan --baseline FILE` reports only new ones. Format and semantics: docs/baseline.md.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <set>
#include <string>

#include "baseline/baseline.hpp"
#include "cli/commands.hpp"
#include "cli/scan_setup.hpp"
#include "report/reporter.hpp"
#include "sprawl/error.hpp"
#include "util/escape.hpp"

namespace sprawl::cli {
namespace {

struct BaselineFlags {
  FilesScanFlags scan;
  std::string file = kDefaultBaselineFile;  // --output for create, --baseline for update
};

// Runs the same scan `sprawl scan` runs with these flags and prints its summary unless
// quiet. The findings point at `scan`'s rules: `scan` must outlive them.
ScanResult ScanForBaseline(FilesScan& scan, bool quiet) {
  ScanResult result = scan.Run();
  if (!quiet) {
    std::set<std::string> files;
    for (const auto& f : result.findings)
      files.insert(f.path);
    std::fprintf(stderr, "sprawl: %s\n",
                 SummaryLine(result.stats, result.findings.size(), files.size()).c_str());
  }
  return result;
}

std::string Entries(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " entry" : " entries");
}

int RunCreate(const BaselineFlags& flags) {
  Diagnostics diag(stderr, flags.scan.quiet);
  FilesScan scan(flags.scan, &diag);
  ScanResult result = ScanForBaseline(scan, flags.scan.quiet);
  Baseline baseline = Baseline::FromFindings(result.findings);
  baseline.Save(flags.file);
  std::fprintf(stderr, "sprawl: baseline %s: wrote %s\n", EscapeForTerminal(flags.file).c_str(),
               Entries(baseline.entries().size()).c_str());
  return kExitClean;
}

int RunUpdate(const BaselineFlags& flags) {
  // Read first: a missing or malformed baseline is reported before any scanning.
  const Baseline old = Baseline::Load(flags.file);
  Diagnostics diag(stderr, flags.scan.quiet);
  FilesScan scan(flags.scan, &diag);
  ScanResult result = ScanForBaseline(scan, flags.scan.quiet);
  const Baseline updated = Baseline::FromFindings(result.findings);

  const auto removed = old.Unmatched(result.findings);
  const auto added = static_cast<std::size_t>(
      std::count_if(updated.entries().begin(), updated.entries().end(),
                    [&](const BaselineEntry& e) { return !old.Contains(e); }));
  updated.Save(flags.file);

  for (const auto& e : removed) {
    std::fprintf(stderr, "sprawl: baseline: removed %s in %s (line %llu): no longer found\n",
                 EscapeForTerminal(e.rule_id).c_str(), EscapeForTerminal(e.path).c_str(),
                 static_cast<unsigned long long>(e.line));
  }
  std::fprintf(stderr, "sprawl: baseline %s: %s; %zu added, %zu removed\n",
               EscapeForTerminal(flags.file).c_str(), Entries(updated.entries().size()).c_str(),
               added, removed.size());
  return kExitClean;
}

}  // namespace

void RegisterBaseline(CLI::App& app, Action* run) {
  CLI::App* cmd = app.add_subcommand(
      "baseline", "Record current findings so scans with --baseline report only new ones");
  cmd->require_subcommand(1);

  auto create = std::make_shared<BaselineFlags>();
  CLI::App* c = cmd->add_subcommand(
      "create", "Scan and write every finding's identity (no secrets) to a baseline file");
  AddFilesScanFlags(c, &create->scan);
  c->add_option("-o,--output", create->file, "Baseline file to write")->capture_default_str();
  c->callback([create, run] { *run = [create] { return RunCreate(*create); }; });

  auto update = std::make_shared<BaselineFlags>();
  CLI::App* u = cmd->add_subcommand(
      "update", "Rescan, rewrite the baseline, and report entries that no longer match");
  AddFilesScanFlags(u, &update->scan);
  u->add_option("--baseline", update->file, "Baseline file to update")->capture_default_str();
  u->callback([update, run] { *run = [update] { return RunUpdate(*update); }; });
}

}  // namespace sprawl::cli
