// End-to-end: `sprawl baseline create|update` and `sprawl scan --baseline`, as a CI gate
// uses them, against real files in temp directories.
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"
#include "support/tokens.hpp"

using namespace sprawl;
using Catch::Matchers::Contains;
using test::RunSprawl;

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

nlohmann::json ScanJson(const test::TempDir& dir, const std::vector<std::string>& extra,
                        int* exit_code) {
  std::vector<std::string> args = {"scan", ".", "-f", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = RunSprawl(args, dir.path(), test::CliEnv());
  *exit_code = r.exit_code;
  return nlohmann::json::parse(r.out);
}

const std::string kOld = test::MakeGithubStyleToken("ghp_", 301);
const std::string kNew = test::MakeGithubStyleToken("ghp_", 302);
const std::string kSlack = test::MakeSlackBotToken(303);

}  // namespace

TEST_CASE("baseline create writes identities, never a plaintext secret") {
  test::TempDir dir;
  dir.Write("app/.env", "DEBUG=1\nGITHUB_TOKEN=" + kOld + "\n");
  dir.Write("bot.py", "SLACK = \"" + kSlack + "\"\n");
  auto r = RunSprawl({"baseline", "create"}, dir.path(), test::CliEnv());
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.err, Contains("wrote 2 entries"));
  const std::string text = ReadFile(dir / ".sprawl-baseline.json");  // default file, in cwd
  CHECK(text.find(kOld) == std::string::npos);
  CHECK(text.find(kSlack) == std::string::npos);
  CHECK(text.find(kSlack.substr(0, 20)) == std::string::npos);
  auto doc = nlohmann::json::parse(text);
  CHECK(doc["version"] == 1);
  CHECK(doc["tool"] == "sprawl");
  REQUIRE(doc["entries"].size() == 2);
  const auto& e = doc["entries"][0];  // sorted by path: app/.env first
  CHECK(e["rule_id"] == "github-pat-classic");
  CHECK(e["path"] == "app/.env");
  CHECK(e["line"] == 2);
  CHECK(e["secret_sha256"].get<std::string>().size() == 64);
  CHECK(e["fingerprint"].get<std::string>().size() == 32);
  CHECK(doc["entries"][1]["path"] == "bot.py");

  // The same scan as `sprawl scan`: identities equal the scan's, in any thread count.
  int code = 0;
  auto scan = ScanJson(dir, {}, &code);
  REQUIRE(scan["findings"].size() == 2);
  CHECK(scan["findings"][0]["secret_sha256"] == e["secret_sha256"]);
  CHECK(scan["findings"][0]["fingerprint"] == e["fingerprint"]);
  auto again =
      RunSprawl({"baseline", "create", "-j", "1", "-o", "one.json"}, dir.path(), test::CliEnv());
  CHECK(again.exit_code == 0);
  CHECK(ReadFile(dir / "one.json") == text);
}

TEST_CASE("scan --baseline suppresses known findings and reports new ones") {
  test::TempDir dir;
  dir.Write("app/.env", "DEBUG=1\nGITHUB_TOKEN=" + kOld + "\n");
  REQUIRE(RunSprawl({"baseline", "create"}, dir.path(), test::CliEnv()).exit_code == 0);

  // The baseline file lies in the scanned tree: it must not be a finding itself.
  int code = -1;
  auto doc = ScanJson(dir, {"--baseline", ".sprawl-baseline.json"}, &code);
  CHECK(code == 0);
  CHECK(doc["findings"].empty());
  CHECK(doc["stats"]["suppressed_by_baseline"] == 1);
  CHECK(doc["stats"]["findings"] == 0);
  auto human =
      RunSprawl({"scan", "--baseline", ".sprawl-baseline.json"}, dir.path(), test::CliEnv());
  CHECK(human.exit_code == 0);
  CHECK(human.out.empty());
  CHECK_THAT(human.err, Contains("0 findings in 0 files (1 suppressed by baseline)"));

  dir.Write("lib/new.env", "T=" + kNew + "\n");
  doc = ScanJson(dir, {"--baseline", ".sprawl-baseline.json"}, &code);
  CHECK(code == 1);
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["path"] == "lib/new.env");
  CHECK(doc["stats"]["suppressed_by_baseline"] == 1);
  CHECK(doc["stats"]["findings"] == 1);

  // Without the baseline both are reported.
  doc = ScanJson(dir, {}, &code);
  CHECK(code == 1);
  CHECK(doc["findings"].size() == 2);
  CHECK(doc["stats"]["suppressed_by_baseline"] == 0);
}

TEST_CASE("a baselined secret moved to another line stays suppressed") {
  test::TempDir dir;
  dir.Write("a.env", "GITHUB_TOKEN=" + kOld + "\n");
  REQUIRE(
      RunSprawl({"baseline", "create", "-o", "base.json"}, dir.path(), test::CliEnv()).exit_code ==
      0);
  dir.Write("a.env", "# header\n\n\nOTHER=1\n  GITHUB_TOKEN=" + kOld + "\n");
  int code = -1;
  auto doc = ScanJson(dir, {"--baseline", "base.json"}, &code);
  CHECK(code == 0);
  CHECK(doc["findings"].empty());
  CHECK(doc["stats"]["suppressed_by_baseline"] == 1);
  // And the path may be spelled ./ without losing the match.
  auto dotted =
      RunSprawl({"scan", "./a.env", "--baseline", "base.json"}, dir.path(), test::CliEnv());
  CHECK(dotted.exit_code == 0);
}

TEST_CASE("a different secret on the same line as a baselined one is reported") {
  test::TempDir dir;
  dir.Write("a.env", "GITHUB_TOKEN=" + kOld + "\n");
  REQUIRE(
      RunSprawl({"baseline", "create", "-o", "base.json"}, dir.path(), test::CliEnv()).exit_code ==
      0);
  dir.Write("a.env", "GITHUB_TOKEN=" + kNew + "\n");
  int code = -1;
  auto doc = ScanJson(dir, {"--baseline", "base.json"}, &code);
  CHECK(code == 1);
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["line"] == 1);
  CHECK(doc["stats"]["suppressed_by_baseline"] == 0);
}

TEST_CASE("baseline update rewrites the file and reports stale and added entries") {
  test::TempDir dir;
  const std::string evil = "evil\x1b[31m.env";
  dir.Write("a.env", "GITHUB_TOKEN=" + kOld + "\n");
  dir.Write(evil, "\n\nSLACK=" + kSlack + "\n");
  REQUIRE(RunSprawl({"baseline", "create"}, dir.path(), test::CliEnv()).exit_code == 0);

  // Both secrets removed (rotated), one new one added.
  dir.Write("a.env", "GITHUB_TOKEN=" + kNew + "\n");
  std::remove((dir / evil).c_str());
  auto r = RunSprawl({"baseline", "update"}, dir.path(), test::CliEnv());
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.err, Contains("removed github-pat-classic in a.env (line 1): no longer found"));
  CHECK_THAT(r.err, Contains("removed slack-bot-token in evil\\x1b[31m.env (line 3)"));
  CHECK(r.err.find('\x1b') == std::string::npos);
  CHECK_THAT(r.err, Contains(".sprawl-baseline.json: 1 entry; 1 added, 2 removed"));

  auto doc = nlohmann::json::parse(ReadFile(dir / ".sprawl-baseline.json"));
  REQUIRE(doc["entries"].size() == 1);
  CHECK(doc["entries"][0]["path"] == "a.env");
  int code = -1;
  ScanJson(dir, {"--baseline", ".sprawl-baseline.json"}, &code);
  CHECK(code == 0);

  // Nothing changed: nothing added or removed.
  auto same = RunSprawl({"baseline", "update", "--baseline", ".sprawl-baseline.json"}, dir.path(),
                        test::CliEnv());
  CHECK(same.exit_code == 0);
  CHECK_THAT(same.err, Contains("1 entry; 0 added, 0 removed"));
  CHECK(same.err.find("removed github") == std::string::npos);
}

TEST_CASE("baseline create uses the same scan options as scan") {
  test::TempDir dir;
  dir.Write(".gitignore", "ignored/\n");
  dir.Write("ignored/a.env", "T=" + kOld + "\n");
  dir.Write("fixtures/b.env", "T=" + kNew + "\n");
  dir.Write(".sprawl.yml", "allowlist:\n  paths: [fixtures/]\n");
  REQUIRE(RunSprawl({"baseline", "create"}, dir.path(), test::CliEnv()).exit_code == 0);
  CHECK(nlohmann::json::parse(ReadFile(dir / ".sprawl-baseline.json"))["entries"].empty());
  REQUIRE(
      RunSprawl({"baseline", "create", "--no-ignore", "--no-config"}, dir.path(), test::CliEnv())
          .exit_code == 0);
  CHECK(nlohmann::json::parse(ReadFile(dir / ".sprawl-baseline.json"))["entries"].size() == 2);
}

TEST_CASE("a missing, malformed or unknown-version baseline is a usage error naming it") {
  test::TempDir dir;
  dir.Write("a.env", "T=" + kOld + "\n");
  SECTION("malformed JSON gives file:line:column") {
    dir.Write("broken.json", "{\n  \"version\": 1,\n  \"entries\": [,]\n}\n");
    auto r = RunSprawl({"scan", ".", "--baseline", "broken.json"}, dir.path(), test::CliEnv());
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("broken.json:3:15: invalid baseline JSON"));
    CHECK(r.out.empty());
    auto u =
        RunSprawl({"baseline", "update", "--baseline", "broken.json"}, dir.path(), test::CliEnv());
    CHECK(u.exit_code == 2);
    CHECK_THAT(u.err, Contains("broken.json:3:15"));
  }
  SECTION("missing file") {
    auto r = RunSprawl({"scan", ".", "--baseline", "nope.json"}, dir.path(), test::CliEnv());
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("nope.json: cannot read baseline: No such file"));
    auto u = RunSprawl({"baseline", "update"}, dir.path(), test::CliEnv());
    CHECK(u.exit_code == 2);
    CHECK_THAT(u.err, Contains(".sprawl-baseline.json: cannot read baseline"));
  }
  SECTION("unknown version") {
    dir.Write("v9.json", "{\"version\": 9, \"tool\": \"sprawl\", \"entries\": []}\n");
    auto r = RunSprawl({"scan", ".", "--baseline", "v9.json"}, dir.path(), test::CliEnv());
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("v9.json: unsupported baseline version 9"));
  }
  SECTION("a subcommand is required") {
    auto r = RunSprawl({"baseline"}, dir.path(), test::CliEnv());
    CHECK(r.exit_code == 2);
  }
}
