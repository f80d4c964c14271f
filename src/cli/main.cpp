// sprawl: finds leaked credentials. This file only wires subcommands and maps errors to
// the documented exit codes.
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "sprawl/error.hpp"
#include "util/escape.hpp"

namespace {

constexpr const char* kExitCodesHelp =
    "Exit codes:\n"
    "  0  no findings (or all rule checks passed)\n"
    "  1  findings reported (or a rule's examples failed)\n"
    "  2  usage error: bad arguments, config, rules, or a path that does not exist\n"
    "  3  runtime error: the scan could not be completed\n";

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"sprawl: find leaked credentials in files, prove them, and say how to revoke them"};
  app.set_version_flag("--version", std::string("sprawl ") + SPRAWL_VERSION);
  app.footer(kExitCodesHelp);
  app.require_subcommand(1);
  sprawl::cli::Action run;
  sprawl::cli::RegisterScan(app, &run);
  sprawl::cli::RegisterRules(app, &run);
  sprawl::cli::RegisterGit(app, &run);
  sprawl::cli::RegisterBaseline(app, &run);
  sprawl::cli::RegisterInstallHook(app, &run);
  sprawl::cli::RegisterRevoke(app, &run);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "sprawl: error: %s\n", sprawl::EscapeForTerminal(e.what()).c_str());
    std::fprintf(stderr, "Run 'sprawl --help' for usage.\n");
    return sprawl::kExitUsage;
  }
  try {
    return run ? run() : sprawl::kExitUsage;
  } catch (const sprawl::UsageError& e) {
    std::fprintf(stderr, "sprawl: error: %s\n", sprawl::EscapeForTerminal(e.what()).c_str());
    return sprawl::kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sprawl: error: %s\n", sprawl::EscapeForTerminal(e.what()).c_str());
    return sprawl::kExitRuntimeError;
  }
}
