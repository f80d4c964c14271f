// The shipped rules, through the binary: `scan --verify` finds real-format credentials with the
// embedded rules, pairs the Twilio Auth Token with the Account SID found next to it, and sends
// each request the rule declares to a loopback HTTPS server standing in for the providers
// (test-only override). `sprawl revoke` calls the documented self-revocation endpoints.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/git_repo.hpp"
#include "support/https_provider.hpp"
#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"
#include "verify/template.hpp"

using namespace sprawl;
using Catch::Matchers::Contains;
using test::HttpsProvider;
using test::RunSprawl;

namespace {

// Rule examples (valid formats and checksums, not real credentials).
const std::string kGithub = "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";
const std::string kSlack = "xoxb-556493423644-9269802568850-wv2ctuR5CHhOHKrSkX1LXddd";
const std::string kSid = "ACb7128ab3ebe45c09af6189ba1b5d8ded";
const std::string kTwilioToken = "d60b1becc5888ac45b8cbcaf2616e291";

void Json(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, "application/json");
}

void ImpersonateProviders(HttpsProvider& p) {
  p.server().Get("/user", [](const httplib::Request& req, httplib::Response& res) {
    if (req.get_header_value("Authorization") == "Bearer " + kGithub) {
      Json(res, 200, R"({"login":"octocat","id":583231,"type":"User"})");
    } else {
      Json(res, 401, R"({"message":"Bad credentials"})");
    }
  });
  // The Slack token is revoked.
  p.server().Post("/api/auth.test", [](const httplib::Request&, httplib::Response& res) {
    Json(res, 200, R"({"ok":false,"error":"token_revoked"})");
  });
  p.server().Get(R"(/2010-04-01/Accounts/(AC[0-9a-f]{32})\.json)",
                 [](const httplib::Request& req, httplib::Response& res) {
                   const std::string sid = req.matches[1];
                   if (req.get_header_value("Authorization") ==
                       "Basic " + Base64Encode(sid + ":" + kTwilioToken)) {
                     Json(res, 200, R"({"sid":")" + sid + R"(","friendly_name":"Acme Prod"})");
                   } else {
                     Json(res, 401, R"({"code":20003,"message":"Authenticate","status":401})");
                   }
                 });
  p.server().Post("/api/auth.revoke", [](const httplib::Request& req, httplib::Response& res) {
    if (req.get_header_value("Authorization") == "Bearer " + kSlack) {
      Json(res, 200, R"({"ok":true,"revoked":true})");
    } else {
      Json(res, 200, R"({"ok":false,"error":"invalid_auth"})");
    }
  });
  p.server().Post("/credentials/revoke",
                  [](const httplib::Request&, httplib::Response& res) { Json(res, 202, ""); });
}

struct BlocksFixture {
  test::TempDir dir;
  HttpsProvider provider;

  BlocksFixture() {
    ImpersonateProviders(provider);
    provider.Start();
  }

  std::map<std::string, std::string> Env() const {
    auto env = provider.Env();
    env["SPRAWL_CACHE_DIR"] = SPRAWL_TEST_CACHE_DIR;
    return env;
  }
};

}  // namespace

TEST_CASE("scan --verify with the shipped rules: live, revoked and a paired Twilio token") {
  BlocksFixture fx;
  fx.dir.Write("app/.env", "GITHUB_TOKEN=" + kGithub + "\nSLACK_BOT_TOKEN=" + kSlack +
                               "\nTWILIO_ACCOUNT_SID=" + kSid +
                               "\nTWILIO_AUTH_TOKEN=" + kTwilioToken + "\n");
  auto r = RunSprawl({"scan", fx.dir / "app", "--no-config", "--verify", "-f", "json", "--reveal"},
                     "", fx.Env());
  INFO(r.err);
  REQUIRE(r.exit_code == 1);
  const auto report = nlohmann::json::parse(r.out);
  std::map<std::string, nlohmann::json> by_rule;
  for (const auto& f : report["findings"]) {
    by_rule[f["rule_id"].get<std::string>()] = f;
  }
  REQUIRE(by_rule.count("github-pat-classic") == 1);
  CHECK(by_rule["github-pat-classic"]["verification"]["status"] == "verified");
  CHECK(by_rule["github-pat-classic"]["verification"]["identity"]["login"] == "octocat");
  REQUIRE(by_rule.count("slack-bot-token") == 1);
  CHECK(by_rule["slack-bot-token"]["verification"]["status"] == "invalid");
  REQUIRE(by_rule.count("twilio-auth-token") == 1);
  CHECK(by_rule["twilio-auth-token"]["verification"]["status"] == "verified");
  CHECK(by_rule["twilio-auth-token"]["verification"]["identity"]["account"] == "Acme Prod");
  // The SID is reported (low severity) but is not itself verified.
  REQUIRE(by_rule.count("twilio-account-sid") == 1);
  CHECK(by_rule["twilio-account-sid"]["verification"]["status"] == "not-checked");

  // One request per credential, each with the authentication its rule declares.
  CHECK(fx.provider.Count("/user") == 1);
  CHECK(fx.provider.Count("/api/auth.test") == 1);
  CHECK(fx.provider.Count("/2010-04-01/Accounts/" + kSid + ".json") == 1);
  for (const auto& seen : fx.provider.Seen()) {
    if (seen.path == "/user") CHECK(seen.Header("X-GitHub-Api-Version") == "2022-11-28");
    if (seen.path == "/api/auth.test") CHECK(seen.method == "POST");
  }
}

// Each scanning command builds the shipped rules' verify blocks only when --verify asks for
// them (start-up cost); git history and CI logs must still get them.
TEST_CASE("git and log --verify use the shipped rules' verify blocks") {
  BlocksFixture fx;
  test::GitRepo repo;
  repo.Write("deploy.env", "GITHUB_TOKEN=" + kGithub + "\n");
  repo.Commit("deploy settings");
  auto git = RunSprawl({"git", repo.path(), "--no-config", "--verify", "-f", "json"}, "", fx.Env());
  INFO(git.err);
  REQUIRE(git.exit_code == 1);
  const auto from_git = nlohmann::json::parse(git.out);
  REQUIRE(from_git["findings"].size() == 1);
  CHECK(from_git["findings"][0]["verification"]["status"] == "verified");

  const std::string log =
      fx.dir.Write("build.log", "step 3\nexport GITHUB_TOKEN=" + kGithub + "\n");
  auto logged = RunSprawl({"log", log, "--no-config", "--verify", "-f", "json"}, "", fx.Env());
  INFO(logged.err);
  REQUIRE(logged.exit_code == 1);
  const auto from_log = nlohmann::json::parse(logged.out);
  REQUIRE(from_log["findings"].size() == 1);
  CHECK(from_log["findings"][0]["verification"]["status"] == "verified");
  CHECK(fx.provider.Count("/user") == 2);
}

TEST_CASE("revoke with the shipped Slack and GitHub blocks calls their revocation APIs") {
  BlocksFixture fx;
  auto slack =
      RunSprawl({"revoke", "--rule", "slack-bot-token", "--yes"}, "", fx.Env(), kSlack + "\n");
  INFO(slack.err);
  CHECK(slack.exit_code == 0);
  CHECK_THAT(slack.out, Contains("revoked"));
  CHECK(fx.provider.Count("/api/auth.revoke") == 1);

  auto github =
      RunSprawl({"revoke", "--rule", "github-pat-classic", "--yes"}, "", fx.Env(), kGithub + "\n");
  INFO(github.err);
  CHECK(github.exit_code == 0);
  REQUIRE(fx.provider.Count("/credentials/revoke") == 1);
  for (const auto& seen : fx.provider.Seen()) {
    if (seen.path != "/credentials/revoke") continue;
    // GitHub refuses authenticated calls to this API: the token travels only in the body.
    CHECK(seen.Header("Authorization").empty());
    CHECK(nlohmann::json::parse(seen.body)["credentials"][0] == kGithub);
  }
}
