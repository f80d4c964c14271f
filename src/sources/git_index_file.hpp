// A reader for git's index file (versions 2, 3 and 4) and its cache-tree extension, for
// the pre-commit path. libgit2 loads a whole index into its own structures (10 ms and ~560
// page faults for 10,000 entries); this reads the mapped file in place, and the cache tree
// tells which directories are unchanged since they were last written as trees, so a staged
// diff only has to look at the directories that changed.
//
// Anything this reader does not handle (split index, sparse directories, conflicts, an
// unknown required extension, a malformed file) makes it decline; the caller then uses
// libgit2's own reader, which also reports the error if the file is damaged.
#pragma once

#include <git2.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/mapped_file.hpp"

namespace sprawl {

// One entry, read in place from its on-disk record (10,000 entries of 24 bytes: the copy
// costs a quarter of the page faults a fully decoded one did).
struct IndexFileEntry {
  std::string_view path;        // NUL-terminated in memory (the file or the v4 path pool)
  const unsigned char* record;  // the entry's fixed part in the mapped file

  git_oid id() const;
  std::uint32_t mode() const;
  std::uint32_t file_size() const;
  std::uint16_t flags_extended() const;  // intent-to-add, skip-worktree (git_index_entry's)
};

// One directory of the cache tree: `id` is the tree object the directory's entries were
// last written as, valid only when entry_count >= 0 (git marks changed directories -1).
struct CacheTreeNode {
  std::string name;  // one path component; empty at the root
  std::int32_t entry_count = -1;
  git_oid id{};
  std::vector<CacheTreeNode> children;

  bool valid() const { return entry_count >= 0; }
  const CacheTreeNode* Child(std::string_view component) const;
};

class IndexFile {
 public:
  // nullopt (with the reason in `why`) when the file cannot be read or uses a feature this
  // reader leaves to libgit2.
  static std::optional<IndexFile> Read(const std::string& path, std::string* why);
  static std::optional<IndexFile> Parse(MappedFile bytes, std::string* why);

  // Stage-0 entries in index order (sorted by path, bytewise).
  const std::vector<IndexFileEntry>& entries() const { return entries_; }
  // The cache tree, if the file has one.
  const std::optional<CacheTreeNode>& cache_tree() const { return cache_tree_; }

 private:
  explicit IndexFile(MappedFile bytes) : bytes_(std::move(bytes)) {}

  MappedFile bytes_;
  std::vector<char> v4_paths_;  // version 4 paths, expanded, each followed by a NUL
  std::vector<IndexFileEntry> entries_;
  std::optional<CacheTreeNode> cache_tree_;
};

}  // namespace sprawl
