// `sprawl git [REPO]`: full history, staged changes (--staged) or a commit range (--range,
// --since-commit, --since-remotes).
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <thread>

#include "ci/ci_environment.hpp"
#include "cli/commands.hpp"
#include "cli/engine_setup.hpp"
#include "cli/report_output.hpp"
#include "owners/owner_enricher.hpp"
#include "report/reporter.hpp"
#include "scan/git_change_scan.hpp"
#include "scan/git_scan_job.hpp"
#include "sources/file_walker.hpp"
#include "sources/git_lazy_init.hpp"
#include "sources/git_util.hpp"
#include "sprawl/error.hpp"
#include "util/escape.hpp"
#include "util/text.hpp"

namespace sprawl::cli {
namespace {

struct GitFlags {
  std::string repo = ".";
  std::vector<std::string> branches;
  bool staged = false;
  std::string range;
  std::string since_commit;
  std::string since_remotes;
  bool ci = false;
  OutputFlags out;
  unsigned threads = 0;
  std::string max_file_size;
  std::string config;
  bool no_config = false;
  bool quiet = false;
  EngineFlags engine;
};

bool IsRemoteUrl(const std::string& s) {
  return s.find("://") != std::string::npos ||
         (s.find('@') != std::string::npos && s.find(':') != std::string::npos &&
          s.find('/') > s.find(':'));
}

// A temporary bare clone of a remote repository, removed when this goes out of scope.
class TemporaryClone {
 public:
  explicit TemporaryClone(const std::string& url, Diagnostics* diag) {
    std::string tmpl = std::filesystem::temp_directory_path().string() + "/sprawl-clone-XXXXXX";
    if (!::mkdtemp(tmpl.data())) throw RuntimeError("cannot create a temporary directory");
    path_ = tmpl;
    EnsureLibgit2();
    std::string network_error;
    if (!PrepareGitNetwork(&network_error)) throw RuntimeError(network_error);
    git_clone_options opts = GIT_CLONE_OPTIONS_INIT;
    opts.bare = 1;
    diag->Note("cloning " + EscapeForTerminal(url));
    git_repository* repo = nullptr;
    if (git_clone(&repo, url.c_str(), path_.c_str(), &opts) != 0) {
      const std::string msg = GitErrorMessage("cannot clone " + EscapeForTerminal(url));
      Remove();
      throw UsageError(msg);
    }
    git_repository_free(repo);
  }
  ~TemporaryClone() { Remove(); }
  const std::string& path() const { return path_; }

 private:
  void Remove() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  std::string path_;
};

std::uint64_t ParseSize(const std::string& value) {
  std::uint64_t bytes = 0;
  if (!ParseByteSize(value, &bytes) || bytes == 0) {
    throw UsageError("invalid --max-file-size '" + value + "' (expected a size such as 25MiB)");
  }
  return bytes;
}

// The config of a work tree: .sprawl.yml at its top level.
std::string DiscoverConfig(const std::string& repo_path) {
  RepoPtr repo = OpenRepository(repo_path);
  const char* workdir = git_repository_workdir(repo.get());
  if (!workdir) return {};
  const std::string candidate = std::string(workdir) + ".sprawl.yml";
  return ::access(candidate.c_str(), F_OK) == 0 ? candidate : std::string();
}

void DropAllowlistedPaths(const IgnoreList& allow, ScanResult* result) {
  if (allow.empty()) return;
  auto& f = result->findings;
  const auto before = f.size();
  f.erase(std::remove_if(f.begin(), f.end(),
                         [&](const Finding& x) { return PathAllowlisted(allow, x.path); }),
          f.end());
  result->stats.filtered_allowlist += before - f.size();
  result->stats.findings = f.size();
}

int RunGit(GitFlags& flags) {
  ReportOutput output(flags.out);  // bad format or baseline fails before the scan
  const int modes = flags.staged + !flags.range.empty() + !flags.since_commit.empty() +
                    !flags.since_remotes.empty() + flags.ci;
  if (modes > 1) {
    throw UsageError("choose one of --staged, --range, --since-commit, --since-remotes, --ci");
  }
  Diagnostics diag(stderr, flags.quiet);
  std::unique_ptr<TemporaryClone> clone;
  std::string repo_path = flags.repo;
  if (IsRemoteUrl(flags.repo)) {
    if (modes > 0) throw UsageError("--staged and ranges need a local repository");
    clone = std::make_unique<TemporaryClone>(flags.repo, &diag);
    repo_path = clone->path();
  } else {
    struct stat st {};
    if (::stat(flags.repo.c_str(), &st) != 0) {
      throw UsageError(EscapeForTerminal(flags.repo) + ": " + std::strerror(errno));
    }
  }
  const std::string config_path =
      flags.no_config
          ? std::string()
          : (!flags.config.empty() ? flags.config
                                   : (clone ? std::string() : DiscoverConfig(repo_path)));
  flags.engine.live_verification = flags.out.verify.verify;
  auto prepared = PrepareEngine(config_path, flags.engine, &diag);
  std::uint64_t max_size = FileScanOptions::kDefaultMaxFileSize;
  if (prepared->config.max_file_size) max_size = *prepared->config.max_file_size;
  if (!flags.max_file_size.empty()) max_size = ParseSize(flags.max_file_size);

  ScanResult result;
  std::string note;
  bool damaged = false;
  if (modes == 0) {
    GitScanJob job;
    job.repo_path = repo_path;
    job.history.branches = flags.branches;
    job.max_file_size = max_size;
    job.threads = flags.threads ? flags.threads : std::max(1u, std::thread::hardware_concurrency());
    job.allowlist = prepared->secrets_allowlist();
    job.progress = !flags.quiet && ::isatty(STDERR_FILENO);
    GitScanResult r = RunGitHistoryScan(*prepared->engine, job, &diag);
    result.findings = std::move(r.findings);
    result.stats = r.stats;
    note = fmt::format("{} commits, {} unique blobs", r.git.commits, r.git.blobs);
    if (r.git.shallow) {
      diag.Note("shallow clone: history is truncated, only the commits present were scanned");
      note += ", shallow (history truncated)";
    }
    if (r.git.submodules_skipped) {
      diag.Note(fmt::format("{} submodule entries not followed (scan each submodule on its own)",
                            r.git.submodules_skipped));
    }
    damaged = r.git.missing_objects > 0 || r.stats.read_errors > 0;
  } else {
    GitChangeJob job;
    job.repo_path = repo_path;
    job.max_file_size = max_size;
    job.allowlist = prepared->secrets_allowlist();
    if (flags.staged) {
      result = ScanStaged(*prepared->engine, job, &diag);
      note = "staged changes";
    } else {
      CommitRange range;
      if (!flags.range.empty()) range = ParseRange(flags.range);
      if (!flags.since_commit.empty()) range.base = flags.since_commit;
      if (!flags.since_remotes.empty()) {
        range.head = flags.since_remotes;
        range.exclude_remotes = true;
      }
      if (flags.ci) {
        const CiRangeResult ci = DetectCiRangeFromProcess();
        if (!ci.ok()) throw UsageError("--ci: " + ci.error);
        diag.Note(EscapeForTerminal(ci.range->description));
        range.base = ci.range->base;
        range.head = ci.range->head;
        range.exclude_remotes = ci.range->since_remotes();
        range.pushed_ref = ci.range->pushed_ref;
      }
      std::uint64_t commits = 0;
      result = ScanRange(*prepared->engine, job, range, &diag, &commits);
      note = fmt::format("{} commit{} in range", commits, commits == 1 ? "" : "s");
    }
    damaged = result.stats.read_errors > 0;
  }
  DropAllowlistedPaths(prepared->allow_paths, &result);

  output.ApplyBaseline(&result);
  output.Verify(&result);
  // --- ownership hints (docs/ownership.md): paths of git findings are relative to the repo ---
  owners::OwnerEnrichOptions owner_options;
  owner_options.git_repo = repo_path;
  owners::EnrichOwners(&result.findings, owner_options, &diag);
  // --- end ownership hints ---
  output.Write(result, prepared->engine->rules(), flags.quiet, note);
  if (output.FindingsExitCode(result) != kExitClean) return kExitFindings;
  if (damaged) {
    diag.Warn("some objects could not be read: the scan is incomplete");
    return kExitRuntimeError;
  }
  return kExitClean;
}

}  // namespace

void RegisterGit(CLI::App& app, Action* run) {
  auto flags = std::make_shared<GitFlags>();
  CLI::App* cmd = app.add_subcommand(
      "git", "Scan git history (every blob reachable from any ref), staged changes or a range");
  cmd->add_option("repo", flags->repo,
                  "Repository path (work tree or bare) or URL to clone (default: .)");
  cmd->add_option("--branch", flags->branches, "Only history reachable from REF (repeatable)")
      ->allow_extra_args(false);
  cmd->add_flag("--staged", flags->staged,
                "Scan only lines the index adds relative to HEAD (pre-commit)");
  cmd->add_option("--range", flags->range, "Scan lines added by the commits in BASE..HEAD");
  cmd->add_option("--since-commit", flags->since_commit, "Shorthand for --range COMMIT..HEAD");
  cmd->add_flag("--ci", flags->ci,
                "Take the range from the CI environment (GitHub Actions, GitLab CI; docs/ci.md)");
  cmd->add_option("--since-remotes", flags->since_remotes,
                  "Scan commits reachable from COMMIT and from no remote-tracking ref (pre-push)");
  AddOutputFlags(cmd, &flags->out);
  cmd->add_option("-j,--threads", flags->threads, "Worker threads (default: all cores)");
  cmd->add_option("--max-file-size", flags->max_file_size,
                  "Skip blobs larger than this (default 25MiB); skipped blobs are reported");
  cmd->add_option("--config", flags->config,
                  "Config file (default: .sprawl.yml at the top of the work tree)");
  cmd->add_flag("--no-config", flags->no_config, "Ignore .sprawl.yml");
  cmd->add_flag("-q,--quiet", flags->quiet, "No summary, notes or progress on stderr");
  AddEngineFlags(cmd, &flags->engine);
  cmd->callback([flags, run] { *run = [flags] { return RunGit(*flags); }; });
}

}  // namespace sprawl::cli
