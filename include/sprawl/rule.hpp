// A detection rule: the data in one entry of rules/*.yml.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sprawl/verify_spec.hpp"

namespace sprawl {

enum class Confidence { kLow, kMedium, kHigh };
enum class Severity { kLow, kMedium, kHigh, kCritical };

const char* ToString(Confidence c);
const char* ToString(Severity s);
std::optional<Confidence> ParseConfidence(const std::string& s);
std::optional<Severity> ParseSeverity(const std::string& s);

// Rules with this tag (a provider's test or sandbox keys) run only when asked:
// --include-test-keys or rules.include_test_keys (docs/rule-format.md).
inline constexpr std::string_view kTestModeTag = "test-mode";

// One example line from a rule file and the secret it must yield.
struct RuleExample {
  std::string input;
  std::string secret;
};

// Where a rule was defined, for error messages ("rules/aws.yml:12").
struct RuleOrigin {
  std::string file;
  int line = 0;
};

struct Rule {
  static constexpr std::uint32_t kDefaultMaxLength = 512;

  std::string id;
  std::string name;
  std::string provider;
  std::string pattern;  // RE2 syntax; secret = group `secret`, else group 1, else whole match
  std::vector<std::string> keywords;
  double entropy = 0.0;  // minimum Shannon entropy of the secret in bits per character
  Confidence confidence = Confidence::kMedium;
  Severity severity = Severity::kHigh;
  std::string checksum;                          // named offline checksum ("" = none)
  std::uint32_t max_length = kDefaultMaxLength;  // longest possible match, bounds RE2 windows
  std::vector<std::string> references;
  std::string revocation;
  std::vector<RuleExample> examples;
  std::vector<std::string> negative_examples;
  std::vector<std::string> tags;
  RuleOrigin origin;
  // --- live verification and self-revocation (docs/verification.md) ---
  // Shared and immutable once loaded: a spec is ~300 bytes and most rules have none, so the
  // 484-rule set stays half the size (it is built on every start-up).
  std::shared_ptr<const VerifySpec> verify;  // `verify:` block; none = results stay not-checked
  std::shared_ptr<const RevokeSpec> revoke;  // `revoke:` block; used only by `sprawl revoke`
  // --- end verification ---

  // Generic rules (tag "generic") yield to a specific rule that reports the same span.
  bool IsGeneric() const;
  bool HasTag(std::string_view tag) const;
};

}  // namespace sprawl
