// The part every scanning command shares: config, the rules in force, the engine, and the
// allowlists — built once from the flags and the config file.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "config/config.hpp"
#include "filters/candidate_filter.hpp"
#include "rules/rule_set.hpp"
#include "sources/gitignore.hpp"
#include "sprawl/engine.hpp"
#include "util/diagnostics.hpp"

namespace sprawl::cli {

struct PreparedEngine {
  Config config;
  std::unique_ptr<Engine> engine;
  IgnoreList allow_paths;
  SecretAllowlist allow_secrets;

  const SecretAllowlist* secrets_allowlist() const {
    return allow_secrets.empty() ? nullptr : &allow_secrets;
  }
};

// The embedded rules with each rules file or directory in `rule_paths` added or overriding,
// in order. Throws UsageError naming the first invalid rule.
RuleSet RulesInForce(const std::vector<std::string>& rule_paths,
                     RuleSet::Parts parts = RuleSet::Parts{});

// Loads `config_path` (none if empty), the embedded rules plus config and --rules extras,
// minus disabled ids, and builds the engine. Throws UsageError on bad input.
std::unique_ptr<PreparedEngine> PrepareEngine(const std::string& config_path,
                                              const EngineFlags& flags, Diagnostics* diag);

}  // namespace sprawl::cli
