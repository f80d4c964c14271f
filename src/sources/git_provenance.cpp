#include "sources/git_provenance.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "sources/git_mainline_presence.hpp"
#include "sources/git_util.hpp"

namespace sprawl {
namespace {

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
      if (TreePtr sub = LookupTree(repo, *git_tree_entry_id(e))) {
        FindInTree(repo, sub.get(), path, wanted, out);
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

  const std::vector<MainlineSighting> sightings = LastOnMainline(repo, history, requests);

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
