#include "sources/git_history.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "sources/git_util.hpp"
#include "sprawl/error.hpp"
#include "util/escape.hpp"
#include "util/fs.hpp"

namespace sprawl {
namespace {

// Resolves a ref or revision to the commit it points at (tags peeled).
bool PeelToCommit(git_repository* repo, git_reference* ref, git_oid* out) {
  git_object* obj = nullptr;
  if (git_reference_peel(&obj, ref, GIT_OBJECT_COMMIT) != 0) return false;
  *out = *git_object_id(obj);
  git_object_free(obj);
  (void)repo;
  return true;
}

std::vector<std::pair<std::string, git_oid>> CollectTips(git_repository* repo,
                                                         const HistoryOptions& options) {
  std::vector<std::pair<std::string, git_oid>> tips;
  if (!options.branches.empty()) {
    for (const auto& name : options.branches) {
      git_object* obj = nullptr;
      if (git_revparse_single(&obj, repo, name.c_str()) != 0) {
        throw UsageError(GitErrorMessage("--branch " + EscapeForTerminal(name)));
      }
      ObjectPtr holder(obj);
      git_object* commit = nullptr;
      if (git_object_peel(&commit, obj, GIT_OBJECT_COMMIT) != 0) {
        throw UsageError("--branch " + EscapeForTerminal(name) + " does not name a commit");
      }
      tips.emplace_back(name, *git_object_id(commit));
      git_object_free(commit);
    }
    return tips;
  }
  git_reference_iterator* it = nullptr;
  if (git_reference_iterator_new(&it, repo) == 0) {
    git_reference* ref = nullptr;
    while (git_reference_next(&ref, it) == 0) {
      ReferencePtr holder(ref);
      git_oid oid;
      if (PeelToCommit(repo, ref, &oid)) tips.emplace_back(git_reference_name(ref), oid);
    }
    git_reference_iterator_free(it);
  }
  // Deterministic order, HEAD first: when two lines of history introduce the same blob, the
  // one HEAD reaches is walked first and gets the attribution.
  std::sort(tips.begin(), tips.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  git_reference* head = nullptr;
  if (git_repository_head(&head, repo) == 0) {
    ReferencePtr holder(head);
    git_oid oid;
    if (PeelToCommit(repo, head, &oid)) tips.insert(tips.begin(), {"HEAD", oid});
  }
  return tips;
}

// Commits of a shallow clone whose parents are absent by design (.git/shallow).
std::unordered_set<git_oid, OidHash, OidEqual> ShallowBoundary(git_repository* repo) {
  std::unordered_set<git_oid, OidHash, OidEqual> out;
  auto text = ReadWholeFile(std::string(git_repository_path(repo)) + "shallow");
  if (!text) return out;
  size_t start = 0;
  while (start < text->size()) {
    size_t nl = text->find('\n', start);
    if (nl == std::string::npos) nl = text->size();
    git_oid id;
    if (nl - start >= GIT_OID_HEXSZ &&
        git_oid_fromstrn(&id, text->data() + start, GIT_OID_HEXSZ) == 0) {
      out.insert(id);
    }
    start = nl + 1;
  }
  return out;
}

// Every commit reachable from the tips, parents before children (an iterative post-order
// DFS). Written out rather than using git_revwalk so that a shallow boundary or a missing
// parent ends that line of history instead of the whole walk.
std::vector<git_oid> TopologicalCommits(git_repository* repo, GitHistory& history,
                                        Diagnostics* diag) {
  const auto boundary = ShallowBoundary(repo);
  std::vector<git_oid> order;
  std::vector<std::vector<git_oid>> all_parents;
  std::unordered_set<git_oid, OidHash, OidEqual> seen;
  struct Frame {
    git_oid id;
    git_oid tree;
    std::vector<git_oid> parents;
    size_t next = 0;
  };
  for (const auto& [name, tip] : history.ref_tips) {
    if (!seen.insert(tip).second) continue;
    std::vector<Frame> stack;
    auto push = [&](const git_oid& id) {
      Frame f{id, {}, {}, 0};
      git_commit* c = nullptr;
      if (git_commit_lookup(&c, repo, &id) != 0) {
        ++history.missing_objects;
        diag->Warn(GitErrorMessage("cannot read commit " + OidHex(id)));
        return false;
      }
      CommitPtr holder(c);
      f.tree = *git_commit_tree_id(c);
      if (!boundary.count(id)) {
        for (unsigned i = 0; i < git_commit_parentcount(c); ++i) {
          f.parents.push_back(*git_commit_parent_id(c, i));
        }
      }
      stack.push_back(std::move(f));
      return true;
    };
    if (!push(tip)) continue;
    while (!stack.empty()) {
      Frame& top = stack.back();
      if (top.next < top.parents.size()) {
        const git_oid parent = top.parents[top.next++];
        if (seen.insert(parent).second) push(parent);
        continue;
      }
      order.push_back(top.id);
      history.commit_trees.push_back(top.tree);
      all_parents.push_back(std::move(top.parents));
      stack.pop_back();
    }
  }
  std::unordered_map<git_oid, std::uint32_t, OidHash, OidEqual> index;
  for (std::uint32_t i = 0; i < order.size(); ++i)
    index.emplace(order[i], i);
  history.parents.resize(order.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    for (const auto& p : all_parents[i]) {
      auto it = index.find(p);
      if (it != index.end()) history.parents[i].push_back(it->second);
    }
  }
  // HEAD's first-parent line, if HEAD's commit is part of what was walked; it ends where a
  // first parent is absent (shallow boundary, missing object) like the walk itself.
  git_reference* head = nullptr;
  if (git_repository_head(&head, repo) == 0) {
    ReferencePtr holder(head);
    git_oid head_id;
    auto it = PeelToCommit(repo, head, &head_id) ? index.find(head_id) : index.end();
    while (it != index.end()) {
      history.mainline.push_back(it->second);
      const auto& parents = all_parents[it->second];
      it = parents.empty() ? index.end() : index.find(parents[0]);
    }
    std::reverse(history.mainline.begin(), history.mainline.end());
  } else {
    git_error_clear();
  }
  return order;
}

// Marks a commit as not on HEAD's first-parent line: its changes are not recorded.
constexpr std::int64_t kOffMainline = -1;

class TreeWalker {
 public:
  TreeWalker(git_repository* repo, GitHistory* history, Diagnostics* diag,
             const std::function<void(std::uint32_t, const HistoryBlob&)>& on_blob)
      : repo_(repo), history_(history), diag_(diag), on_blob_(on_blob) {}

  // Walks `tree`, skipping entries identical in `base` (the first parent's tree at the same
  // path, or null): like git's tree diff, only what the commit changed is looked at. Off the
  // mainline a subtree walked before is skipped too (nothing new below it); on the mainline
  // (`position` set) it is still compared, and every blob that enters or leaves a path is
  // recorded as a MainlineChange.
  void Walk(const git_tree* tree, const git_tree* base, const std::string& prefix,
            std::uint32_t commit, std::int64_t position) {
    ForEachTreeChange(base, tree, [&](const git_tree_entry* old, const git_tree_entry* e) {
      if (!e) {  // only in the base: removed by this commit
        Record(old, position, -1);
        return;
      }
      const git_oid* id = git_tree_entry_id(e);
      const std::string path =
          prefix.empty() ? git_tree_entry_name(e) : prefix + "/" + git_tree_entry_name(e);
      switch (git_tree_entry_filemode(e)) {
        case GIT_FILEMODE_TREE: {
          const bool first_visit = seen_trees_.insert(*id).second;
          if (!first_visit && position == kOffMainline) break;  // nothing new below
          TreePtr sub = LookupTree(repo_, *id);
          if (!sub) {
            if (first_visit) {
              ++history_->missing_objects;
              diag_->Warn(GitErrorMessage("cannot read tree " + OidHex(*id) + " (" +
                                          EscapeForTerminal(path) + ")"));
            }
            Record(old, position, -1);
            break;
          }
          TreePtr old_sub = old ? LookupTree(repo_, *git_tree_entry_id(old)) : nullptr;
          if (old && !old_sub) git_error_clear();
          Walk(sub.get(), old_sub.get(), path, commit, position);
          break;
        }
        case GIT_FILEMODE_BLOB:
        case GIT_FILEMODE_BLOB_EXECUTABLE: {
          Record(old, position, -1);
          auto [it, first_visit] =
              seen_blobs_.emplace(*id, static_cast<std::uint32_t>(history_->blobs.size()));
          if (first_visit) {
            history_->blobs.push_back(HistoryBlob{*id, path, commit});
            if (on_blob_) on_blob_(it->second, history_->blobs.back());
          }
          if (position != kOffMainline && it->second != kNotScanned) {
            history_->mainline_changes.push_back(
                MainlineChange{static_cast<std::uint32_t>(position), it->second, +1});
          }
          break;
        }
        case GIT_FILEMODE_LINK:
          Record(old, position, -1);
          if (seen_blobs_.emplace(*id, kNotScanned).second) ++history_->symlinks_skipped;
          break;
        case GIT_FILEMODE_COMMIT:
          Record(old, position, -1);
          ++history_->submodules_skipped;
          break;
        default:
          Record(old, position, -1);
          break;
      }
    });
  }

  bool MarkRoot(const git_oid& tree) { return seen_trees_.insert(tree).second; }

 private:
  // Symlink targets share the blob namespace but are never scanned.
  static constexpr std::uint32_t kNotScanned = UINT32_MAX;

  // On the mainline, notes that `entry` (a blob, or every blob below a tree) entered or
  // left its path. Blobs there were all seen when the entry was first walked.
  void Record(const git_tree_entry* entry, std::int64_t position, std::int32_t delta) {
    if (!entry || position == kOffMainline) return;
    const git_filemode_t mode = git_tree_entry_filemode(entry);
    if (mode == GIT_FILEMODE_TREE) {
      TreePtr sub = LookupTree(repo_, *git_tree_entry_id(entry));
      if (!sub) {
        git_error_clear();
        return;
      }
      for (size_t k = 0; k < git_tree_entrycount(sub.get()); ++k)
        Record(git_tree_entry_byindex(sub.get(), k), position, delta);
    } else if (mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE) {
      auto it = seen_blobs_.find(*git_tree_entry_id(entry));
      if (it == seen_blobs_.end() || it->second == kNotScanned) return;
      history_->mainline_changes.push_back(
          MainlineChange{static_cast<std::uint32_t>(position), it->second, delta});
    }
  }

  git_repository* repo_;
  GitHistory* history_;
  Diagnostics* diag_;
  const std::function<void(std::uint32_t, const HistoryBlob&)>& on_blob_;
  std::unordered_set<git_oid, OidHash, OidEqual> seen_trees_;
  std::unordered_map<git_oid, std::uint32_t, OidHash, OidEqual> seen_blobs_;  // → blobs index
};

}  // namespace

GitHistory EnumerateHistory(git_repository* repo, const HistoryOptions& options, Diagnostics* diag,
                            const std::function<void(std::uint32_t, const HistoryBlob&)>& on_blob) {
  GitHistory history;
  history.shallow = git_repository_is_shallow(repo) == 1;
  history.ref_tips = CollectTips(repo, options);

  history.commits = TopologicalCommits(repo, history, diag);

  std::vector<std::int64_t> position(history.commits.size(), kOffMainline);
  for (std::uint32_t p = 0; p < history.mainline.size(); ++p)
    position[history.mainline[p]] = p;

  TreeWalker walker(repo, &history, diag, on_blob);
  for (std::uint32_t i = 0; i < history.commits.size(); ++i) {
    const git_oid* tree_id = &history.commit_trees[i];
    // A root tree seen before (a revert, a merge taking the other side) has nothing new; on
    // the mainline it is still compared with its first parent for the change record.
    if (!walker.MarkRoot(*tree_id) && position[i] == kOffMainline) continue;
    TreePtr tree = LookupTree(repo, *tree_id);
    if (!tree) {
      ++history.missing_objects;
      diag->Warn(GitErrorMessage("cannot read tree " + OidHex(*tree_id) + " of commit " +
                                 OidHex(history.commits[i])));
      continue;
    }
    // The base is the first parent's tree; on the mainline, exactly the previous commit of
    // the line (history.parents lists only the parents that are present).
    const git_oid* base_id = nullptr;
    if (position[i] > 0) {
      base_id = &history.commit_trees[history.mainline[position[i] - 1]];
    } else if (position[i] == kOffMainline && !history.parents[i].empty()) {
      base_id = &history.commit_trees[history.parents[i][0]];
    }
    TreePtr base = base_id ? LookupTree(repo, *base_id) : nullptr;
    if (base_id && !base) git_error_clear();
    walker.Walk(tree.get(), base.get(), "", i, position[i]);
  }
  return history;
}

}  // namespace sprawl

namespace sprawl {

std::vector<bool> GitHistory::ReachableFrom(std::uint32_t tip) const {
  std::vector<bool> reached(commits.size(), false);
  std::vector<std::uint32_t> stack{tip};
  reached[tip] = true;
  while (!stack.empty()) {
    const auto c = stack.back();
    stack.pop_back();
    for (auto p : parents[c]) {
      if (!reached[p]) {
        reached[p] = true;
        stack.push_back(p);
      }
    }
  }
  return reached;
}

std::int64_t GitHistory::IndexOf(const git_oid& id) const {
  for (std::size_t i = 0; i < commits.size(); ++i) {
    if (git_oid_equal(&commits[i], &id)) return static_cast<std::int64_t>(i);
  }
  return -1;
}

}  // namespace sprawl
