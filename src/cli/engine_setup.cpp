#include "cli/engine_setup.hpp"

#include "rules/rule_loader.hpp"
#include "rules/rule_validation.hpp"
#include "sprawl/error.hpp"
#include "util/escape.hpp"

namespace sprawl::cli {

RuleSet RulesInForce(const std::vector<std::string>& rule_paths, RuleSet::Parts parts) {
  RuleSet rules = RuleSet::Embedded(parts);
  for (const auto& dir : rule_paths) {
    auto extra = LoadRulesFromPath(dir);
    auto problems = ValidateRules(extra, RuleIds(rules.rules()));
    if (!problems.empty()) throw UsageError(problems.front());
    rules.AddOrOverride(std::move(extra));
  }
  return rules;
}

std::unique_ptr<PreparedEngine> PrepareEngine(const std::string& config_path,
                                              const EngineFlags& flags, Diagnostics* diag) {
  auto p = std::make_unique<PreparedEngine>();
  if (!config_path.empty()) p->config = LoadConfigFile(config_path);
  std::vector<std::string> rule_paths = p->config.rule_paths;
  rule_paths.insert(rule_paths.end(), flags.rule_dirs.begin(), flags.rule_dirs.end());
  RuleSet rules = RulesInForce(
      rule_paths, RuleSet::Parts{.examples = false, .live_specs = flags.live_verification});
  // Test-mode keys reach no live account: reported only when asked (docs/rule-format.md).
  if (!flags.include_test_keys && !p->config.include_test_keys) {
    std::vector<std::string> test_mode;
    for (const auto& r : rules.rules()) {
      if (r.HasTag(kTestModeTag)) test_mode.push_back(r.id);
    }
    rules.Disable(test_mode);
  }
  for (const auto& id : rules.Disable(p->config.disabled_rules)) {
    diag->Warn(EscapeForTerminal(p->config.path) + ": rules.disable names unknown rule '" +
               EscapeForTerminal(id) + "'");
  }
  EngineOptions options;
  options.cache_dir = ResolveCacheDir(flags);
  // --- decoding layer: --decode-depth, else limits.decode_depth, else the default ---
  if (!flags.decode_depth.empty()) {
    if (!ParseDecodeDepth(flags.decode_depth, &options.decode_depth)) {
      throw UsageError("--decode-depth expects a whole number from 0 to " +
                       std::to_string(kMaxDecodeDepth) + ", got '" +
                       EscapeForTerminal(flags.decode_depth) + "'");
    }
  } else if (p->config.decode_depth) {
    options.decode_depth = *p->config.decode_depth;
  }
  // --- end decoding layer ---
  p->engine = Engine::Create(std::move(rules), options);
  for (const auto& pattern : p->config.allow_paths)
    p->allow_paths.AddPattern(pattern);
  p->allow_secrets = SecretAllowlist(p->config.allow_secret_hashes, p->config.allow_patterns);
  return p;
}

}  // namespace sprawl::cli
