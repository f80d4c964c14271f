// Where the blobs of each reported secret were last present on HEAD's first-parent line,
// and the commit after that (the one that removed them), for git history findings.
#pragma once

#include <git2.h>

#include <optional>
#include <vector>

#include "sources/git_history.hpp"
#include "sources/git_provenance.hpp"

namespace sprawl {

struct MainlineSighting {
  std::optional<git_oid> last_present;  // newest commit on the line holding any of the blobs
  std::optional<git_oid> removed_by;    // the commit after it on the line, if any
};

// One per request. Replays the change record the history walk kept for HEAD's line; when
// HEAD's commit was not walked (--branch elsewhere) walks the line backwards by tree diffs.
std::vector<MainlineSighting> LastOnMainline(git_repository* repo, const GitHistory& history,
                                             const std::vector<ProvenanceRequest>& requests);

}  // namespace sprawl
