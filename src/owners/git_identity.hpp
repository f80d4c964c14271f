// Owner hints from the commit that introduced a git finding (`sprawl git`): its author
// (who wrote the secret) and committer (who applied it, e.g. a maintainer or a bot).
#pragma once

#include <string>
#include <vector>

#include "sprawl/finding.hpp"
#include "sprawl/provenance.hpp"

namespace sprawl::owners {

// "Name <email>", or whichever of the two is present.
std::string FormatIdentity(const std::string& name, const std::string& email);

// "commit 1a2b3c4d5e6f": the abbreviated id used as a hint's source.
std::string CommitSource(const std::string& commit_id);

void AddCommitIdentityHints(const GitProvenance& provenance, std::vector<OwnerHint>* out);

}  // namespace sprawl::owners
