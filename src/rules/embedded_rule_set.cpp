#include <cstring>

#include "rules/embedded_rules.hpp"
#include "rules/patterns_digest.hpp"
#include "rules/rule_set.hpp"
#include "rules/verify_spec_json.hpp"

namespace sprawl {
namespace {

std::vector<std::string> ToVector(const embedded::StringList& list) {
  std::vector<std::string> out;
  out.reserve(list.count);
  for (std::uint32_t i = 0; i < list.count; ++i)
    out.emplace_back(embedded::At(embedded::kLists[list.first + i]));
  return out;
}

}  // namespace

RuleSet RuleSet::Embedded(Parts parts) {
  std::vector<Rule> rules;
  rules.reserve(embedded::kRuleCount);
  for (size_t i = 0; i < embedded::kRuleCount; ++i) {
    const auto& rec = embedded::kRules[i];
    Rule r;
    r.id = embedded::At(rec.id);
    r.name = embedded::At(rec.name);
    r.provider = embedded::At(rec.provider);
    r.pattern = embedded::At(rec.pattern);
    r.keywords = ToVector(rec.keywords);
    r.entropy = rec.entropy;
    r.confidence = static_cast<Confidence>(rec.confidence);
    r.severity = static_cast<Severity>(rec.severity);
    r.checksum = embedded::At(rec.checksum);
    r.max_length = rec.max_length;
    r.references = ToVector(rec.references);
    r.revocation = embedded::At(rec.revocation);
    if (parts.examples) {
      for (size_t j = 0; j < rec.example_count; ++j) {
        const embedded::Example& ex = embedded::kExamples[rec.first_example + j];
        r.examples.push_back(RuleExample{embedded::At(ex.input), embedded::At(ex.secret)});
      }
      r.negative_examples = ToVector(rec.negative_examples);
    }
    r.tags = ToVector(rec.tags);
    r.origin = RuleOrigin{embedded::At(rec.origin_file), rec.origin_line};
    const char* verify_json = embedded::At(rec.verify_json);
    const char* revoke_json = embedded::At(rec.revoke_json);
    if (parts.live_specs && *verify_json) {
      r.verify = std::make_shared<const VerifySpec>(VerifySpecFromJson(verify_json));
    }
    if (parts.live_specs && *revoke_json) {
      r.revoke = std::make_shared<const RevokeSpec>(RevokeSpecFromJson(revoke_json));
    }
    rules.push_back(std::move(r));
  }
  return RuleSet(std::move(rules));
}

std::optional<Sha256Digest> BuiltInPatternsDigest(const std::vector<Rule>& rules) {
  // Compared as Embedded() reads them: the pool's strings end at their NUL. `skip_test_mode`
  // compares with the default set, the built-in rules less those tagged test-mode.
  auto same_patterns = [&](bool skip_test_mode) {
    std::size_t j = 0;
    for (std::size_t i = 0; i < embedded::kRuleCount; ++i) {
      const auto& rec = embedded::kRules[i];
      if (skip_test_mode) {
        bool test_mode = false;
        for (std::uint32_t t = 0; t < rec.tags.count; ++t)
          test_mode =
              test_mode || kTestModeTag == embedded::At(embedded::kLists[rec.tags.first + t]);
        if (test_mode) continue;
      }
      if (j >= rules.size() || rules[j].pattern != std::string_view(embedded::At(rec.pattern))) {
        return false;
      }
      ++j;
    }
    return j == rules.size();
  };
  const unsigned char* built = nullptr;
  if (same_patterns(false)) {
    built = embedded::kPatternsDigest;
  } else if (same_patterns(true)) {
    built = embedded::kDefaultPatternsDigest;
  } else {
    return std::nullopt;
  }
  Sha256Digest digest{};
  std::memcpy(digest.data(), built, digest.size());
  return digest;
}

}  // namespace sprawl
