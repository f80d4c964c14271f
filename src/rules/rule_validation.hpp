// Static checks on loaded rules: everything that can be decided without scanning.
// Running the examples through the engine is the example runner's job.
#pragma once

#include <re2/re2.h>

#include <set>
#include <string>
#include <vector>

#include "sprawl/rule.hpp"

namespace sprawl {

// Returns one message per problem, each prefixed with the rule's file:line and id.
std::vector<std::string> ValidateRules(const std::vector<Rule>& rules);
// Same, for rules added to a set already in force: `known_ids` (e.g. the built-in rules)
// may also be named as verify companions.
std::vector<std::string> ValidateRules(const std::vector<Rule>& rules,
                                       const std::set<std::string>& known_ids);
// The ids of `rules`, for the above.
std::set<std::string> RuleIds(const std::vector<Rule>& rules);

// The index of the capture group holding the secret: the group named `secret` if present,
// else 1 if the pattern has groups, else 0 (the whole match).
int SecretGroupIndex(const std::string& pattern);
// Same, from a compiled pattern (compiling is the costly part: the engine does it once).
int SecretGroupOf(const RE2& compiled);

}  // namespace sprawl
