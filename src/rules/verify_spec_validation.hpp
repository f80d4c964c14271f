// Static checks on `verify:` and `revoke:` blocks: https only, literal host, known template
// variables and filters, companions that name existing rules. These checks are what keeps
// secrets going only to the host their rule declares (docs/verification.md, "Egress").
#pragma once

#include <functional>
#include <set>
#include <string>

#include "sprawl/rule.hpp"

namespace sprawl {

// Calls `fail` once per problem in `rule`'s verify/revoke blocks. `rule_ids` holds every
// rule id of the set being validated (companions must name one of them).
void ValidateVerification(const Rule& rule, const std::set<std::string>& rule_ids,
                          const std::function<void(const std::string&)>& fail);

}  // namespace sprawl
