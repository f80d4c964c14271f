// Which paths differ between HEAD's tree and the index, found without loading the index into
// libgit2: directories whose cache-tree id equals HEAD's tree at that path are skipped whole,
// so a 5-file change in a 10,000-file repository reads a handful of trees.
#pragma once

#include <git2.h>

#include <string>
#include <vector>

#include "sources/git_index_file.hpp"
#include "sources/git_util.hpp"

namespace sprawl {

struct StagedPaths {
  std::vector<std::string> changed;  // every path added, modified or deleted, sorted
  // An in-memory index holding only the index's entries at those paths, and its
  // .gitattributes files.
  IndexPtr index;
  std::size_t trees_read = 0;  // HEAD trees compared: what the cache tree did not vouch for
};

// Compares `index` against `head` (a tree). nullopt when a tree cannot be read or libgit2
// refuses an entry: the caller then diffs the whole index the usual way.
std::optional<StagedPaths> FindStagedPaths(git_repository* repo, const IndexFile& index,
                                           const git_tree* head);

}  // namespace sprawl
