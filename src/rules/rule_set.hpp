// The rules in force for one run: the embedded set, plus --rules directories and the
// config's rule paths (same id overrides), minus disabled ids.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "sprawl/rule.hpp"

namespace sprawl {

class RuleSet {
 public:
  RuleSet() = default;
  explicit RuleSet(std::vector<Rule> rules) : rules_(std::move(rules)) {}

  // Which parts of the embedded rules to build. Scanning needs neither the examples (only
  // `rules check`/`show` do) nor, without --verify, the verify and revoke blocks; leaving
  // them out halves the cost of building the rule set (docs/performance.md).
  struct Parts {
    bool examples = true;    // examples and negative examples
    bool live_specs = true;  // verify: and revoke: blocks
  };

  // The rules compiled into the binary from rules/*.yml.
  static RuleSet Embedded(Parts parts);
  static RuleSet Embedded() { return Embedded(Parts{}); }

  // Adds rules; a rule whose id already exists replaces the existing one in place.
  void AddOrOverride(std::vector<Rule> rules);
  // Removes rules by id; returns the ids that matched no rule.
  std::vector<std::string> Disable(const std::vector<std::string>& ids);

  const std::vector<Rule>& rules() const { return rules_; }
  std::vector<Rule> TakeRules() && { return std::move(rules_); }
  const Rule* Find(const std::string& id) const;
  size_t size() const { return rules_.size(); }

 private:
  std::vector<Rule> rules_;
};

}  // namespace sprawl
