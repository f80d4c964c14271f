#include "rules/example_runner.hpp"

#include "findings/content_scanner.hpp"

namespace sprawl {

ExampleReport RunRuleExamples(const Engine& engine) {
  ExampleReport report;
  Scanner scanner(engine);
  ContentScanner content(scanner, nullptr);
  for (const Rule& rule : engine.rules()) {
    ++report.rules;
    auto fail = [&](const std::string& msg) {
      report.failures.push_back(ExampleFailure{&rule, rule.origin.file + ":" +
                                                          std::to_string(rule.origin.line) +
                                                          ": rule '" + rule.id + "': " + msg});
    };
    for (const auto& ex : rule.examples) {
      ++report.examples;
      std::vector<Finding> found;
      ScanStats stats;
      content.ScanAll(ex.input, "example", &found, &stats);
      bool ok = false;
      std::string got;
      for (const auto& f : found) {
        if (f.rule->id != rule.id) continue;
        if (f.secret == ex.secret) ok = true;
        got += (got.empty() ? "" : ", ") + f.secret;
      }
      if (!ok) {
        fail("example did not yield secret '" + ex.secret + "'" +
             (got.empty() ? std::string(" (no finding from this rule)") : " (got: " + got + ")") +
             " in: " + ex.input);
      }
    }
    for (const auto& neg : rule.negative_examples) {
      ++report.negatives;
      std::vector<Finding> found;
      ScanStats stats;
      content.ScanAll(neg, "negative-example", &found, &stats);
      for (const auto& f : found) {
        if (f.rule->id == rule.id) {
          fail("negative example produced a finding '" + f.secret + "' in: " + neg);
          break;
        }
      }
    }
  }
  return report;
}

}  // namespace sprawl
