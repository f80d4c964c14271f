#include "sources/git_mainline_presence.hpp"

#include <algorithm>
#include <unordered_map>

#include "sources/git_util.hpp"

namespace sprawl {
namespace {

// How many entries of a tree hold each request's blobs, kept up to date while walking
// HEAD's first-parent line backwards one tree diff at a time. A diff descends only into
// subtrees whose ids differ, so the walk costs what the history changed, not its size;
// it stops as soon as every request has been seen present.
class PresenceCounter {
 public:
  PresenceCounter(
      git_repository* repo, size_t requests,
      std::unordered_map<git_oid, std::vector<std::uint32_t>, OidHash, OidEqual> by_blob)
      : repo_(repo), by_blob_(std::move(by_blob)), counts_(requests, 0) {}

  // Adds (sign +1) or removes (-1) every wanted blob under `tree`.
  void AddTree(const git_tree* tree, int sign) {
    for (size_t i = 0; i < git_tree_entrycount(tree); ++i)
      AddEntry(git_tree_entry_byindex(tree, i), sign);
  }

  // Moves the counts from `from`'s contents to `to`'s.
  void Diff(const git_tree* from, const git_tree* to) {
    ForEachTreeChange(from, to, [&](const git_tree_entry* a, const git_tree_entry* b) {
      if (!b) return AddEntry(a, -1);
      if (!a) return AddEntry(b, +1);
      if (git_tree_entry_filemode(a) == GIT_FILEMODE_TREE &&
          git_tree_entry_filemode(b) == GIT_FILEMODE_TREE) {
        TreePtr old_sub = LookupTree(repo_, *git_tree_entry_id(a));
        TreePtr new_sub = LookupTree(repo_, *git_tree_entry_id(b));
        if (old_sub && new_sub) return Diff(old_sub.get(), new_sub.get());
        if (old_sub) AddTree(old_sub.get(), -1);
        if (new_sub) AddTree(new_sub.get(), +1);
        return;
      }
      AddEntry(a, -1);
      AddEntry(b, +1);
    });
  }

  bool Present(std::uint32_t request) const { return counts_[request] > 0; }

  // Requests whose count changed since the last call (each once).
  std::vector<std::uint32_t> TakeChanged() {
    std::vector<std::uint32_t> out;
    out.swap(changed_);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

 private:
  void AddEntry(const git_tree_entry* e, int sign) {
    const git_filemode_t mode = git_tree_entry_filemode(e);
    if (mode == GIT_FILEMODE_TREE) {
      if (TreePtr sub = LookupTree(repo_, *git_tree_entry_id(e))) AddTree(sub.get(), sign);
    } else if (mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE) {
      auto b = by_blob_.find(*git_tree_entry_id(e));
      if (b == by_blob_.end()) return;
      for (auto ri : b->second) {
        counts_[ri] += sign;
        changed_.push_back(ri);
      }
    }
  }

  git_repository* repo_;
  std::unordered_map<git_oid, std::vector<std::uint32_t>, OidHash, OidEqual> by_blob_;
  std::vector<std::int64_t> counts_;
  std::vector<std::uint32_t> changed_;
};

// From the change record the history walk kept for HEAD's line: replays it oldest first,
// counting per request how many paths hold one of its blobs.
std::vector<MainlineSighting> SightingsFromChanges(const GitHistory& history,
                                                   const std::vector<ProvenanceRequest>& requests) {
  std::vector<MainlineSighting> out(requests.size());
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> requests_of;  // blob → requests
  for (std::uint32_t ri = 0; ri < requests.size(); ++ri) {
    for (auto b : requests[ri].blobs)
      requests_of[b].push_back(ri);
  }
  std::vector<std::int64_t> count(requests.size(), 0);
  std::vector<bool> present(requests.size(), false);
  std::vector<std::uint32_t> touched;
  const auto& changes = history.mainline_changes;
  for (size_t k = 0; k < changes.size();) {
    const std::uint32_t position = changes[k].position;
    touched.clear();
    // All of one commit's changes first: a blob moved to another path is not gone.
    for (; k < changes.size() && changes[k].position == position; ++k) {
      auto it = requests_of.find(changes[k].blob);
      if (it == requests_of.end()) continue;
      for (auto ri : it->second) {
        count[ri] += changes[k].delta;
        touched.push_back(ri);
      }
    }
    for (auto ri : touched) {
      const bool now = count[ri] > 0;
      if (now == present[ri]) continue;
      present[ri] = now;
      if (!now && position > 0) {
        out[ri] = MainlineSighting{history.commits[history.mainline[position - 1]],
                                   history.commits[history.mainline[position]]};
      }
    }
  }
  for (std::uint32_t ri = 0; ri < requests.size(); ++ri) {
    if (present[ri]) out[ri] = MainlineSighting{history.commits[history.mainline.back()], {}};
  }
  return out;
}

// The same by walking HEAD's line backwards one tree diff at a time, for when HEAD's commit
// was not part of the history walk (--branch elsewhere).
std::vector<MainlineSighting> SightingsOnMainline(git_repository* repo, const GitHistory& history,
                                                  const std::vector<ProvenanceRequest>& requests) {
  std::vector<MainlineSighting> out(requests.size());
  git_reference* head = nullptr;
  if (git_repository_head(&head, repo) != 0) return out;  // unborn or detached-missing
  ReferencePtr head_holder(head);
  git_object* obj = nullptr;
  if (git_reference_peel(&obj, head, GIT_OBJECT_COMMIT) != 0) return out;
  CommitPtr commit(reinterpret_cast<git_commit*>(obj));
  git_tree* tree_raw = nullptr;
  if (git_commit_tree(&tree_raw, commit.get()) != 0) return out;
  TreePtr tree(tree_raw);

  std::unordered_map<git_oid, std::vector<std::uint32_t>, OidHash, OidEqual> by_blob;
  for (std::uint32_t ri = 0; ri < requests.size(); ++ri) {
    for (auto b : requests[ri].blobs)
      by_blob[history.blobs[b].id].push_back(ri);
  }
  PresenceCounter counter(repo, requests.size(), std::move(by_blob));
  counter.AddTree(tree.get(), +1);
  size_t unresolved = requests.size();
  std::vector<bool> resolved(requests.size(), false);
  std::optional<git_oid> newer;  // the commit after `commit` on the line
  for (;;) {
    for (auto ri : counter.TakeChanged()) {
      if (resolved[ri] || !counter.Present(ri)) continue;
      resolved[ri] = true;
      --unresolved;
      out[ri] = MainlineSighting{*git_commit_id(commit.get()), newer};
    }
    if (unresolved == 0) break;
    // A shallow boundary or a missing parent ends the line, as it ends the history walk.
    git_commit* parent_raw = nullptr;
    if (git_commit_parentcount(commit.get()) == 0 ||
        git_commit_parent(&parent_raw, commit.get(), 0) != 0) {
      break;
    }
    CommitPtr parent(parent_raw);
    git_tree* parent_tree_raw = nullptr;
    if (git_commit_tree(&parent_tree_raw, parent.get()) != 0) break;
    TreePtr parent_tree(parent_tree_raw);
    counter.Diff(tree.get(), parent_tree.get());
    newer = *git_commit_id(commit.get());
    commit = std::move(parent);
    tree = std::move(parent_tree);
  }
  return out;
}

}  // namespace

std::vector<MainlineSighting> LastOnMainline(git_repository* repo, const GitHistory& history,
                                             const std::vector<ProvenanceRequest>& requests) {
  return history.mainline.empty() ? SightingsOnMainline(repo, history, requests)
                                  : SightingsFromChanges(history, requests);
}

}  // namespace sprawl
