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

// The capture groups that may hold the secret, in order: the groups named `secret`,
// `secret2` … `secret9` that the pattern has, else group 1 if it has groups, else 0 (the
// whole match). Several named groups are for a pattern whose branches capture the value
// differently (a quoted value may hold characters an unquoted one may not): the secret is
// the first of them that took part in the match.
std::vector<int> SecretGroupsOf(const RE2& compiled);
// The first of SecretGroupsOf, compiling `pattern` (the one group of a single-branch pattern).
int SecretGroupIndex(const std::string& pattern);

}  // namespace sprawl
