// End-to-end: encoded secrets through the built binary, `sprawl scan` and `sprawl git`,
// with --decode-depth and limits.decode_depth.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/encode.hpp"
#include "support/git_repo.hpp"
#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"
#include "support/tokens.hpp"

using namespace sprawl;
using Catch::Matchers::Contains;
using test::RunSprawl;

namespace {

std::string K8sSecret(const std::string& token) {
  return "apiVersion: v1\nkind: Secret\nmetadata:\n  name: ci\ndata:\n  GITHUB_TOKEN: " +
         test::Base64(token) + "\n";
}

// The rule of the finding decoded to `token` in a JSON report, or "" if none was. (Without
// decoding a generic rule may still report the base64 value assigned to GITHUB_TOKEN as
// written; that finding has no encoding.)
std::string DecodedFindingRule(const std::string& report, const std::string& token) {
  const auto j = nlohmann::json::parse(report);
  for (const auto& f : j["findings"]) {
    if (f.contains("encoding") && f["secret"] == token) return f["rule_id"];
  }
  return "";
}

}  // namespace

TEST_CASE("scan reports an encoded secret with its encoding and the encoded span's location") {
  test::TempDir dir;
  const std::string token = test::MakeGithubStyleToken("ghp_", 21);
  dir.Write("deploy/secret.yaml", K8sSecret(token));
  auto r = RunSprawl({"scan", dir.path(), "-f", "json", "--reveal"}, "", test::CliEnv());
  INFO(r.err);
  REQUIRE(r.exit_code == 1);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["findings"].size() == 1);
  const auto& f = j["findings"][0];
  CHECK(f["rule_id"] == "github-pat-classic");
  CHECK(f["encoding"] == "base64");
  CHECK(f["secret"] == token);
  CHECK(f["line"] == 6);
  CHECK(f["column"] == 17);

  auto human = RunSprawl({"scan", dir.path()}, "", test::CliEnv());
  CHECK(human.exit_code == 1);
  CHECK_THAT(human.out, Contains("encoding: base64"));
  CHECK_THAT(human.out, !Contains(token));

  auto sarif = RunSprawl({"scan", dir.path(), "-f", "sarif"}, "", test::CliEnv());
  const auto s = nlohmann::json::parse(sarif.out);
  CHECK(s["runs"][0]["results"][0]["properties"]["encoding"] == "base64");
}

TEST_CASE("decode depth 0 turns decoding off and a plain finding has no encoding key") {
  test::TempDir dir;
  const std::string token = test::MakeGithubStyleToken("ghp_", 22);
  dir.Write("secret.yaml", K8sSecret(token));
  auto off = RunSprawl({"scan", dir.path(), "--decode-depth", "0", "-f", "json", "--reveal"}, "",
                       test::CliEnv());
  INFO(off.err);
  // Undecoded, the value is still a credential assigned to *_TOKEN, reported as written.
  CHECK(DecodedFindingRule(off.out, token).empty());
  dir.Write("plain.env", "GITHUB_TOKEN=" + token + "\n");
  auto plain = RunSprawl({"scan", dir / "plain.env", "-f", "json"}, "", test::CliEnv());
  const auto j = nlohmann::json::parse(plain.out);
  REQUIRE(j["findings"].size() == 1);
  CHECK_FALSE(j["findings"][0].contains("encoding"));
}

TEST_CASE("decode depth 3 finds what the default depth 2 does not") {
  test::TempDir dir;
  const std::string token = test::MakeGithubStyleToken("ghp_", 23);
  dir.Write("blob.txt", "x: " + test::Base64(test::Base64(test::Base64(token))) + "\n");
  auto shallow = RunSprawl({"scan", dir.path(), "-f", "json"}, "", test::CliEnv());
  CHECK(shallow.exit_code == 0);
  auto deep =
      RunSprawl({"scan", dir.path(), "--decode-depth", "3", "-f", "json"}, "", test::CliEnv());
  INFO(deep.err);
  REQUIRE(deep.exit_code == 1);
  CHECK(nlohmann::json::parse(deep.out)["findings"][0]["encoding"] == "base64>base64>base64");
}

TEST_CASE("limits.decode_depth in .sprawl.yml sets the depth and the flag overrides it") {
  test::TempDir dir;
  const std::string token = test::MakeGithubStyleToken("ghp_", 24);
  dir.Write("secret.yaml", K8sSecret(token));
  dir.Write(".sprawl.yml", "limits:\n  decode_depth: 0\n");
  auto r = RunSprawl({"scan", dir.path(), "-f", "json", "--reveal"}, "", test::CliEnv());
  INFO(r.err);
  CHECK(DecodedFindingRule(r.out, token).empty());
  auto flag = RunSprawl({"scan", dir.path(), "--decode-depth", "1", "-f", "json", "--reveal"}, "",
                        test::CliEnv());
  CHECK(DecodedFindingRule(flag.out, token) == "github-pat-classic");
  dir.Write(".sprawl.yml", "limits:\n  decode_depth: deep\n");
  auto bad = RunSprawl({"scan", dir.path()}, "", test::CliEnv());
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Contains(".sprawl.yml") && Contains("decode_depth"));
}

TEST_CASE("a bad --decode-depth is a usage error") {
  test::TempDir dir;
  dir.Write("a.txt", "nothing\n");
  for (const char* bad : {"-1", "x", "65", "2.5"}) {
    auto r = RunSprawl({"scan", dir.path(), "--decode-depth", bad}, "", test::CliEnv());
    INFO(bad);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("--decode-depth"));
  }
}

TEST_CASE("sprawl git reports encoded secrets in history with their encoding") {
  test::GitRepo repo;
  const std::string token = test::MakeGithubStyleToken("ghp_", 25);
  repo.Write("k8s/secret.yaml", K8sSecret(token));
  repo.Git("add -A");
  repo.Git("commit -q -m 'add secret'");
  repo.Write("k8s/secret.yaml", "removed\n");
  repo.Git("commit -q -am 'remove secret'");
  auto r = RunSprawl({"git", repo.path(), "-f", "json"}, "", test::CliEnv());
  INFO(r.err);
  REQUIRE(r.exit_code == 1);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["findings"].size() == 1);
  CHECK(j["findings"][0]["encoding"] == "base64");
  CHECK(j["findings"][0]["line"] == 6);
  CHECK(j["findings"][0]["path"] == "k8s/secret.yaml");

  auto staged_repo = test::GitRepo();
  staged_repo.Write("README", "hi\n");
  staged_repo.Git("add -A");
  staged_repo.Git("commit -q -m init");
  staged_repo.Write("auth.sh", "curl -H 'Authorization: Basic " +
                                   test::Base64("deploy-bot:Qm7vT2xLp9Rw4Kz8") + "' x.test\n");
  staged_repo.Git("add auth.sh");
  auto staged =
      RunSprawl({"git", staged_repo.path(), "--staged", "-f", "json"}, "", test::CliEnv());
  INFO(staged.err);
  REQUIRE(staged.exit_code == 1);
  const auto s = nlohmann::json::parse(staged.out);
  REQUIRE(s["findings"].size() == 1);
  CHECK(s["findings"][0]["rule_id"] == "http-basic-auth-credentials");
  CHECK(s["findings"][0]["encoding"] == "base64");
}
