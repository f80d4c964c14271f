// Which owner hint to show first. Best first:
//   1. verified-identity   the provider itself said whose credential it is
//   2. blame / commit-author / commit-committer
//                          the person who put the secret there knows what it is for
//   3. codeowners          the team that owns the path, even if the author has left
//   4. identity decoded from the secret (service account, project, account id, JWT claims)
//                          says which account the secret opens, not who to talk to
// Hints of the same rank keep the order they were added in; see docs/ownership.md.
#pragma once

#include <string_view>
#include <vector>

#include "sprawl/finding.hpp"

namespace sprawl::owners {

int HintRank(std::string_view kind);  // smaller is better

// Stable sort by rank; drops repeated (kind, value) pairs, keeping the first.
void RankHints(std::vector<OwnerHint>* hints);

}  // namespace sprawl::owners
