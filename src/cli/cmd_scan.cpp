// `sprawl scan [PATH...]`: scan files and directories.
#include "cli/commands.hpp"
#include "cli/report_output.hpp"
#include "cli/scan_setup.hpp"
#include "owners/owner_enricher.hpp"
#include "sprawl/exit_codes.hpp"

namespace sprawl::cli {
namespace {

struct ScanFlags {
  FilesScanFlags scan;
  OutputFlags output;
};

int RunScan(ScanFlags& flags) {
  ReportOutput output(flags.output);  // bad format or baseline fails before the scan
  Diagnostics diag(stderr, flags.scan.quiet);
  flags.scan.engine.live_verification = flags.output.verify.verify;
  FilesScan scan(flags.scan, &diag);
  ScanResult result = scan.Run();
  output.ApplyBaseline(&result);
  output.Verify(&result);
  owners::EnrichOwners(&result.findings, {}, &diag);  // ownership hints, docs/ownership.md
  output.Write(result, scan.engine().rules(), flags.scan.quiet);
  return output.FindingsExitCode(result);
}

}  // namespace

void RegisterScan(CLI::App& app, Action* run) {
  auto flags = std::make_shared<ScanFlags>();
  CLI::App* cmd = app.add_subcommand("scan", "Scan files and directories for secrets");
  AddOutputFlags(cmd, &flags->output);
  AddFilesScanFlags(cmd, &flags->scan);
  cmd->callback([flags, run] { *run = [flags] { return RunScan(*flags); }; });
}

}  // namespace sprawl::cli
