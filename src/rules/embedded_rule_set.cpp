#include "rules/embedded_rules.hpp"
#include "rules/rule_set.hpp"
#include "rules/verify_spec_json.hpp"

namespace sprawl {
namespace {

std::vector<std::string> ToVector(const embedded::StringList& list) {
  return std::vector<std::string>(list.items, list.items + list.count);
}

}  // namespace

RuleSet RuleSet::Embedded(Parts parts) {
  std::vector<Rule> rules;
  rules.reserve(embedded::kRuleCount);
  for (size_t i = 0; i < embedded::kRuleCount; ++i) {
    const auto& rec = embedded::kRules[i];
    Rule r;
    r.id = rec.id;
    r.name = rec.name;
    r.provider = rec.provider;
    r.pattern = rec.pattern;
    r.keywords = ToVector(rec.keywords);
    r.entropy = rec.entropy;
    r.confidence = static_cast<Confidence>(rec.confidence);
    r.severity = static_cast<Severity>(rec.severity);
    r.checksum = rec.checksum;
    r.max_length = rec.max_length;
    r.references = ToVector(rec.references);
    r.revocation = rec.revocation;
    if (parts.examples) {
      for (size_t j = 0; j < rec.example_count; ++j) {
        r.examples.push_back(RuleExample{rec.examples[j].input, rec.examples[j].secret});
      }
      r.negative_examples = ToVector(rec.negative_examples);
    }
    r.tags = ToVector(rec.tags);
    r.origin = RuleOrigin{rec.origin_file, rec.origin_line};
    if (parts.live_specs && *rec.verify_json) {
      r.verify = std::make_shared<const VerifySpec>(VerifySpecFromJson(rec.verify_json));
    }
    if (parts.live_specs && *rec.revoke_json) {
      r.revoke = std::make_shared<const RevokeSpec>(RevokeSpecFromJson(rec.revoke_json));
    }
    rules.push_back(std::move(r));
  }
  return RuleSet(std::move(rules));
}

}  // namespace sprawl
