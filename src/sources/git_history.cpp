#include "sources/git_history.hpp"

#include <algorithm>
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
  return order;
}

class TreeWalker {
 public:
  TreeWalker(git_repository* repo, GitHistory* history, Diagnostics* diag,
             const std::function<void(std::uint32_t, const HistoryBlob&)>& on_blob)
      : repo_(repo), history_(history), diag_(diag), on_blob_(on_blob) {}

  // Walks `tree`, skipping entries identical in `base` (the first parent's tree at the same
  // path, or null): like git's tree diff, only what the commit changed is looked at.
  void Walk(const git_tree* tree, const git_tree* base, const std::string& prefix,
            std::uint32_t commit) {
    const size_t n = git_tree_entrycount(tree);
    const size_t m = base ? git_tree_entrycount(base) : 0;
    size_t j = 0;
    for (size_t i = 0; i < n; ++i) {
      const git_tree_entry* e = git_tree_entry_byindex(tree, i);
      const git_tree_entry* old = nullptr;
      while (j < m && git_tree_entry_cmp(git_tree_entry_byindex(base, j), e) < 0)
        ++j;
      if (j < m && std::strcmp(git_tree_entry_name(git_tree_entry_byindex(base, j)),
                               git_tree_entry_name(e)) == 0) {
        old = git_tree_entry_byindex(base, j);
      }
      const git_oid* id = git_tree_entry_id(e);
      if (old && git_oid_equal(git_tree_entry_id(old), id)) continue;  // unchanged
      const std::string path =
          prefix.empty() ? git_tree_entry_name(e) : prefix + "/" + git_tree_entry_name(e);
      switch (git_tree_entry_filemode(e)) {
        case GIT_FILEMODE_TREE: {
          if (!seen_trees_.insert(*id).second) break;  // already walked: nothing new below
          git_tree* sub = nullptr;
          if (git_tree_lookup(&sub, repo_, id) != 0) {
            ++history_->missing_objects;
            diag_->Warn(GitErrorMessage("cannot read tree " + OidHex(*id) + " (" +
                                        EscapeForTerminal(path) + ")"));
            break;
          }
          TreePtr holder(sub);
          TreePtr old_sub;
          git_tree* old_raw = nullptr;
          if (old && git_tree_entry_filemode(old) == GIT_FILEMODE_TREE &&
              git_tree_lookup(&old_raw, repo_, git_tree_entry_id(old)) == 0) {
            old_sub.reset(old_raw);
          }
          Walk(sub, old_sub.get(), path, commit);
          break;
        }
        case GIT_FILEMODE_BLOB:
        case GIT_FILEMODE_BLOB_EXECUTABLE:
          if (seen_blobs_.insert(*id).second) {
            history_->blobs.push_back(HistoryBlob{*id, path, commit});
            if (on_blob_) {
              on_blob_(static_cast<std::uint32_t>(history_->blobs.size() - 1),
                       history_->blobs.back());
            }
          }
          break;
        case GIT_FILEMODE_LINK:
          if (seen_blobs_.insert(*id).second) ++history_->symlinks_skipped;
          break;
        case GIT_FILEMODE_COMMIT:
          ++history_->submodules_skipped;
          break;
        default:
          break;
      }
    }
  }

  bool MarkRoot(const git_oid& tree) { return seen_trees_.insert(tree).second; }

 private:
  git_repository* repo_;
  GitHistory* history_;
  Diagnostics* diag_;
  const std::function<void(std::uint32_t, const HistoryBlob&)>& on_blob_;
  std::unordered_set<git_oid, OidHash, OidEqual> seen_trees_;
  std::unordered_set<git_oid, OidHash, OidEqual> seen_blobs_;
};

}  // namespace

GitHistory EnumerateHistory(git_repository* repo, const HistoryOptions& options, Diagnostics* diag,
                            const std::function<void(std::uint32_t, const HistoryBlob&)>& on_blob) {
  GitHistory history;
  history.shallow = git_repository_is_shallow(repo) == 1;
  history.ref_tips = CollectTips(repo, options);

  history.commits = TopologicalCommits(repo, history, diag);

  TreeWalker walker(repo, &history, diag, on_blob);
  for (std::uint32_t i = 0; i < history.commits.size(); ++i) {
    const git_oid* tree_id = &history.commit_trees[i];
    if (!walker.MarkRoot(*tree_id)) continue;  // same tree as an earlier commit
    git_tree* tree = nullptr;
    if (git_tree_lookup(&tree, repo, tree_id) != 0) {
      ++history.missing_objects;
      diag->Warn(GitErrorMessage("cannot read tree " + OidHex(*tree_id) + " of commit " +
                                 OidHex(history.commits[i])));
      continue;
    }
    TreePtr tree_holder(tree);
    TreePtr base;
    git_tree* base_raw = nullptr;
    if (!history.parents[i].empty() &&
        git_tree_lookup(&base_raw, repo, &history.commit_trees[history.parents[i][0]]) == 0) {
      base.reset(base_raw);
    }
    walker.Walk(tree, base.get(), "", i);
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
