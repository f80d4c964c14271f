// What a compiled Hyperscan database depends on of the rules: their patterns, in order.
// Part of the database cache key (engine/hs_database.hpp, DatabaseKey).
#pragma once

#include <optional>
#include <vector>

#include "sprawl/rule.hpp"
#include "util/sha256.hpp"

namespace sprawl {

// SHA-256 of the patterns, each length-prefixed. Loads libcrypto (util/libcrypto.hpp).
Sha256Digest PatternsDigest(const std::vector<Rule>& rules);

// PatternsDigest of `rules` when their patterns are the built-in set's, in its order, whole
// or less the rules tagged test-mode (a scan without --rules, rule paths or disabled rules,
// with or without --include-test-keys): the build computed both, so a run that finds
// nothing need not load libcrypto. nullopt otherwise.
std::optional<Sha256Digest> BuiltInPatternsDigest(const std::vector<Rule>& rules);

}  // namespace sprawl
