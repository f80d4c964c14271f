// Runs every rule's examples and negative examples through the real engine and filters:
// what `sprawl rules check` and the rules test report.
#pragma once

#include <string>
#include <vector>

#include "sprawl/engine.hpp"

namespace sprawl {

struct ExampleFailure {
  const Rule* rule;
  std::string message;  // "file:line: rule 'id': …"
};

struct ExampleReport {
  size_t rules = 0;
  size_t examples = 0;
  size_t negatives = 0;
  std::vector<ExampleFailure> failures;
};

ExampleReport RunRuleExamples(const Engine& engine);

}  // namespace sprawl
