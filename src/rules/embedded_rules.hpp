// The built-in rule set, generated at build time from rules/*.yml by sprawl-embed-rules.
// Plain static tables: turning them into Rule values costs microseconds, not a YAML parse.
// Every string is an offset into one character pool rather than a pointer: a table of
// pointers needs a load-time relocation per string (12,000 of them, and a private copy of
// every page they sit on) in a position-independent executable, on every start-up.
#pragma once

#include <cstddef>
#include <cstdint>

namespace sprawl::embedded {

using Str = std::uint32_t;  // offset of a NUL-terminated string in kStrings

struct Example {
  Str input;
  Str secret;
};

struct StringList {
  std::uint32_t first;  // index into kLists
  std::uint32_t count;
};

struct RuleRecord {
  Str id;
  Str name;
  Str provider;
  Str pattern;
  StringList keywords;
  double entropy;
  int confidence;  // sprawl::Confidence
  int severity;    // sprawl::Severity
  Str checksum;
  std::uint32_t max_length;
  StringList references;
  Str revocation;
  std::uint32_t first_example;  // index into kExamples
  std::uint32_t example_count;
  StringList negative_examples;
  StringList tags;
  Str origin_file;
  int origin_line;
  Str verify_json;  // "" = no verify block (rules/verify_spec_json.hpp)
  Str revoke_json;  // "" = no revoke block
};

extern const char kStrings[];
extern const Str kLists[];
extern const Example kExamples[];
extern const RuleRecord kRules[];
extern const std::size_t kRuleCount;
// PatternsDigest (rules/patterns_digest.hpp) of kRules, computed by the build.
extern const unsigned char kPatternsDigest[32];
// The same of the rules in force by default: kRules less those tagged test-mode.
extern const unsigned char kDefaultPatternsDigest[32];

inline const char* At(Str s) {
  return kStrings + s;
}

}  // namespace sprawl::embedded
