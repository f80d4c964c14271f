#include "hooks/hook_installer.hpp"

#include <fcntl.h>
#include <git2.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>

#include "sources/git_util.hpp"
#include "sprawl/error.hpp"
#include "util/fs.hpp"

namespace sprawl {
namespace {

struct RepoDeleter {
  void operator()(git_repository* r) const { git_repository_free(r); }
};
struct ConfigDeleter {
  void operator()(git_config* c) const { git_config_free(c); }
};

// git_buf owned for one scope.
struct GitBuf {
  git_buf buf = GIT_BUF_INIT;
  GitBuf() = default;
  GitBuf(const GitBuf&) = delete;
  GitBuf& operator=(const GitBuf&) = delete;
  ~GitBuf() { git_buf_dispose(&buf); }
  std::string str() const { return buf.ptr ? std::string(buf.ptr, buf.size) : std::string(); }
};

std::string LastGitError() {
  const git_error* e = git_error_last();
  return e && e->message ? e->message : "unknown libgit2 error";
}

std::string StripTrailingSlash(std::string path) {
  while (path.size() > 1 && path.back() == '/')
    path.pop_back();
  return path;
}

// A word for sh, inside single quotes.
std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// Sets $SPRAWL to the installing binary, else `sprawl` on PATH; fails closed when neither
// exists, so a missing scanner never lets secrets through unnoticed.
std::string FindSprawlSnippet(const std::string& sprawl_path) {
  // The path reaches echo through a variable, so no character in it needs escaping twice.
  const char* where =
      sprawl_path.empty() ? "is not on PATH" : "is neither at '$recorded' nor on PATH";
  return "SPRAWL=" + ShellQuote(sprawl_path) +
         "\n"
         "if [ ! -f \"$SPRAWL\" ] || [ ! -x \"$SPRAWL\" ]; then\n"
         "  recorded=$SPRAWL\n"
         "  SPRAWL=$(command -v sprawl) || {\n"
         "    echo \"sprawl hook: sprawl " +
         where +
         "; install it, or remove $0\" >&2\n"
         "    exit 1\n"
         "  }\n"
         "fi\n";
}

constexpr const char* kPreCommitBody =
    R"(exec "$SPRAWL" git --staged
)";

// git runs pre-push as `pre-push <remote name> <remote url>` with one line per pushed ref on
// stdin. Every sprawl run reads /dev/null so it cannot swallow the remaining lines.
constexpr const char* kPrePushBody = R"(remote="$1"

# True when $1 is empty or all zeros (git's "no object": a new or deleted ref).
is_zero() {
  case "$1" in
    *[!0]*) return 1 ;;
    *) return 0 ;;
  esac
}

status=0
while read -r local_ref local_sha remote_ref remote_sha; do
  # A delete (local sha all zeros) pushes no commits.
  if is_zero "$local_sha"; then continue; fi
  # Tags may point at tag objects: scan the commit they name; anything else has no history.
  head=$(git rev-parse -q --verify "$local_sha^{commit}" 2>/dev/null) || continue
  base=""
  if ! is_zero "$remote_sha"; then
    # Empty when the remote tip is unknown here (someone else pushed): treated as new.
    base=$(git rev-parse -q --verify "$remote_sha^{commit}" 2>/dev/null) || base=""
  fi
  if [ -z "$base" ]; then
    # A new branch: scan from where it leaves the remote's default branch, if known.
    default_ref=$(git symbolic-ref -q "refs/remotes/$remote/HEAD" 2>/dev/null) &&
      base=$(git merge-base "$default_ref" "$head" 2>/dev/null) || base=""
  fi
  if [ -n "$base" ]; then
    "$SPRAWL" git --range "$base..$head" </dev/null
  else
    # No base at all: the commits not on any remote-tracking ref (`sprawl git` provides this).
    "$SPRAWL" git --since-remotes "$head" </dev/null
  fi
  rc=$?
  if [ "$rc" -gt "$status" ]; then status=$rc; fi
done
exit "$status"
)";

}  // namespace

const char* HookFileName(HookKind kind) {
  return kind == HookKind::kPrePush ? "pre-push" : "pre-commit";
}

std::string RenderHookScript(HookKind kind, const std::string& sprawl_path) {
  std::string s = "#!/bin/sh\n";
  s += kHookMarker;
  s += "\n";
  if (kind == HookKind::kPreCommit) {
    s += "# Scans the staged changes for secrets; a finding (exit 1) blocks the commit.\n"
         "# Skip once with `git commit --no-verify`; delete this file to uninstall.\n";
  } else {
    s += "# Scans the commits being pushed for secrets; a finding (exit 1) blocks the push.\n"
         "# Skip once with `git push --no-verify`; delete this file to uninstall.\n";
  }
  s += FindSprawlSnippet(sprawl_path);
  s += "\n";
  s += kind == HookKind::kPreCommit ? kPreCommitBody : kPrePushBody;
  return s;
}

bool IsSprawlHook(std::string_view content) {
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line == kHookMarker) return true;
    pos = end + 1;
  }
  return false;
}

std::string FindHooksDir(const std::string& repo_path) {
  EnsureLibgit2();  // once per process, with the network set-up deferred like every command
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, repo_path.c_str(), 0, nullptr) != 0) {
    throw UsageError(repo_path + ": not in a git repository (" + LastGitError() + ")");
  }
  std::unique_ptr<git_repository, RepoDeleter> repo(raw);

  git_config* raw_config = nullptr;
  if (git_repository_config_snapshot(&raw_config, repo.get()) != 0) {
    throw UsageError(repo_path + ": cannot read the git config (" + LastGitError() + ")");
  }
  std::unique_ptr<git_config, ConfigDeleter> config(raw_config);
  GitBuf hooks_path;
  const int rc = git_config_get_path(&hooks_path.buf, config.get(), "core.hooksPath");
  if (rc == 0 && hooks_path.buf.size > 0) {
    std::filesystem::path p(hooks_path.str());
    if (p.is_relative()) {
      // Relative to where git runs hooks: the working tree, or the git dir when bare.
      const char* workdir = git_repository_workdir(repo.get());
      p = std::filesystem::path(workdir ? workdir : git_repository_path(repo.get())) / p;
    }
    return StripTrailingSlash(p.lexically_normal().string());
  }
  if (rc != 0 && rc != GIT_ENOTFOUND) {
    throw UsageError(repo_path + ": cannot read core.hooksPath (" + LastGitError() + ")");
  }

  GitBuf item;
  if (git_repository_item_path(&item.buf, repo.get(), GIT_REPOSITORY_ITEM_HOOKS) != 0) {
    throw RuntimeError(repo_path + ": cannot find the hooks directory (" + LastGitError() + ")");
  }
  return StripTrailingSlash(item.str());
}

HookInstallResult InstallHook(const HookInstallOptions& options) {
  const std::string dir = FindHooksDir(options.repo_path);
  HookInstallResult result;
  result.hook_path = dir + "/" + HookFileName(options.kind);

  struct stat st {};
  if (::lstat(result.hook_path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      throw UsageError(result.hook_path + " is a directory; remove it to install the hook");
    }
    // Read through a symlink: its target decides whose hook it is.
    auto existing = ReadWholeFile(result.hook_path);
    const bool ours = existing && IsSprawlHook(*existing);
    if (!ours && !options.force) {
      throw UsageError(result.hook_path +
                       " already exists and was not installed by sprawl; rerun with --force "
                       "to replace it");
    }
    result.replaced_own = ours;
    result.replaced_foreign = !ours;
  }

  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw RuntimeError(dir + ": cannot create the hooks directory: " + ec.message());

  // Write beside the hook and rename over it: never a half-written hook, and a symlinked
  // hook is replaced rather than its target rewritten.
  std::string tmp = dir + "/." + HookFileName(options.kind) + ".sprawl-XXXXXX";
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) {
    throw RuntimeError(result.hook_path + ": cannot write hook: " + std::strerror(errno));
  }
  const std::string script = RenderHookScript(options.kind, options.sprawl_path);
  size_t off = 0;
  bool ok = true;
  while (ok && off < script.size()) {
    const ssize_t n = ::write(fd, script.data() + off, script.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = false;
    } else {
      off += static_cast<size_t>(n);
    }
  }
  ok = ok && ::fchmod(fd, 0755) == 0;
  const int saved_errno = errno;
  ok = (::close(fd) == 0) && ok;
  if (!ok || ::rename(tmp.c_str(), result.hook_path.c_str()) != 0) {
    const int err = ok ? errno : saved_errno;
    ::unlink(tmp.c_str());
    throw RuntimeError(result.hook_path + ": cannot write hook: " + std::strerror(err));
  }
  return result;
}

std::string CurrentExecutablePath() {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec || !p.is_absolute() || ::access(p.c_str(), X_OK) != 0) return {};
  return p.string();
}

}  // namespace sprawl
