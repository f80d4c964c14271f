// Parses a rule's `verify:` and `revoke:` YAML blocks (schema: docs/verification.md).
// Only structure is checked here (known keys, types); what the values mean (https, literal
// host, known template variables, companion rule ids) is rule validation's job.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

#include "sprawl/verify_spec.hpp"

namespace sprawl {

// Both throw UsageError("file:line:col: message") on unknown keys or wrong types.
VerifySpec ParseVerifySpec(const YAML::Node& node, const std::string& file);
RevokeSpec ParseRevokeSpec(const YAML::Node& node, const std::string& file);

}  // namespace sprawl
