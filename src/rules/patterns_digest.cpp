#include "rules/patterns_digest.hpp"

namespace sprawl {

Sha256Digest PatternsDigest(const std::vector<Rule>& rules) {
  Sha256Builder h;
  for (const auto& r : rules)
    h.AddField(r.pattern);
  return h.Finish();
}

}  // namespace sprawl
