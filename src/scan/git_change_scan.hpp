// Scans what a change adds: the staged index (pre-commit hook) or each commit of a range
// (CI gate). Each changed blob is scanned whole, once, and only findings on added lines are
// kept, so line numbers are those of the new file.
#pragma once

#include <string>
#include <vector>

#include "scan/file_scan_job.hpp"
#include "sprawl/engine.hpp"
#include "util/diagnostics.hpp"

namespace sprawl {

struct GitChangeJob {
  std::string repo_path;
  std::uint64_t max_file_size = FileScanOptions::kDefaultMaxFileSize;
  const SecretAllowlist* allowlist = nullptr;
};

// Findings on lines the index adds relative to HEAD.
ScanResult ScanStaged(const Engine& engine, const GitChangeJob& job, Diagnostics* diag);

// A commit range: commits reachable from `head` but not from `base` (base may be empty:
// then nothing is excluded), or, with `exclude_remotes`, not from any remote-tracking ref.
struct CommitRange {
  std::string base;
  std::string head = "HEAD";
  bool exclude_remotes = false;
  // With exclude_remotes: a branch ("refs/heads/topic") whose own remote-tracking refs
  // (refs/remotes/*/topic) do not count, because CI fetched the pushed commits into them.
  std::string pushed_ref;
};

// Findings on lines each commit in the range adds, attributed to that commit.
ScanResult ScanRange(const Engine& engine, const GitChangeJob& job, const CommitRange& range,
                     Diagnostics* diag, std::uint64_t* commits_scanned);

// Parses "A..B" (either side may be empty: "A.." means A..HEAD).
CommitRange ParseRange(const std::string& text);

}  // namespace sprawl
