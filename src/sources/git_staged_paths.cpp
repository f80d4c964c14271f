#include "sources/git_staged_paths.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "util/text.hpp"

namespace sprawl {
namespace {

// Walks HEAD's tree and the index side by side, one directory at a time.
class StagedComparer {
 public:
  StagedComparer(git_repository* repo, const IndexFile& index)
      : repo_(repo), entries_(index.entries()) {}

  // Compares the index entries [lo, hi), all under `prefix` ("" or "dir/sub/"), with
  // HEAD's tree `head` at that path; `node` is the cache tree there, if any (directories it
  // vouches for are skipped before their tree is read). False when a tree cannot be read.
  bool Dir(const std::string& prefix, const CacheTreeNode* node, const git_tree* head,
           std::size_t lo, std::size_t hi) {
    std::vector<Child> kids;
    std::unordered_map<std::string_view, std::size_t> by_name;
    for (std::size_t i = lo; i < hi;) {
      const std::string_view rest = entries_[i].path.substr(prefix.size());
      const std::size_t slash = rest.find('/');
      Child kid{rest.substr(0, slash), i, i + 1, slash != std::string_view::npos};
      if (kid.dir) {  // a directory's entries are contiguous: they share "prefix/name/"
        const std::string_view dir = entries_[i].path.substr(0, prefix.size() + slash + 1);
        while (kid.hi < hi && entries_[kid.hi].path.substr(0, dir.size()) == dir)
          ++kid.hi;
      }
      if (!by_name.emplace(kid.name, kids.size()).second) return false;  // file and dir
      kids.push_back(kid);
      i = kid.hi;
    }
    std::vector<bool> matched(kids.size());
    const std::size_t n = git_tree_entrycount(head);
    for (std::size_t k = 0; k < n; ++k) {
      const git_tree_entry* h = git_tree_entry_byindex(head, k);
      const std::string_view name = git_tree_entry_name(h);
      const bool head_dir = git_tree_entry_type(h) == GIT_OBJECT_TREE;
      const auto it = by_name.find(name);
      if (it == by_name.end()) {
        if (!Removed(prefix, h)) return false;
        continue;
      }
      const Child& kid = kids[it->second];
      matched[it->second] = true;
      if (kid.dir && head_dir) {
        const CacheTreeNode* child = node ? node->Child(name) : nullptr;
        if (child && child->valid() && git_oid_equal(&child->id, git_tree_entry_id(h))) {
          continue;  // written as exactly HEAD's tree since: nothing below changed
        }
        TreePtr sub = LookupTree(repo_, *git_tree_entry_id(h));
        if (!sub) return false;
        ++trees_read;
        if (!Dir(std::string(entries_[kid.lo].path.substr(0, prefix.size() + name.size() + 1)),
                 child, sub.get(), kid.lo, kid.hi)) {
          return false;
        }
      } else if (!kid.dir && !head_dir) {
        const IndexFileEntry& e = entries_[kid.lo];
        const git_oid id = e.id();
        if (!git_oid_equal(&id, git_tree_entry_id(h)) || e.mode() != git_tree_entry_filemode(h))
          Added(kid.lo, kid.hi);
      } else {  // a file became a directory or the other way round
        if (!Removed(prefix, h)) return false;
        Added(kid.lo, kid.hi);
      }
    }
    for (std::size_t k = 0; k < kids.size(); ++k) {
      if (!matched[k]) Added(kids[k].lo, kids[k].hi);
    }
    return true;
  }

  std::vector<std::size_t> in_index;  // entries whose paths changed
  std::size_t trees_read = 0;
  std::vector<std::string> changed;

 private:
  struct Child {
    std::string_view name;
    std::size_t lo, hi;  // its index entries
    bool dir;
  };

  void Added(std::size_t lo, std::size_t hi) {
    for (std::size_t i = lo; i < hi; ++i) {
      in_index.push_back(i);
      changed.emplace_back(entries_[i].path);
    }
  }

  // HEAD's entry `h` under `prefix` is gone from the index: its path, or every path below it.
  bool Removed(const std::string& prefix, const git_tree_entry* h) {
    std::string path = prefix + git_tree_entry_name(h);
    if (git_tree_entry_type(h) != GIT_OBJECT_TREE) {
      changed.push_back(std::move(path));
      return true;
    }
    TreePtr sub = LookupTree(repo_, *git_tree_entry_id(h));
    if (!sub) return false;
    ++trees_read;
    path += '/';
    for (std::size_t k = 0; k < git_tree_entrycount(sub.get()); ++k) {
      if (!Removed(path, git_tree_entry_byindex(sub.get(), k))) return false;
    }
    return true;
  }

  git_repository* repo_;
  const std::vector<IndexFileEntry>& entries_;
};

}  // namespace

std::optional<StagedPaths> FindStagedPaths(git_repository* repo, const IndexFile& index,
                                           const git_tree* head) {
  StagedComparer compare(repo, index);
  const auto& root = index.cache_tree();
  const bool unchanged = root && root->valid() && git_oid_equal(&root->id, git_tree_id(head));
  if (!unchanged && !compare.Dir("", root ? &*root : nullptr, head, 0, index.entries().size())) {
    return std::nullopt;
  }
  StagedPaths out;
  git_index* raw = nullptr;
  if (git_index_new(&raw) != 0) return std::nullopt;
  out.index.reset(raw);
  // The diff looks up each file's attributes (`binary`, `-diff`), and libgit2 loads the
  // repository's whole index to find .gitattributes files that are only staged: the small
  // index stands in for it (see StagedAdditions), so it carries those files too.
  std::vector<std::size_t> entries = std::move(compare.in_index);
  for (std::size_t i = 0; i < index.entries().size(); ++i) {
    const std::string_view path = index.entries()[i].path;
    if (path == ".gitattributes" || EndsWith(path, "/.gitattributes")) entries.push_back(i);
  }
  for (const std::size_t i : entries) {
    const IndexFileEntry& e = index.entries()[i];
    git_index_entry entry{};
    entry.mode = e.mode();
    entry.id = e.id();
    entry.file_size = e.file_size();
    entry.flags_extended = e.flags_extended();
    entry.path = e.path.data();  // NUL-terminated (see IndexFileEntry)
    if (git_index_add(out.index.get(), &entry) != 0) return std::nullopt;
  }
  out.changed = std::move(compare.changed);
  out.trees_read = compare.trees_read + (unchanged ? 0 : 1);  // and HEAD's root
  std::sort(out.changed.begin(), out.changed.end());
  out.changed.erase(std::unique(out.changed.begin(), out.changed.end()), out.changed.end());
  return out;
}

}  // namespace sprawl
