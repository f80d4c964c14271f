// Reads rules/*.yml into Rule values, with file:line context on every error.
#pragma once

#include <string>
#include <vector>

#include "sprawl/rule.hpp"

namespace sprawl {

// Parses one rules document. `file` names it in errors. Throws UsageError
// ("file:line:col: message") on malformed YAML, unknown or missing keys, bad values.
std::vector<Rule> LoadRulesFromText(const std::string& text, const std::string& file);

// Loads a single .yml/.yaml file, or every such file in a directory (sorted by name). A
// file's top-level `fragments:` (rules/pattern_fragments.hpp) serve every rule of the
// directory.
std::vector<Rule> LoadRulesFromPath(const std::string& path);

}  // namespace sprawl
