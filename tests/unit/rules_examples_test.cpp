// The shipped rules are tested data: every example must produce its secret through the real
// engine and filters, every negative example must produce nothing from its rule.
#include <catch2/catch.hpp>

#include <set>

#include "rules/example_runner.hpp"
#include "rules/rule_loader.hpp"
#include "rules/rule_set.hpp"
#include "rules/rule_validation.hpp"

using namespace sprawl;

TEST_CASE("the embedded rules are the rules/ directory, valid and complete") {
  RuleSet embedded = RuleSet::Embedded();
  auto from_disk = LoadRulesFromPath(std::string(SPRAWL_SOURCE_DIR) + "/rules");
  CHECK(embedded.size() == from_disk.size());
  CHECK(embedded.size() >= 400);  // the breadth issue #6 promises
  CHECK(ValidateRules(embedded.rules()).empty());
  std::set<std::string> providers;
  for (const Rule& r : embedded.rules()) {
    INFO(r.id);
    CHECK(r.examples.size() >= 2);
    CHECK(r.negative_examples.size() >= 2);
    CHECK_FALSE(r.revocation.empty());
    CHECK_FALSE(r.references.empty());
    providers.insert(r.provider);
  }
  CHECK(providers.size() >= 60);
}

TEST_CASE("every rule example and negative example behaves through the engine") {
  auto engine = Engine::Create(RuleSet::Embedded(), {});
  ExampleReport report = RunRuleExamples(*engine);
  for (const auto& f : report.failures) FAIL_CHECK(f.message);
  CHECK(report.failures.empty());
  CHECK(report.examples >= 2 * report.rules);
  CHECK(report.negatives >= 2 * report.rules);
}

TEST_CASE("the example runner reports a rule whose examples fail") {
  Rule r;
  r.id = "broken";
  r.name = "broken";
  r.provider = "Test";
  r.pattern = "\\b(brk_[a-z]{8})\\b";
  r.revocation = "x";
  r.references = {"https://example.com"};
  r.examples = {{"v = brk_qwertzui", "brk_qwertzui"}, {"v = brk_short", "brk_short"}};
  r.negative_examples = {"brk_asdfghjk"};
  auto engine = Engine::Create(RuleSet({r}), {});
  ExampleReport report = RunRuleExamples(*engine);
  REQUIRE(report.failures.size() == 2);
  CHECK(report.failures[0].message.find("did not yield secret 'brk_short'") != std::string::npos);
  CHECK(report.failures[1].message.find("negative example produced") != std::string::npos);
}
