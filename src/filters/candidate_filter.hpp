// Decides whether a confirmed match is a finding. Pure: no I/O, no locking.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "sprawl/rule.hpp"

namespace sprawl {

enum class FilterVerdict {
  kKeep,
  kLowEntropy,
  kPlaceholder,
  kBadChecksum,
  kAllowComment,
  kAllowlisted,
};
const char* ToString(FilterVerdict v);

// Secrets the user has accepted (by hash or by pattern) in .sprawl.yml.
class SecretAllowlist {
 public:
  SecretAllowlist() = default;
  SecretAllowlist(std::vector<std::string> sha256_hex, const std::vector<std::string>& patterns);
  ~SecretAllowlist();
  SecretAllowlist(SecretAllowlist&&) noexcept;
  SecretAllowlist& operator=(SecretAllowlist&&) noexcept;

  bool empty() const { return hashes_.empty() && patterns_.empty(); }
  bool Allows(std::string_view secret, const std::string& secret_sha256) const;

 private:
  std::unordered_set<std::string> hashes_;
  std::vector<std::unique_ptr<re2::RE2>> patterns_;
};

// The marker that suppresses findings on its line, in any comment syntax.
inline constexpr std::string_view kAllowMarker = "sprawl:allow";

struct FilterInput {
  const Rule* rule;
  std::string_view secret;
  std::string_view line;     // the full line holding the start of the secret
  char before_match = '\n';  // the byte just before the whole match ('\n' at the start)
};

struct FilterResult {
  FilterVerdict verdict = FilterVerdict::kKeep;
  double entropy = 0.0;
  bool checksum_valid = false;  // true when the rule names a checksum and it verified
};

// Applies the filters in order of cost. `allowlist` may be null.
FilterResult EvaluateCandidate(const FilterInput& in, const SecretAllowlist* allowlist,
                               std::string* secret_sha256_out);

}  // namespace sprawl
