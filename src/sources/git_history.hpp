// Enumerates every blob reachable from the repository's refs, once each, with the commit
// and path that first introduced it. Commits are visited parents-first (topological order),
// so the first sighting of a blob is its introduction; trees already visited are skipped,
// which makes the walk proportional to what changed, not to history × tree size.
#pragma once

#include <git2.h>

#include <functional>
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

// A blob entering (+1) or leaving (-1) one path of the tree at a commit of HEAD's
// first-parent line, relative to the commit before it on that line.
struct MainlineChange {
  std::uint32_t position;  // index into GitHistory::mainline
  std::uint32_t blob;      // index into GitHistory::blobs
  std::int32_t delta;
};

struct GitHistory {
  std::vector<git_oid> commits;                     // parents before children
  std::vector<git_oid> commit_trees;                // root tree of each commit
  std::vector<std::vector<std::uint32_t>> parents;  // indices into commits (present ones only)

  // For each commit, whether `tip`'s history contains it.
  std::vector<bool> ReachableFrom(std::uint32_t tip) const;
  // Index of a commit id, or -1.
  std::int64_t IndexOf(const git_oid& id) const;
  std::vector<HistoryBlob> blobs;
  // HEAD's first-parent line, oldest first (indices into commits), and every blob change
  // along it in that order: enough to tell, for any set of blobs, when it was last present
  // there without reading a tree again. Empty when HEAD's commit was not walked (--branch
  // elsewhere, unborn HEAD).
  std::vector<std::uint32_t> mainline;
  std::vector<MainlineChange> mainline_changes;
  std::vector<std::pair<std::string, git_oid>> ref_tips;  // ref name → commit it reaches
  bool shallow = false;
  std::uint64_t submodules_skipped = 0;  // gitlink entries (submodules are not followed)
  std::uint64_t symlinks_skipped = 0;
  std::uint64_t missing_objects = 0;  // trees or commits that could not be read
};

// Throws UsageError if a requested branch does not resolve.
// `on_blob`, if set, is called for each new blob as soon as it is found (with its index in
// `blobs`), so scanning can start while the walk goes on.
GitHistory EnumerateHistory(
    git_repository* repo, const HistoryOptions& options, Diagnostics* diag,
    const std::function<void(std::uint32_t, const HistoryBlob&)>& on_blob = nullptr);

}  // namespace sprawl
