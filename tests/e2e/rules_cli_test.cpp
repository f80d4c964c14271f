#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

using namespace sprawl;
using Catch::Matchers::Contains;
using test::RunSprawl;

namespace {}  // namespace

TEST_CASE("rules list, in text, markdown and json") {
  test::TempDir cache;
  auto text = RunSprawl({"rules", "list"}, "", test::CliEnv());
  CHECK(text.exit_code == 0);
  CHECK_THAT(text.out, Contains("github-pat-classic"));
  auto md = RunSprawl({"rules", "list", "--format", "markdown"}, "", test::CliEnv());
  CHECK_THAT(md.out, Contains("| `aws-access-key-id` |"));
  auto json =
      nlohmann::json::parse(RunSprawl({"rules", "list", "-f", "json"}, "", test::CliEnv()).out);
  CHECK(json.size() >= 120);
  auto bad = RunSprawl({"rules", "list", "--format", "xml"}, "", test::CliEnv());
  CHECK(bad.exit_code == 2);
}

TEST_CASE("rules show prints a rule in full and rejects unknown ids") {
  test::TempDir cache;
  auto r = RunSprawl({"rules", "show", "github-pat-classic"}, "", test::CliEnv());
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Contains("pattern:") && Contains("revocation:") && Contains("references:"));
  auto missing = RunSprawl({"rules", "show", "no-such-rule"}, "", test::CliEnv());
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err, Contains("no rule with id 'no-such-rule'"));
}

TEST_CASE("rules check passes on the shipped rules and fails on broken ones") {
  test::TempDir dir, cache;
  auto ok = RunSprawl({"rules", "check"}, "", test::CliEnv());
  CHECK(ok.exit_code == 0);
  CHECK_THAT(ok.out, Contains("all passed"));

  dir.Write(
      "r.yml",
      "rules:\n  - id: weak\n    name: w\n    provider: p\n    pattern: '\\b(wk_[a-z]{6})\\b'\n"
      "    entropy: 0\n    confidence: low\n    references: [https://x.example]\n"
      "    revocation: r\n    examples:\n      - {input: 'wk_qwerty', secret: wk_qwerty}\n"
      "      - {input: 'wk_qw', secret: wk_qw}\n    negative_examples: ['wk_zxcvbn']\n");
  auto fail = RunSprawl({"rules", "check", dir / "r.yml"}, "", test::CliEnv());
  CHECK(fail.exit_code == 1);
  CHECK_THAT(fail.out, Contains("r.yml:2: rule 'weak': example did not yield secret 'wk_qw'"));
  CHECK_THAT(fail.out, Contains("negative example produced a finding 'wk_zxcvbn'"));

  dir.Write("bad.yml", "rules:\n  - id: x\n    nme: typo\n");
  auto invalid = RunSprawl({"rules", "check", dir / "bad.yml"}, "", test::CliEnv());
  CHECK(invalid.exit_code == 2);
  CHECK_THAT(invalid.err, Contains("bad.yml:3:") && Contains("unknown rule key 'nme'"));
}

TEST_CASE("help documents the exit codes and version prints the version") {
  auto help = RunSprawl({"--help"});
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Contains("Exit codes") && Contains("2  usage error"));
  auto v = RunSprawl({"--version"});
  CHECK_THAT(v.out, Contains("sprawl "));
}

TEST_CASE("docs/rules.md is generated from the rules in force") {
  test::TempDir cache;
  auto md = RunSprawl({"rules", "list", "--format", "markdown"}, "", test::CliEnv());
  REQUIRE(md.exit_code == 0);
  std::ifstream in(std::string(SPRAWL_SOURCE_DIR) + "/docs/rules.md", std::ios::binary);
  std::stringstream doc;
  doc << in.rdbuf();
  INFO("regenerate with: build/sprawl rules list --format markdown > docs/rules.md");
  CHECK(doc.str() == md.out);
}
