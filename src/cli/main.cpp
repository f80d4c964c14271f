// sprawl: finds leaked credentials. This file only wires subcommands and maps errors to
// the documented exit codes.
#include <cstdio>
#include <cstring>
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

struct Subcommand {
  const char* name;
  void (*add)(CLI::App&, sprawl::cli::Action*);
};

constexpr Subcommand kSubcommands[] = {
    {"scan", sprawl::cli::RegisterScan},
    {"rules", sprawl::cli::RegisterRules},
    {"git", sprawl::cli::RegisterGit},
    {"baseline", sprawl::cli::RegisterBaseline},
    {"install-hook", sprawl::cli::RegisterInstallHook},
    {"log", sprawl::cli::RegisterLog},  // CI logs
    {"revoke", sprawl::cli::RegisterRevoke},
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"sprawl: find leaked credentials in files, prove them, and say how to revoke them"};
  app.set_version_flag("--version", std::string("sprawl ") + SPRAWL_VERSION);
  app.footer(kExitCodesHelp);
  app.require_subcommand(1);
  sprawl::cli::Action run;
  // Building every subcommand's options costs ~1 ms, 5 % of a one-file scan: when the
  // first argument names a subcommand only that one is built (its --help and errors are
  // the same); anything else (--help, --version, a typo) gets all of them.
  const Subcommand* only = nullptr;
  for (const auto& s : kSubcommands) {
    if (argc > 1 && std::strcmp(argv[1], s.name) == 0) only = &s;
  }
  for (const auto& s : kSubcommands) {
    if (!only || only == &s) s.add(app, &run);
  }
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
