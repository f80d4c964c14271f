// `sprawl install-hook [--pre-push] [--force] [REPO]`: install sprawl as a git hook.
#include <cstdio>
#include <memory>

#include "cli/commands.hpp"
#include "hooks/hook_installer.hpp"
#include "sprawl/exit_codes.hpp"
#include "util/escape.hpp"

namespace sprawl::cli {
namespace {

struct InstallHookFlags {
  std::string repo = ".";
  bool pre_push = false;
  bool force = false;
};

int RunInstallHook(const InstallHookFlags& flags) {
  HookInstallOptions options;
  options.repo_path = flags.repo;
  options.kind = flags.pre_push ? HookKind::kPrePush : HookKind::kPreCommit;
  options.force = flags.force;
  options.sprawl_path = CurrentExecutablePath();
  const HookInstallResult result = InstallHook(options);

  const std::string runs =
      (options.sprawl_path.empty() ? std::string("sprawl") : options.sprawl_path) +
      (flags.pre_push ? " git --range <remote sha>..<local sha> for each pushed ref"
                      : " git --staged");
  std::printf("sprawl: %s %s hook %s (runs %s)\n",
              result.replaced_foreign ? "replaced the existing"
                                      : (result.replaced_own ? "updated" : "installed"),
              HookFileName(options.kind), EscapeForTerminal(result.hook_path).c_str(),
              EscapeForTerminal(runs).c_str());
  return kExitClean;
}

}  // namespace

void RegisterInstallHook(CLI::App& app, Action* run) {
  auto flags = std::make_shared<InstallHookFlags>();
  CLI::App* cmd = app.add_subcommand(
      "install-hook", "Install a git hook that runs sprawl before each commit (or push)");
  cmd->add_option("repo", flags->repo,
                  "Repository, or any directory inside it (default: the current directory)");
  cmd->add_flag("--pre-push", flags->pre_push,
                "Install a pre-push hook scanning the pushed commits instead of a pre-commit "
                "hook scanning the staged changes");
  cmd->add_flag("--force", flags->force, "Replace an existing hook that sprawl did not install");
  cmd->footer(
      "The hook goes to core.hooksPath when set, else .git/hooks. An existing hook is only\n"
      "replaced if sprawl installed it, or with --force. See docs/ci.md.\n");
  cmd->callback([flags, run] { *run = [flags] { return RunInstallHook(*flags); }; });
}

}  // namespace sprawl::cli
