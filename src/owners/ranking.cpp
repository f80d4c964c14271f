#include "owners/ranking.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace sprawl::owners {

int HintRank(std::string_view kind) {
  if (kind == "verified-identity") return 0;
  if (kind == "blame" || kind == "commit-author") return 1;
  if (kind == "commit-committer") return 2;
  if (kind == "codeowners") return 3;
  return 4;  // decoded from the secret
}

void RankHints(std::vector<OwnerHint>* hints) {
  std::set<std::pair<std::string, std::string>> seen;
  std::vector<OwnerHint> unique;
  for (auto& h : *hints)
    if (seen.emplace(h.kind, h.value).second) unique.push_back(std::move(h));
  std::stable_sort(unique.begin(), unique.end(), [](const OwnerHint& a, const OwnerHint& b) {
    return HintRank(a.kind) < HintRank(b.kind);
  });
  *hints = std::move(unique);
}

}  // namespace sprawl::owners
