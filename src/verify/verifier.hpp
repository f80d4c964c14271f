// Live verification of a batch of findings (`--verify`): pairs multi-part credentials,
// dedupes through the per-run cache, sends each distinct request once through the HTTP
// client and attaches a Verification to every finding whose rule has a verify block.
// Findings of rules without one stay not-checked.
#pragma once

#include <cstddef>
#include <vector>

#include "sprawl/finding.hpp"
#include "verify/egress_policy.hpp"
#include "verify/http_client.hpp"

namespace sprawl {

struct VerifyOptions {
  HttpClientOptions http;
  EgressPolicy egress;
};

struct VerifyStats {
  std::size_t checked = 0;   // findings that got a result
  std::size_t requests = 0;  // distinct provider calls made
};

VerifyStats VerifyFindings(std::vector<Finding>* findings, const VerifyOptions& options);

}  // namespace sprawl
