// Enumerates every blob reachable from the repository's refs, once each, with the commit
// and path that first introduced it. Commits are visited parents-first (topological order),
// so the first sighting of a blob is its introduction; trees already visited are skipped,
// which makes the walk proportional to what changed, not to history × tree size.
#pragma once

#include <git2.h>

#include <string>
#include <vector>

#include "util/diagnostics.hpp"

namespace sprawl {

struct HistoryOptions {
  std::vector<std::string> branches;  // limit to these refs/revisions; empty = every ref + HEAD
};

struct HistoryBlob {
  git_oid id;
  std::string path;          // path at first introduction
  std::uint32_t commit = 0;  // index into GitHistory::commits
};

struct GitHistory {
  std::vector<git_oid> commits;  // parents before children
  std::vector<HistoryBlob> blobs;
  std::vector<std::pair<std::string, git_oid>> ref_tips;  // ref name → commit it reaches
  bool shallow = false;
  std::uint64_t submodules_skipped = 0;  // gitlink entries (submodules are not followed)
  std::uint64_t symlinks_skipped = 0;
  std::uint64_t missing_objects = 0;  // trees or commits that could not be read
};

// Throws UsageError if a requested branch does not resolve.
GitHistory EnumerateHistory(git_repository* repo, const HistoryOptions& options, Diagnostics* diag);

}  // namespace sprawl
