// Baselines: identities without secrets, matching by (rule, path, secret hash) and never by
// line, deterministic output, and errors that name the file.
#include <catch2/catch.hpp>
#include <cctype>
#include <nlohmann/json.hpp>

#include "baseline/baseline.hpp"
#include "findings/content_scanner.hpp"
#include "sprawl/error.hpp"
#include "support/temp_dir.hpp"
#include "support/tokens.hpp"
#include "util/sha256.hpp"

using namespace sprawl;
using Catch::Matchers::Contains;

namespace {

Rule MakeRule(const std::string& id) {
  Rule r;
  r.id = id;
  return r;
}

const Rule kGithubRule = MakeRule("github-pat-classic");
const Rule kSlackRule = MakeRule("slack-bot-token");

Finding MakeFinding(const Rule& rule, const std::string& path, const std::string& secret,
                    std::uint64_t line) {
  Finding f;
  f.rule = &rule;
  f.path = path;
  f.line = line;
  f.column = 1;
  f.secret = secret;
  f.secret_sha256 = Sha256Hex(secret);
  f.fingerprint = FindingFingerprint(rule.id, path, f.secret_sha256);
  return f;
}

// The message of the UsageError `fn` throws; fails the test if it throws nothing.
template <typename Fn>
std::string UsageErrorOf(Fn fn) {
  try {
    fn();
  } catch (const UsageError& e) {
    return e.what();
  }
  FAIL("no UsageError thrown");
  return {};
}

const std::string kTokenA = test::MakeGithubStyleToken("ghp_", 1);
const std::string kTokenB = test::MakeGithubStyleToken("ghp_", 2);

}  // namespace

TEST_CASE("a baseline records identities and never the secret") {
  const Finding f = MakeFinding(kGithubRule, "app/.env", kTokenA, 7);
  const std::string json = Baseline::FromFindings({f}).ToJson();
  CHECK(json.find(kTokenA) == std::string::npos);
  auto doc = nlohmann::json::parse(json);
  CHECK(doc["version"] == 1);
  CHECK(doc["tool"] == "sprawl");
  REQUIRE(doc["entries"].size() == 1);
  const auto& e = doc["entries"][0];
  CHECK(e["rule_id"] == "github-pat-classic");
  CHECK(e["path"] == "app/.env");
  CHECK(e["secret_sha256"] == f.secret_sha256);
  CHECK(e["fingerprint"] == f.fingerprint);
  CHECK(e["line"] == 7);
  CHECK(e.size() == 5);
}

TEST_CASE("baseline entries are sorted and deduplicated whatever the input order") {
  const std::vector<Finding> findings = {
      MakeFinding(kSlackRule, "b.env", kTokenA, 3), MakeFinding(kGithubRule, "b.env", kTokenB, 1),
      MakeFinding(kGithubRule, "a.env", kTokenA, 9),
      MakeFinding(kGithubRule, "a.env", kTokenA, 2)};  // same secret again in the same file
  std::vector<Finding> reversed(findings.rbegin(), findings.rend());
  const Baseline b = Baseline::FromFindings(findings);
  CHECK(b.ToJson() == Baseline::FromFindings(reversed).ToJson());
  REQUIRE(b.entries().size() == 3);
  CHECK(b.entries()[0].path == "a.env");
  CHECK(b.entries()[1].rule_id == "github-pat-classic");
  CHECK(b.entries()[1].path == "b.env");
  CHECK(b.entries()[2].rule_id == "slack-bot-token");
}

TEST_CASE("matching is by rule, path and secret hash, never by line") {
  const Baseline b = Baseline::FromFindings({MakeFinding(kGithubRule, "src/a.env", kTokenA, 3)});
  CHECK(b.Contains(MakeFinding(kGithubRule, "src/a.env", kTokenA, 3)));
  CHECK(b.Contains(MakeFinding(kGithubRule, "src/a.env", kTokenA, 40)));       // moved
  CHECK(b.Contains(MakeFinding(kGithubRule, "./src/a.env", kTokenA, 3)));      // `scan ./src`
  CHECK_FALSE(b.Contains(MakeFinding(kGithubRule, "src/a.env", kTokenB, 3)));  // replaced
  CHECK_FALSE(b.Contains(MakeFinding(kGithubRule, "src/b.env", kTokenA, 3)));  // copied
  CHECK_FALSE(b.Contains(MakeFinding(kSlackRule, "src/a.env", kTokenA, 3)));
}

TEST_CASE("RemoveBaselined drops known findings, keeps the order of the rest, counts") {
  const Baseline b = Baseline::FromFindings({MakeFinding(kGithubRule, "a.env", kTokenA, 1)});
  std::vector<Finding> findings = {MakeFinding(kGithubRule, "a.env", kTokenB, 1),
                                   MakeFinding(kGithubRule, "a.env", kTokenA, 5),
                                   MakeFinding(kSlackRule, "c.env", kTokenA, 2)};
  CHECK(RemoveBaselined(b, &findings) == 1);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].secret == kTokenB);
  CHECK(findings[1].rule == &kSlackRule);
  std::vector<Finding> none;
  CHECK(RemoveBaselined(b, &none) == 0);
  CHECK(RemoveBaselined(Baseline(), &findings) == 0);
  CHECK(findings.size() == 2);
}

TEST_CASE("Unmatched names the entries no finding matches any more") {
  const Baseline b = Baseline::FromFindings({MakeFinding(kGithubRule, "a.env", kTokenA, 1),
                                             MakeFinding(kGithubRule, "b.env", kTokenB, 4)});
  auto stale = b.Unmatched({MakeFinding(kGithubRule, "a.env", kTokenA, 12)});
  REQUIRE(stale.size() == 1);
  CHECK(stale[0].path == "b.env");
  CHECK(stale[0].line == 4);
  CHECK(b.Unmatched({}).size() == 2);
}

TEST_CASE("a baseline survives a save and load unchanged") {
  test::TempDir dir;
  const Baseline b = Baseline::FromFindings({MakeFinding(kGithubRule, "a.env", kTokenA, 1),
                                             MakeFinding(kSlackRule, "dir/b.env", kTokenB, 8)});
  const std::string file = dir / "nested/base.json";
  b.Save(file);
  const Baseline loaded = Baseline::Load(file);
  CHECK(loaded.ToJson() == b.ToJson());
  CHECK(loaded.Contains(MakeFinding(kSlackRule, "dir/b.env", kTokenB, 80)));
}

TEST_CASE("malformed baselines are usage errors that name the file") {
  SECTION("JSON syntax errors give line and column") {
    const std::string text = "{\n  \"version\": 1,\n  \"entries\": [\n    {\"a\": }\n  ]\n}\n";
    auto msg = UsageErrorOf([&] { Baseline::Parse(text, "b.json"); });
    CHECK_THAT(msg, Contains("b.json:4:11: invalid baseline JSON"));
    CHECK_THAT(msg, Contains("unexpected '}'"));
    CHECK_THAT(UsageErrorOf([] { Baseline::Parse("{\"version\": 1", "t.json"); }),
               Contains("t.json:1:14:"));
    CHECK_THAT(UsageErrorOf([] { Baseline::Parse("", "e.json"); }), Contains("e.json:1:1:"));
  }
  SECTION("unknown or missing version") {
    CHECK_THAT(UsageErrorOf([] { Baseline::Parse(R"({"version": 2, "entries": []})", "v.json"); }),
               Contains("v.json: unsupported baseline version 2 (this sprawl reads version 1)"));
    CHECK_THAT(
        UsageErrorOf([] { Baseline::Parse(R"({"version": "1", "entries": []})", "v.json"); }),
        Contains("unsupported baseline version \"1\""));
    CHECK_THAT(UsageErrorOf([] { Baseline::Parse(R"({"entries": []})", "v.json"); }),
               Contains("v.json: missing 'version'"));
  }
  SECTION("wrong shapes") {
    CHECK_THAT(UsageErrorOf([] { Baseline::Parse("[]", "s.json"); }),
               Contains("s.json: a baseline must be a JSON object"));
    CHECK_THAT(UsageErrorOf([] { Baseline::Parse(R"({"version": 1})", "s.json"); }),
               Contains("'entries' must be an array"));
    CHECK_THAT(
        UsageErrorOf([] { Baseline::Parse(R"({"version": 1, "entries": [], "x": 0})", "s.json"); }),
        Contains("unknown key 'x'"));
    CHECK_THAT(UsageErrorOf([] {
                 Baseline::Parse(R"({"version": 1, "tool": "other", "entries": []})", "s.json");
               }),
               Contains("'tool' is \"other\""));
    const std::string sha(64, 'a');
    CHECK_THAT(
        UsageErrorOf([&] {
          Baseline::Parse(
              R"({"version": 1, "entries": [{"rule_id": "r", "path": "p", "secret_sha256": "abc"}]})",
              "s.json");
        }),
        Contains("s.json: entries[0]: 'secret_sha256' must be 64 hex characters"));
    CHECK_THAT(
        UsageErrorOf([&] {
          Baseline::Parse(
              R"({"version": 1, "entries": [{"rule_id": "r", "secret_sha256": ")" + sha + R"("}]})",
              "s.json");
        }),
        Contains("entries[0]: 'path' must be a non-empty string"));
    CHECK_THAT(
        UsageErrorOf([&] {
          Baseline::Parse(
              R"({"version": 1, "entries": [{"rule_id": "r", "path": "p", "line": -1, "secret_sha256": ")" +
                  sha + R"("}]})",
              "s.json");
        }),
        Contains("'line' must be a non-negative integer"));
  }
  SECTION("a missing file") {
    test::TempDir dir;
    CHECK_THAT(UsageErrorOf([&] { Baseline::Load(dir / "absent.json"); }),
               Contains("absent.json: cannot read baseline") && Contains("baseline create"));
  }
}

TEST_CASE("a hand-written entry with only the identity fields matches") {
  const Finding f = MakeFinding(kGithubRule, "a.env", kTokenA, 1);
  std::string upper = f.secret_sha256;
  for (auto& c : upper)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const Baseline b = Baseline::Parse(
      R"({"version": 1, "entries": [{"rule_id": "github-pat-classic", "path": "a.env", "secret_sha256": ")" +
          upper + R"("}]})",
      "h.json");
  CHECK(b.Contains(f));
}
