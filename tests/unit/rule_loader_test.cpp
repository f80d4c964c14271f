#include <catch2/catch.hpp>

#include "rules/rule_loader.hpp"
#include "rules/rule_validation.hpp"
#include "sprawl/error.hpp"
#include "support/temp_dir.hpp"

using namespace sprawl;
using Catch::Matchers::Contains;

namespace {

const char* kGoodRule = R"(rules:
  - id: acme-api-key
    name: Acme API key
    provider: Acme
    pattern: '\b(acme_[a-z0-9]{20})\b'
    keywords: [acme_]
    entropy: 3.0
    confidence: high
    references: [https://acme.example.com/docs/keys]
    revocation: |
      Revoke at https://acme.example.com/keys.
    examples:
      - input: 'ACME=acme_q8w7e6r5t4y3u2i1o9p8'
        secret: acme_q8w7e6r5t4y3u2i1o9p8
    negative_examples:
      - 'ACME=acme_short'
)";

}  // namespace

TEST_CASE("a valid rule file loads every field") {
  auto rules = LoadRulesFromText(kGoodRule, "acme.yml");
  REQUIRE(rules.size() == 1);
  const Rule& r = rules[0];
  CHECK(r.id == "acme-api-key");
  CHECK(r.provider == "Acme");
  CHECK(r.keywords == std::vector<std::string>{"acme_"});
  CHECK(r.entropy == 3.0);
  CHECK(r.confidence == Confidence::kHigh);
  CHECK(r.severity == Severity::kHigh);  // default
  CHECK(r.max_length == Rule::kDefaultMaxLength);
  CHECK(r.revocation == "Revoke at https://acme.example.com/keys.");
  REQUIRE(r.examples.size() == 1);
  CHECK(r.examples[0].secret == "acme_q8w7e6r5t4y3u2i1o9p8");
  CHECK(r.origin.file == "acme.yml");
  CHECK(r.origin.line == 2);
  CHECK(ValidateRules(rules).empty());
}

TEST_CASE("malformed YAML is reported with file and line") {
  const std::string bad = "rules:\n  - id: x\n    name: [unclosed\n";
  REQUIRE_THROWS_AS(LoadRulesFromText(bad, "bad.yml"), UsageError);
  try {
    LoadRulesFromText(bad, "bad.yml");
  } catch (const UsageError& e) {
    CHECK_THAT(e.what(), Contains("bad.yml:"));
  }
}

TEST_CASE("unknown and missing keys are rejected with their line") {
  std::string typo = kGoodRule;
  typo.replace(typo.find("keywords:"), 9, "keyword:");
  try {
    LoadRulesFromText(typo, "typo.yml");
    FAIL("expected an error");
  } catch (const UsageError& e) {
    CHECK_THAT(e.what(), Contains("typo.yml:6:") && Contains("unknown rule key 'keyword'"));
  }
  std::string missing = kGoodRule;
  missing.erase(missing.find("    revocation:"),
                missing.find("    examples:") - missing.find("    revocation:"));
  CHECK_THROWS_WITH(LoadRulesFromText(missing, "m.yml"),
                    Contains("missing required key 'revocation'"));
}

TEST_CASE("bad values are rejected") {
  std::string s = kGoodRule;
  s.replace(s.find("confidence: high"), 16, "confidence: sure");
  CHECK_THROWS_WITH(LoadRulesFromText(s, "c.yml"), Contains("c.yml:8:") && Contains("confidence"));
  s = kGoodRule;
  s.replace(s.find("entropy: 3.0"), 12, "entropy: lots");
  CHECK_THROWS_WITH(LoadRulesFromText(s, "e.yml"), Contains("must be a number"));
}

TEST_CASE("validation catches bad regexes, ids, and examples that cannot match") {
  auto rules = LoadRulesFromText(kGoodRule, "v.yml");
  Rule bad = rules[0];
  bad.id = "Bad_ID";
  bad.pattern = "(unclosed";
  rules.push_back(bad);
  Rule nogroup = rules[0];
  nogroup.id = "no-group";
  nogroup.pattern = "acme_[a-z]+";
  rules.push_back(nogroup);
  Rule wrong_secret = rules[0];
  wrong_secret.id = "wrong-secret";
  wrong_secret.examples[0].secret = "not-in-input";
  rules.push_back(wrong_secret);
  auto problems = ValidateRules(rules);
  std::string all;
  for (const auto& p : problems)
    all += p + "\n";
  CHECK_THAT(all, Contains("'Bad_ID': id must be kebab-case"));
  CHECK_THAT(all, Contains("'Bad_ID': pattern does not compile with RE2"));
  CHECK_THAT(all, Contains("'no-group': pattern must capture the secret"));
  CHECK_THAT(all, Contains("'wrong-secret': example secret does not occur"));
  CHECK_THAT(all, Contains("v.yml:2:"));
}

TEST_CASE("numbered secret groups must follow `secret` without a gap") {
  auto rules = LoadRulesFromText(kGoodRule, "n.yml");
  Rule gap = rules[0];
  gap.id = "gap";
  gap.pattern = "k=(?:\"(?P<secret>[a-z.]+)\"|(?P<secret3>[a-z]+))";
  Rule lone = rules[0];
  lone.id = "lone";
  lone.pattern = "k=(?P<secret2>[a-z]+)";
  Rule fine = rules[0];
  fine.id = "fine";
  fine.pattern = "acme_(?:\"(?P<secret>[a-z0-9.]+)\"|(?P<secret2>[a-z0-9]+)(?P<secret_kind>x)?)";
  std::string all;
  for (const auto& p : ValidateRules({gap, lone, fine}))
    all += p + "\n";
  CHECK_THAT(all, Contains("'gap': secret groups are named secret, secret2"));
  CHECK_THAT(all, Contains("'lone': secret groups are named secret, secret2"));
  CHECK_THAT(all, !Contains("'fine'"));
}

TEST_CASE("duplicate ids are rejected") {
  auto rules = LoadRulesFromText(kGoodRule, "d.yml");
  rules.push_back(rules[0]);
  auto problems = ValidateRules(rules);
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0], Contains("duplicate rule id"));
}

TEST_CASE("a rules directory loads every .yml file in name order") {
  test::TempDir dir;
  dir.Write("b.yml", kGoodRule);
  std::string other = kGoodRule;
  other.replace(other.find("acme-api-key"), 12, "acme-other-key");
  dir.Write("a.yaml", other);
  dir.Write("notes.txt", "not a rule file");
  auto rules = LoadRulesFromPath(dir.path());
  REQUIRE(rules.size() == 2);
  CHECK(rules[0].id == "acme-other-key");
  CHECK(rules[1].id == "acme-api-key");
  CHECK_THROWS_WITH(LoadRulesFromPath(dir / "missing"), Contains("no such rules file"));
}

TEST_CASE("the secret group is the named group, else group 1") {
  CHECK(SecretGroupIndex("(a)(?P<secret>b)") == 2);
  CHECK(SecretGroupIndex("x(a)(b)") == 1);
  CHECK(SecretGroupIndex("abc") == 0);
}

TEST_CASE("secret, secret2 … name the groups of a pattern's alternative branches, in order") {
  RE2 two("k=(?:\"(?P<secret>[^\"]+)\"|(?P<secret2>\\w+))(x)");
  CHECK(SecretGroupsOf(two) == std::vector<int>{1, 2});
  RE2 gap("(?P<secret>a)|(?P<secret3>b)");
  CHECK(SecretGroupsOf(gap) == std::vector<int>{1});  // read in sequence: secret3 is not one
  CHECK(SecretGroupsOf(RE2("x(a)(b)")) == std::vector<int>{1});
  CHECK(SecretGroupsOf(RE2("abc")) == std::vector<int>{0});
}

namespace {

// kGoodRule with its pattern replaced by `pattern` (single-quoted YAML).
std::string RuleWithPattern(const std::string& pattern) {
  std::string rule = kGoodRule;
  const std::string old = R"('\b(acme_[a-z0-9]{20})\b')";
  rule.replace(rule.find(old), old.size(), "'" + pattern + "'");
  return rule;
}

}  // namespace

TEST_CASE("pattern fragments are inserted verbatim, fragments inside fragments too") {
  const std::string text =
      "fragments:\n"
      "  tail: '[a-z0-9]{20}'\n"
      "  token: 'acme_(?&tail)'\n" +
      RuleWithPattern(R"(\b((?&token))\b)");
  auto rules = LoadRulesFromText(text, "acme.yml");
  REQUIRE(rules.size() == 1);
  CHECK(rules[0].pattern == R"(\b(acme_[a-z0-9]{20})\b)");
  CHECK(ValidateRules(rules).empty());
  // An escaped parenthesis before "?&" is text, not a reference.
  auto literal = LoadRulesFromText(RuleWithPattern(R"(\(?&x\b(acme_[a-z0-9]{20})\b)"), "l.yml");
  CHECK(literal[0].pattern == R"(\(?&x\b(acme_[a-z0-9]{20})\b)");
}

TEST_CASE("fragments defined in one file of a rules directory serve the others") {
  test::TempDir dir;
  dir.Write("fragments.yml", "fragments:\n  acme-token: 'acme_[a-z0-9]{20}'\n");
  dir.Write("acme.yml", RuleWithPattern(R"(\b((?&acme-token))\b)"));
  auto rules = LoadRulesFromPath(dir.path());
  REQUIRE(rules.size() == 1);
  CHECK(rules[0].pattern == R"(\b(acme_[a-z0-9]{20})\b)");

  dir.Write("more.yml", "fragments:\n  acme-token: 'other'\n");
  CHECK_THROWS_WITH(LoadRulesFromPath(dir.path()),
                    Contains("more.yml:2:") && Contains("'acme-token' is already defined at") &&
                        Contains("fragments.yml:2"));
}

TEST_CASE("bad fragment references and definitions name the file and line") {
  CHECK_THROWS_WITH(LoadRulesFromText(RuleWithPattern(R"(\b((?&missing))\b)"), "u.yml"),
                    Contains("u.yml:5:") && Contains("unknown pattern fragment 'missing'"));
  CHECK_THROWS_WITH(LoadRulesFromText(RuleWithPattern(R"(\b((?&bad name))\b)"), "m.yml"),
                    Contains("m.yml:5:") && Contains("malformed fragment reference"));
  CHECK_THROWS_WITH(LoadRulesFromText(RuleWithPattern(R"(\b((?&unclosed)"), "o.yml"),
                    Contains("malformed fragment reference"));
  const std::string cycle =
      "fragments:\n  a: 'x(?&b)'\n  b: 'y(?&a)'\n" + RuleWithPattern(R"(\b((?&a))\b)");
  CHECK_THROWS_WITH(LoadRulesFromText(cycle, "c.yml"),
                    Contains("c.yml:8:") && Contains("cycle: a -> b -> a"));
  CHECK_THROWS_WITH(LoadRulesFromText("fragments:\n  'no spaces': x\n", "n.yml"),
                    Contains("n.yml:2:") && Contains("fragment name 'no spaces'"));
  CHECK_THROWS_WITH(LoadRulesFromText("fragments: [x]\n", "l.yml"),
                    Contains("'fragments' must be a map"));
  CHECK_THROWS_WITH(LoadRulesFromText("fragments:\n  x: [1]\n", "v.yml"),
                    Contains("v.yml:2:") && Contains("'x' must be a string"));
}

TEST_CASE("a file of fragments alone is a valid rules file") {
  CHECK(LoadRulesFromText("fragments:\n  x: 'abc'\n", "f.yml").empty());
}
