// What a change adds: the files and line numbers added by the staged index (pre-commit) or by
// a commit (CI range). Renames are detected, so moving a file adds nothing.
#pragma once

#include <git2.h>

#include <string>
#include <utility>
#include <vector>

namespace sprawl {

struct AddedLines {
  std::string path;                                             // path in the new version
  git_oid blob;                                                 // the new version's blob
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges;  // added line ranges, inclusive
  bool binary = false;

  bool Contains(std::uint64_t line) const;
};

// How StagedAdditions finds what changed: by default from the index file's cache tree
// (sources/git_staged_paths.hpp), falling back to libgit2's whole-index diff when the index
// uses something that reader declines; tests force the whole-index diff to compare the two.
enum class StagedDiff { kChangedPathsOnly, kWholeIndex };

// Lines the next commit would add: the index against HEAD (against nothing on an unborn HEAD).
std::vector<AddedLines> StagedAdditions(git_repository* repo,
                                        StagedDiff how = StagedDiff::kChangedPathsOnly);

// Lines `commit` adds against its first parent; for a merge, only lines that are new against
// every parent (conflict resolutions and evil merges), so merged-in work is not counted twice.
std::vector<AddedLines> CommitAdditions(git_repository* repo, git_commit* commit);

}  // namespace sprawl
