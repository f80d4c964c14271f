// Reading one field of a rule file: errors name file:line:column, as every rule-loading
// message does. Shared by the rule loader and the verify/revoke spec loader.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

#include "sprawl/error.hpp"

namespace sprawl::yaml_field {

[[noreturn]] inline void Fail(const std::string& file, const YAML::Mark& mark,
                              const std::string& msg) {
  if (mark.is_null()) throw UsageError(file + ": " + msg);
  throw UsageError(file + ":" + std::to_string(mark.line + 1) + ":" +
                   std::to_string(mark.column + 1) + ": " + msg);
}

inline std::string Scalar(const YAML::Node& node, const std::string& file, const std::string& key) {
  if (!node.IsScalar()) Fail(file, node.Mark(), "'" + key + "' must be a string");
  return node.Scalar();
}

}  // namespace sprawl::yaml_field
