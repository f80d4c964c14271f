// Named pattern fragments: the assignment operators, value shapes and key names many rules
// share, written once. A rules file may hold a top-level `fragments:` map (name -> RE2
// text); a pattern, or another fragment, inserts one with (?&name). Every rules file of a
// directory sees the fragments of all of them (rules/fragments.yml holds the shared ones).
#pragma once

#include <yaml-cpp/yaml.h>

#include <map>
#include <string>

namespace sprawl {

class PatternFragments {
 public:
  // Adds the entries of a `fragments:` map read from `file`. Throws UsageError
  // ("file:line:col: …") on a name that is not [A-Za-z0-9_-]+, a value that is not a
  // string, or a name already defined (naming both places).
  void Add(const YAML::Node& map, const std::string& file);

  // `pattern` with every (?&name) replaced by that fragment's text, verbatim (a fragment is
  // one group when it needs to be), fragments inside fragments included. Throws
  // UsageError at `file`/`mark` on an unknown name, a malformed reference or a cycle.
  std::string Expand(const std::string& pattern, const std::string& file,
                     const YAML::Mark& mark) const;

  bool empty() const { return fragments_.empty(); }

 private:
  struct Fragment {
    std::string text;
    std::string where;  // "file:line" of its definition, for duplicate-name errors
  };
  std::string ExpandNested(const std::string& text, const std::string& file, const YAML::Mark& mark,
                           std::vector<std::string>* stack) const;
  std::map<std::string, Fragment> fragments_;
};

}  // namespace sprawl
