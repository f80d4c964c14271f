// The built-in rule set, generated at build time from rules/*.yml by sprawl-embed-rules.
// Plain static tables: turning them into Rule values costs microseconds, not a YAML parse.
#pragma once

#include <cstddef>
#include <cstdint>

namespace sprawl::embedded {

struct Example {
  const char* input;
  const char* secret;
};

struct StringList {
  const char* const* items;
  std::size_t count;
};

struct RuleRecord {
  const char* id;
  const char* name;
  const char* provider;
  const char* pattern;
  StringList keywords;
  double entropy;
  int confidence;  // sprawl::Confidence
  int severity;    // sprawl::Severity
  const char* checksum;
  std::uint32_t max_length;
  StringList references;
  const char* revocation;
  const Example* examples;
  std::size_t example_count;
  StringList negative_examples;
  StringList tags;
  const char* origin_file;
  int origin_line;
  const char* verify_json;  // "" = no verify block (rules/verify_spec_json.hpp)
  const char* revoke_json;  // "" = no revoke block
};

extern const RuleRecord kRules[];
extern const std::size_t kRuleCount;

}  // namespace sprawl::embedded
