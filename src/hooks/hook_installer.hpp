// Installs sprawl as a git hook: a plain POSIX sh script that runs `sprawl git --staged`
// before each commit, or scans the pushed commits before each push.
#pragma once

#include <string>
#include <string_view>

namespace sprawl {

enum class HookKind { kPreCommit, kPrePush };

// The line that marks a hook file as sprawl's own: re-installing over it needs no --force.
inline constexpr std::string_view kHookMarker = "# installed by sprawl install-hook";

// "pre-commit" or "pre-push": the hook's file name in the hooks directory.
const char* HookFileName(HookKind kind);

// The hook script. It runs `sprawl_path` (an absolute path; empty: `sprawl` on PATH), and
// falls back to `sprawl` on PATH when that file is no longer executable.
std::string RenderHookScript(HookKind kind, const std::string& sprawl_path);

// True when `content` is a hook this command wrote (it carries kHookMarker on a line).
bool IsSprawlHook(std::string_view content);

// The hooks directory of the repository containing `repo_path` (searched upwards, as git
// does): core.hooksPath when set (relative to the working tree, or to the git directory of
// a bare repository), else <common git dir>/hooks. libgit2 1.5's
// git_repository_item_path(GIT_REPOSITORY_ITEM_HOOKS) ignores core.hooksPath, hence the
// config lookup. Throws UsageError when `repo_path` is not in a repository.
std::string FindHooksDir(const std::string& repo_path);

struct HookInstallOptions {
  std::string repo_path = ".";
  HookKind kind = HookKind::kPreCommit;
  bool force = false;       // replace a hook that sprawl did not write
  std::string sprawl_path;  // what the hook runs; empty: `sprawl` on PATH
};

struct HookInstallResult {
  std::string hook_path;
  bool replaced_foreign = false;  // an existing hook without the marker was overwritten (--force)
  bool replaced_own = false;      // sprawl's own hook was rewritten
};

// Writes the hook atomically with mode 0755, creating the hooks directory if needed.
// Throws UsageError (exit 2) naming the file when a hook without kHookMarker is already
// there and `force` is off, or when the repository cannot be found; RuntimeError when the
// file cannot be written.
HookInstallResult InstallHook(const HookInstallOptions& options);

// Absolute path of the running executable (/proc/self/exe); empty when it is unknown or
// the file is gone.
std::string CurrentExecutablePath();

}  // namespace sprawl
