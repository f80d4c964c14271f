#include "scan/git_change_scan.hpp"

#include <algorithm>
#include <chrono>
#include <map>

#include "findings/content_scanner.hpp"
#include "sources/file_scan.hpp"
#include "sources/git_diff.hpp"
#include "sources/git_util.hpp"
#include "sprawl/error.hpp"
#include "util/escape.hpp"
#include "util/text.hpp"

namespace sprawl {
namespace {

// Scans changed blobs once each and keeps the findings on added lines.
class ChangeScanner {
 public:
  ChangeScanner(const Engine& engine, const GitChangeJob& job, git_repository* repo,
                Diagnostics* diag)
      : scanner_(engine), content_(scanner_, job.allowlist), job_(job), repo_(repo), diag_(diag) {}

  void Scan(const AddedLines& added, const std::string& source,
            const std::shared_ptr<const GitProvenance>& provenance, ScanResult* result) {
    const std::string key = OidHex(added.blob) + "\n" + added.path;
    auto cached = cache_.find(key);
    if (cached == cache_.end()) cached = cache_.emplace(key, Read(added, &result->stats)).first;
    for (const Finding& f : cached->second) {
      if (!added.Contains(f.line)) continue;
      Finding copy = f;
      copy.source = source;
      copy.git = provenance;
      result->findings.push_back(std::move(copy));
    }
  }

 private:
  std::vector<Finding> Read(const AddedLines& added, ScanStats* stats) {
    std::vector<Finding> found;
    if (added.binary) {
      ++stats->skipped_binary;
      return found;
    }
    git_blob* blob = nullptr;
    if (git_blob_lookup(&blob, repo_, &added.blob) != 0) {
      ++stats->read_errors;
      diag_->Warn(GitErrorMessage("cannot read blob " + OidHex(added.blob) + " (" +
                                  EscapeForTerminal(added.path) + ")"));
      return found;
    }
    BlobPtr holder(blob);
    const auto size = static_cast<std::uint64_t>(git_blob_rawsize(blob));
    if (size > job_.max_file_size) {
      ++stats->skipped_too_large;
      diag_->Note("skipped " + EscapeForTerminal(added.path) + ": " + HumanBytes(size) +
                  " exceeds --max-file-size " + HumanBytes(job_.max_file_size));
      return found;
    }
    const std::string_view data(static_cast<const char*>(git_blob_rawcontent(blob)),
                                static_cast<size_t>(size));
    if (LooksBinary(data)) {
      ++stats->skipped_binary;
      return found;
    }
    ++stats->files_scanned;
    stats->bytes_scanned += data.size();
    content_.ScanAll(data, added.path, &found, stats);
    return found;
  }

  Scanner scanner_;
  ContentScanner content_;
  const GitChangeJob& job_;
  git_repository* repo_;
  Diagnostics* diag_;
  std::map<std::string, std::vector<Finding>> cache_;
};

void Finish(ScanResult* result, std::chrono::steady_clock::time_point started) {
  std::sort(result->findings.begin(), result->findings.end(), FindingLess);
  result->stats.findings = result->findings.size();
  result->stats.elapsed_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

git_oid Resolve(git_repository* repo, const std::string& rev) {
  git_object* obj = nullptr;
  if (git_revparse_single(&obj, repo, rev.c_str()) != 0) {
    throw UsageError(GitErrorMessage("cannot resolve '" + EscapeForTerminal(rev) + "'"));
  }
  ObjectPtr holder(obj);
  git_object* commit = nullptr;
  if (git_object_peel(&commit, obj, GIT_OBJECT_COMMIT) != 0) {
    throw UsageError("'" + EscapeForTerminal(rev) + "' does not name a commit");
  }
  git_oid id = *git_object_id(commit);
  git_object_free(commit);
  return id;
}

// Hides every remote-tracking ref except those tracking `pushed_ref`'s branch.
void HideRemotes(git_repository* repo, git_revwalk* walk, const std::string& pushed_ref) {
  const std::string prefix = "refs/heads/";
  const std::string branch =
      pushed_ref.rfind(prefix, 0) == 0 ? pushed_ref.substr(prefix.size()) : std::string();
  git_reference_iterator* it = nullptr;
  if (git_reference_iterator_glob_new(&it, repo, "refs/remotes/*") != 0) return;
  git_reference* ref = nullptr;
  while (git_reference_next(&ref, it) == 0) {
    ReferencePtr holder(ref);
    const std::string name = git_reference_name(ref);
    if (!branch.empty() && EndsWith(name, "/" + branch)) continue;
    git_object* target = nullptr;
    if (git_reference_peel(&target, ref, GIT_OBJECT_COMMIT) == 0) {
      git_revwalk_hide(walk, git_object_id(target));
      git_object_free(target);
    }
  }
  git_reference_iterator_free(it);
}

}  // namespace

CommitRange ParseRange(const std::string& text) {
  CommitRange r;
  const size_t dots = text.find("..");
  if (dots == std::string::npos || text.find("...") != std::string::npos) {
    throw UsageError("--range expects BASE..HEAD, got '" + EscapeForTerminal(text) + "'");
  }
  r.base = text.substr(0, dots);
  const std::string head = text.substr(dots + 2);
  if (!head.empty()) r.head = head;
  return r;
}

ScanResult ScanStaged(const Engine& engine, const GitChangeJob& job, Diagnostics* diag) {
  const auto started = std::chrono::steady_clock::now();
  RepoPtr repo = OpenRepository(job.repo_path);
  if (git_repository_is_bare(repo.get())) {
    throw UsageError(job.repo_path + ": --staged needs a work tree, this repository is bare");
  }
  ChangeScanner scanner(engine, job, repo.get(), diag);
  ScanResult result;
  for (const AddedLines& added : StagedAdditions(repo.get())) {
    scanner.Scan(added, "staged", nullptr, &result);
  }
  Finish(&result, started);
  return result;
}

ScanResult ScanRange(const Engine& engine, const GitChangeJob& job, const CommitRange& range,
                     Diagnostics* diag, std::uint64_t* commits_scanned) {
  const auto started = std::chrono::steady_clock::now();
  RepoPtr repo = OpenRepository(job.repo_path);
  git_revwalk* walk_raw = nullptr;
  if (git_revwalk_new(&walk_raw, repo.get()) != 0) throw RuntimeError(GitErrorMessage("revwalk"));
  RevwalkPtr walk(walk_raw);
  git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
  const git_oid head = Resolve(repo.get(), range.head);
  git_revwalk_push(walk.get(), &head);
  if (!range.base.empty()) {
    const git_oid base = Resolve(repo.get(), range.base);
    git_revwalk_hide(walk.get(), &base);
  }
  if (range.exclude_remotes) HideRemotes(repo.get(), walk.get(), range.pushed_ref);

  ChangeScanner scanner(engine, job, repo.get(), diag);
  ScanResult result;
  git_oid id;
  std::uint64_t count = 0;
  while (git_revwalk_next(&id, walk.get()) == 0) {
    git_commit* commit = nullptr;
    if (git_commit_lookup(&commit, repo.get(), &id) != 0) {
      ++result.stats.read_errors;
      diag->Warn(GitErrorMessage("cannot read commit " + OidHex(id)));
      continue;
    }
    CommitPtr holder(commit);
    ++count;
    const GitCommitInfo info = DescribeCommit(commit);
    for (const AddedLines& added : CommitAdditions(repo.get(), commit)) {
      auto provenance = std::make_shared<GitProvenance>();
      provenance->introduced = info;
      provenance->blob_id = OidHex(added.blob);
      scanner.Scan(added, "range", provenance, &result);
    }
  }
  if (commits_scanned) *commits_scanned = count;
  Finish(&result, started);
  return result;
}

}  // namespace sprawl
