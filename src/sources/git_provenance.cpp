#include "sources/git_provenance.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

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
    const size_t n = git_tree_entrycount(from), m = git_tree_entrycount(to);
    size_t i = 0, j = 0;
    while (i < n || j < m) {
      const git_tree_entry* a = i < n ? git_tree_entry_byindex(from, i) : nullptr;
      const git_tree_entry* b = j < m ? git_tree_entry_byindex(to, j) : nullptr;
      // Tree order is git's (directories sort as "name/"), so equal means same name and kind.
      const int cmp = !a ? 1 : !b ? -1 : git_tree_entry_cmp(a, b);
      if (cmp < 0) {
        AddEntry(a, -1);
        ++i;
      } else if (cmp > 0) {
        AddEntry(b, +1);
        ++j;
      } else {
        ++i, ++j;
        if (git_oid_equal(git_tree_entry_id(a), git_tree_entry_id(b))) continue;
        if (git_tree_entry_filemode(a) == GIT_FILEMODE_TREE &&
            git_tree_entry_filemode(b) == GIT_FILEMODE_TREE) {
          TreePtr old_sub = Lookup(*git_tree_entry_id(a)), new_sub = Lookup(*git_tree_entry_id(b));
          if (old_sub && new_sub) {
            Diff(old_sub.get(), new_sub.get());
          } else {
            if (old_sub) AddTree(old_sub.get(), -1);
            if (new_sub) AddTree(new_sub.get(), +1);
          }
        } else {
          AddEntry(a, -1);
          AddEntry(b, +1);
        }
      }
    }
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
  TreePtr Lookup(const git_oid& id) {
    git_tree* raw = nullptr;
    if (git_tree_lookup(&raw, repo_, &id) != 0) return nullptr;
    return TreePtr(raw);
  }

  void AddEntry(const git_tree_entry* e, int sign) {
    const git_filemode_t mode = git_tree_entry_filemode(e);
    if (mode == GIT_FILEMODE_TREE) {
      if (TreePtr sub = Lookup(*git_tree_entry_id(e))) AddTree(sub.get(), sign);
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

// Every path of HEAD's tree holding one of `wanted`.
void FindInTree(git_repository* repo, const git_tree* tree, const std::string& prefix,
                const std::unordered_set<git_oid, OidHash, OidEqual>& wanted,
                std::unordered_map<git_oid, std::vector<std::string>, OidHash, OidEqual>* out) {
  for (size_t i = 0; i < git_tree_entrycount(tree); ++i) {
    const git_tree_entry* e = git_tree_entry_byindex(tree, i);
    const std::string path =
        prefix.empty() ? git_tree_entry_name(e) : prefix + "/" + git_tree_entry_name(e);
    const git_filemode_t mode = git_tree_entry_filemode(e);
    if (mode == GIT_FILEMODE_TREE) {
      git_tree* sub = nullptr;
      if (git_tree_lookup(&sub, repo, git_tree_entry_id(e)) == 0) {
        TreePtr holder(sub);
        FindInTree(repo, sub, path, wanted, out);
      }
    } else if (mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE) {
      if (wanted.count(*git_tree_entry_id(e))) (*out)[*git_tree_entry_id(e)].push_back(path);
    }
  }
}

// Where each request was last seen on HEAD's first-parent line: the newest commit whose
// tree holds any of its blobs (at any path), and the commit after it on that line, if any.
struct MainlineSighting {
  std::optional<git_oid> last_present;
  std::optional<git_oid> removed_by;
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

std::vector<std::shared_ptr<const GitProvenance>> ComputeProvenance(
    git_repository* repo, const GitHistory& history,
    const std::vector<ProvenanceRequest>& requests) {
  std::vector<std::shared_ptr<const GitProvenance>> out;
  if (requests.empty()) return out;
  std::unordered_set<git_oid, OidHash, OidEqual> wanted;
  for (const auto& r : requests) {
    for (auto b : r.blobs)
      wanted.insert(history.blobs[b].id);
  }
  std::unordered_map<git_oid, std::vector<std::string>, OidHash, OidEqual> at_head;
  git_object* head_tree = nullptr;
  if (git_revparse_single(&head_tree, repo, "HEAD^{tree}") == 0) {
    ObjectPtr holder(head_tree);
    FindInTree(repo, reinterpret_cast<git_tree*>(head_tree), "", wanted, &at_head);
  }

  std::map<std::string, GitCommitInfo> described;  // commit id → info, computed once each
  auto describe = [&](const git_oid& id) -> const GitCommitInfo& {
    const std::string hex = OidHex(id);
    auto it = described.find(hex);
    if (it != described.end()) return it->second;
    GitCommitInfo info;
    info.id = hex;
    git_commit* c = nullptr;
    if (git_commit_lookup(&c, repo, &id) == 0) {
      info = DescribeCommit(c);
      git_commit_free(c);
    }
    return described.emplace(hex, info).first->second;
  };

  const std::vector<MainlineSighting> sightings = history.mainline.empty()
                                                      ? SightingsOnMainline(repo, history, requests)
                                                      : SightingsFromChanges(history, requests);

  // Which commits each ref's history contains: one traversal per distinct ref, not one
  // graph search per finding. HEAD names a branch that is already counted.
  std::vector<std::vector<bool>> ref_reach;
  for (const auto& [name, tip] : history.ref_tips) {
    if (name == "HEAD") continue;
    const std::int64_t index = history.IndexOf(tip);
    if (index >= 0) ref_reach.push_back(history.ReachableFrom(static_cast<std::uint32_t>(index)));
  }

  for (std::uint32_t ri = 0; ri < requests.size(); ++ri) {
    const ProvenanceRequest& r = requests[ri];
    auto p = std::make_shared<GitProvenance>();
    const HistoryBlob& intro = history.blobs[r.blob];
    p->blob_id = OidHex(intro.id);
    p->introduced = describe(history.commits[intro.commit]);

    for (auto b : r.blobs) {
      auto h = at_head.find(history.blobs[b].id);
      if (h != at_head.end()) {
        p->head_paths.insert(p->head_paths.end(), h->second.begin(), h->second.end());
      }
    }
    std::sort(p->head_paths.begin(), p->head_paths.end());
    p->head_paths.erase(std::unique(p->head_paths.begin(), p->head_paths.end()),
                        p->head_paths.end());
    p->present_at_head = !p->head_paths.empty();

    const MainlineSighting& seen = sightings[ri];
    if (seen.last_present) p->last_present = describe(*seen.last_present);
    if (seen.removed_by) p->removed_by = describe(*seen.removed_by);

    std::uint32_t refs = 0;
    for (const auto& reach : ref_reach)
      refs += reach[intro.commit] ? 1 : 0;
    p->refs_reaching = refs;

    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace sprawl
