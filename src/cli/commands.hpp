// Subcommand registration: each subcommand lives in its own file and adds itself to the app.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace sprawl::cli {

// Each Register* function adds a subcommand and sets `*run` to its action when chosen.
// The action returns the process exit code.
using Action = std::function<int()>;

void RegisterScan(CLI::App& app, Action* run);
void RegisterRules(CLI::App& app, Action* run);
void RegisterGit(CLI::App& app, Action* run);          // cmd_git.cpp
void RegisterBaseline(CLI::App& app, Action* run);     // cmd_baseline.cpp
void RegisterInstallHook(CLI::App& app, Action* run);  // cmd_install_hook.cpp
void RegisterLog(CLI::App& app, Action* run);          // cmd_log.cpp (CI logs)
void RegisterRevoke(CLI::App& app, Action* run);       // cmd_revoke.cpp

// Options shared by commands that build an engine.
struct EngineFlags {
  std::vector<std::string> rule_dirs;
  bool no_cache = false;
  std::string cache_dir;
  std::string decode_depth;  // decoding layer: empty means limits.decode_depth or 2
  bool include_test_keys = false;  // run the rules tagged test-mode
  // Not a flag: the command sets it when --verify is on. Without it the embedded rules'
  // verify/revoke blocks are not built (nor, for scanning, ever their examples): a few ms
  // of every start-up.
  bool live_verification = false;
};
void AddEngineFlags(CLI::App* cmd, EngineFlags* flags);
std::string ResolveCacheDir(const EngineFlags& flags);

}  // namespace sprawl::cli
