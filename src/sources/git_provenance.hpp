// Provenance for history findings: introduced-by, last present / removed-by on HEAD's
// first-parent line, presence at HEAD (and where), and how many refs reach the introducing
// commit. Computed only for the blobs that produced findings.
#pragma once

#include <git2.h>

#include <memory>
#include <string>
#include <vector>

#include "sources/git_history.hpp"
#include "sprawl/provenance.hpp"

namespace sprawl {

// One reported secret: the blob it is attributed to, and every blob that contains it.
struct ProvenanceRequest {
  std::uint32_t blob;                // index into history.blobs: the introducing blob
  std::vector<std::uint32_t> blobs;  // all blobs holding the same secret (incl. `blob`)
};

std::vector<std::shared_ptr<const GitProvenance>> ComputeProvenance(
    git_repository* repo, const GitHistory& history,
    const std::vector<ProvenanceRequest>& requests);

}  // namespace sprawl
