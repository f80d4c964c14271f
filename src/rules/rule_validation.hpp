// Static checks on loaded rules: everything that can be decided without scanning.
// Running the examples through the engine is the example runner's job.
#pragma once

#include <string>
#include <vector>

#include "sprawl/rule.hpp"

namespace sprawl {

// Returns one message per problem, each prefixed with the rule's file:line and id.
std::vector<std::string> ValidateRules(const std::vector<Rule>& rules);

// The index of the capture group holding the secret: the group named `secret` if present,
// else 1 if the pattern has groups, else 0 (the whole match).
int SecretGroupIndex(const std::string& pattern);

}  // namespace sprawl
