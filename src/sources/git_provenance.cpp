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

// HEAD's first-parent line, oldest first, with each commit's tree.
struct Mainline {
  std::vector<CommitPtr> commits;
  std::vector<TreePtr> trees;
};

Mainline LoadMainline(git_repository* repo) {
  Mainline line;
  git_reference* head = nullptr;
  if (git_repository_head(&head, repo) != 0) return line;  // unborn or detached-missing
  ReferencePtr head_holder(head);
  git_object* obj = nullptr;
  if (git_reference_peel(&obj, head, GIT_OBJECT_COMMIT) != 0) return line;
  git_commit* c = reinterpret_cast<git_commit*>(obj);
  std::vector<CommitPtr> reversed;
  while (c) {
    reversed.emplace_back(c);
    git_commit* parent = nullptr;
    if (git_commit_parentcount(c) == 0 || git_commit_parent(&parent, c, 0) != 0) break;
    c = parent;
  }
  for (auto it = reversed.rbegin(); it != reversed.rend(); ++it) {
    git_tree* tree = nullptr;
    git_commit_tree(&tree, it->get());
    line.trees.emplace_back(tree);
    line.commits.push_back(std::move(*it));
  }
  return line;
}

// Which requests have a blob somewhere under a tree, memoised per tree id: the mainline's
// commits share almost all their trees, so each distinct tree is read once.
class PresenceIndex {
 public:
  PresenceIndex(git_repository* repo,
                std::unordered_map<git_oid, std::vector<std::uint32_t>, OidHash, OidEqual> by_blob)
      : repo_(repo), by_blob_(std::move(by_blob)) {}

  const std::vector<std::uint32_t>& Under(const git_tree* tree) {
    const git_oid id = *git_tree_id(tree);
    auto it = memo_.find(id);
    if (it != memo_.end()) return it->second;
    std::vector<std::uint32_t> found;
    for (size_t i = 0; i < git_tree_entrycount(tree); ++i) {
      const git_tree_entry* e = git_tree_entry_byindex(tree, i);
      const git_filemode_t mode = git_tree_entry_filemode(e);
      if (mode == GIT_FILEMODE_TREE) {
        git_tree* sub = nullptr;
        if (git_tree_lookup(&sub, repo_, git_tree_entry_id(e)) != 0) continue;
        TreePtr holder(sub);
        const auto& below = Under(sub);
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
  if (!mainline.trees.empty()) FindInTree(repo, mainline.trees.back().get(), "", wanted, &at_head);

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
    if (!mainline.trees[i]) continue;
    for (auto ri : presence.Under(mainline.trees[i].get()))
      last_present[ri] = i;
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
      p->last_present = describe(*git_commit_id(mainline.commits[*last].get()));
      if (*last + 1 < mainline.commits.size()) {
        p->removed_by = describe(*git_commit_id(mainline.commits[*last + 1].get()));
      }
    }

    const git_oid& intro_commit = history.commits[intro.commit];
    std::set<std::string> counted;
    for (const auto& [name, tip] : history.ref_tips) {
      if (name == "HEAD") continue;  // HEAD names a branch already counted
      if (git_oid_equal(&tip, &intro_commit) ||
          git_graph_descendant_of(repo, &tip, &intro_commit) == 1) {
        counted.insert(name);
      }
    }
    p->refs_reaching = static_cast<std::uint32_t>(counted.size());
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace sprawl
