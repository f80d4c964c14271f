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

// HEAD's first-parent line, oldest first: commit ids and their root tree ids. Only ids are
// kept, so a long history costs 40 bytes a commit, not a parsed object.
struct Mainline {
  std::vector<git_oid> commits;
  std::vector<git_oid> trees;
};

Mainline LoadMainline(git_repository* repo) {
  Mainline line;
  git_reference* head = nullptr;
  if (git_repository_head(&head, repo) != 0) return line;  // unborn or detached-missing
  ReferencePtr head_holder(head);
  git_object* obj = nullptr;
  if (git_reference_peel(&obj, head, GIT_OBJECT_COMMIT) != 0) return line;
  CommitPtr c(reinterpret_cast<git_commit*>(obj));
  while (c) {
    line.commits.push_back(*git_commit_id(c.get()));
    line.trees.push_back(*git_commit_tree_id(c.get()));
    git_commit* parent = nullptr;
    if (git_commit_parentcount(c.get()) == 0 || git_commit_parent(&parent, c.get(), 0) != 0) break;
    c.reset(parent);
  }
  std::reverse(line.commits.begin(), line.commits.end());
  std::reverse(line.trees.begin(), line.trees.end());
  return line;
}

// Which requests have a blob somewhere under a tree, memoised per tree id: the mainline's
// commits share almost all their trees, so each distinct tree is read once.
class PresenceIndex {
 public:
  PresenceIndex(git_repository* repo,
                std::unordered_map<git_oid, std::vector<std::uint32_t>, OidHash, OidEqual> by_blob)
      : repo_(repo), by_blob_(std::move(by_blob)) {}

  // References into the memo stay valid: unordered_map never moves its elements.
  const std::vector<std::uint32_t>& Under(const git_oid& id) {
    auto it = memo_.find(id);
    if (it != memo_.end()) return it->second;
    std::vector<std::uint32_t> found;
    git_tree* tree_raw = nullptr;
    if (git_tree_lookup(&tree_raw, repo_, &id) != 0) return memo_[id];
    TreePtr tree(tree_raw);
    for (size_t i = 0; i < git_tree_entrycount(tree.get()); ++i) {
      const git_tree_entry* e = git_tree_entry_byindex(tree.get(), i);
      const git_filemode_t mode = git_tree_entry_filemode(e);
      if (mode == GIT_FILEMODE_TREE) {
        const auto& below = Under(*git_tree_entry_id(e));
        found.insert(found.end(), below.begin(), below.end());
      } else if (mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE) {
        auto b = by_blob_.find(*git_tree_entry_id(e));
        if (b != by_blob_.end()) found.insert(found.end(), b->second.begin(), b->second.end());
      }
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return memo_.emplace(id, std::move(found)).first->second;
  }

 private:
  git_repository* repo_;
  std::unordered_map<git_oid, std::vector<std::uint32_t>, OidHash, OidEqual> by_blob_;
  std::unordered_map<git_oid, std::vector<std::uint32_t>, OidHash, OidEqual> memo_;
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

}  // namespace

std::vector<std::shared_ptr<const GitProvenance>> ComputeProvenance(
    git_repository* repo, const GitHistory& history,
    const std::vector<ProvenanceRequest>& requests) {
  std::vector<std::shared_ptr<const GitProvenance>> out;
  if (requests.empty()) return out;
  const Mainline mainline = LoadMainline(repo);

  std::unordered_set<git_oid, OidHash, OidEqual> wanted;
  for (const auto& r : requests) {
    for (auto b : r.blobs)
      wanted.insert(history.blobs[b].id);
  }
  std::unordered_map<git_oid, std::vector<std::string>, OidHash, OidEqual> at_head;
  if (!mainline.trees.empty()) {
    git_tree* head_tree = nullptr;
    if (git_tree_lookup(&head_tree, repo, &mainline.trees.back()) == 0) {
      TreePtr holder(head_tree);
      FindInTree(repo, head_tree, "", wanted, &at_head);
    }
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

  // The last mainline commit whose tree holds any of each request's blobs, at any path.
  std::unordered_map<git_oid, std::vector<std::uint32_t>, OidHash, OidEqual> by_blob;
  for (std::uint32_t ri = 0; ri < requests.size(); ++ri) {
    for (auto b : requests[ri].blobs)
      by_blob[history.blobs[b].id].push_back(ri);
  }
  PresenceIndex presence(repo, std::move(by_blob));
  std::vector<std::optional<size_t>> last_present(requests.size());
  for (size_t i = 0; i < mainline.trees.size(); ++i) {
    for (auto ri : presence.Under(mainline.trees[i])) last_present[ri] = i;
  }

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

    const std::optional<size_t>& last = last_present[ri];
    if (last) {
      p->last_present = describe(mainline.commits[*last]);
      if (*last + 1 < mainline.commits.size()) p->removed_by = describe(mainline.commits[*last + 1]);
    }

    std::uint32_t refs = 0;
    for (const auto& reach : ref_reach) refs += reach[intro.commit] ? 1 : 0;
    p->refs_reaching = refs;

    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace sprawl
