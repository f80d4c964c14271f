// Thin RAII and error helpers over libgit2, shared by the git sources.
#pragma once

#include <git2.h>

#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "sprawl/provenance.hpp"

namespace sprawl {

// libgit2 must be initialised once per process before use; this does it (thread-safe).
void EnsureLibgit2();

// Turns libgit2's parsed-object cache off for its lifetime. A full-history scan reads each
// object about once, so the cache only costs: at 1.2M objects it filled, and its eviction
// (which rescans the hash table from the start) took more time than the hits saved; without
// it the scan was 10-15 % faster and 100 MiB smaller (docs/performance.md). Pack delta bases
// keep their own cache. Construct only while no other thread uses libgit2.
class ObjectCacheOff {
 public:
  ObjectCacheOff();
  ~ObjectCacheOff();
  ObjectCacheOff(const ObjectCacheOff&) = delete;
  ObjectCacheOff& operator=(const ObjectCacheOff&) = delete;
};

template <typename T, void (*Free)(T*)>
struct GitDeleter {
  void operator()(T* p) const {
    if (p) Free(p);
  }
};
using RepoPtr = std::unique_ptr<git_repository, GitDeleter<git_repository, git_repository_free>>;
using CommitPtr = std::unique_ptr<git_commit, GitDeleter<git_commit, git_commit_free>>;
using TreePtr = std::unique_ptr<git_tree, GitDeleter<git_tree, git_tree_free>>;
using TreeEntryPtr =
    std::unique_ptr<git_tree_entry, GitDeleter<git_tree_entry, git_tree_entry_free>>;
using RevwalkPtr = std::unique_ptr<git_revwalk, GitDeleter<git_revwalk, git_revwalk_free>>;
using OdbPtr = std::unique_ptr<git_odb, GitDeleter<git_odb, git_odb_free>>;
using OdbObjectPtr =
    std::unique_ptr<git_odb_object, GitDeleter<git_odb_object, git_odb_object_free>>;
using ObjectPtr = std::unique_ptr<git_object, GitDeleter<git_object, git_object_free>>;
using ReferencePtr = std::unique_ptr<git_reference, GitDeleter<git_reference, git_reference_free>>;
using DiffPtr = std::unique_ptr<git_diff, GitDeleter<git_diff, git_diff_free>>;
using IndexPtr = std::unique_ptr<git_index, GitDeleter<git_index, git_index_free>>;
using BlobPtr = std::unique_ptr<git_blob, GitDeleter<git_blob, git_blob_free>>;

// "what: libgit2's last error message".
std::string GitErrorMessage(const std::string& what);

// Opens the repository containing `path` (work tree or bare). Throws UsageError.
RepoPtr OpenRepository(const std::string& path);

// The bytes of `rel_path` in HEAD's tree; none when HEAD is unborn or the path is not a
// blob there.
std::optional<std::string> ReadBlobAtHead(git_repository* repo, std::string_view rel_path);

// The tree `id`; null if it cannot be read (libgit2's error is left set).
TreePtr LookupTree(git_repository* repo, const git_oid& id);

// Calls `visit(before_entry, after_entry)` for every entry that differs between two trees,
// in git's tree order (directories sort as "name/", so a match is same name and kind):
// (entry, nullptr) removed, (nullptr, entry) added, (entry, entry) changed id. Identical
// entries are skipped, which is what makes a walk cost what a commit changed. A null
// `before` is an empty tree.
template <typename Visit>
void ForEachTreeChange(const git_tree* before, const git_tree* after, Visit&& visit) {
  const size_t m = before ? git_tree_entrycount(before) : 0;
  const size_t n = git_tree_entrycount(after);
  size_t i = 0, j = 0;
  while (i < m || j < n) {
    const git_tree_entry* old = i < m ? git_tree_entry_byindex(before, i) : nullptr;
    const git_tree_entry* now = j < n ? git_tree_entry_byindex(after, j) : nullptr;
    const int cmp = !old ? 1 : !now ? -1 : git_tree_entry_cmp(old, now);
    if (cmp < 0) {
      ++i;
      visit(old, nullptr);
    } else if (cmp > 0) {
      ++j;
      visit(nullptr, now);
    } else {
      ++i, ++j;
      if (!git_oid_equal(git_tree_entry_id(old), git_tree_entry_id(now))) visit(old, now);
    }
  }
}

std::string OidHex(const git_oid& oid);
GitCommitInfo DescribeCommit(const git_commit* commit);

struct OidHash {
  size_t operator()(const git_oid& o) const {
    size_t h;
    static_assert(sizeof(h) <= GIT_OID_RAWSZ);
    std::memcpy(&h, o.id, sizeof h);
    return h;
  }
};
struct OidEqual {
  bool operator()(const git_oid& a, const git_oid& b) const { return git_oid_equal(&a, &b); }
};

}  // namespace sprawl
