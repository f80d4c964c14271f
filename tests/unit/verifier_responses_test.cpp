// The shipped verify blocks against the responses each provider documents: a live token's
// answer must read as verified with the owner's identity, a revoked or wrong token's answer
// as invalid, and answers that prove neither (403 without permission, 429, 5xx, a regional
// twin's 401) as unknown. Classified by the real matcher with the real embedded rules.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "rules/rule_set.hpp"
#include "verify/http_client.hpp"
#include "verify/response_matcher.hpp"

using namespace sprawl;

namespace {

const VerifySpec& SpecOf(const RuleSet& rules, const std::string& id) {
  INFO("rule " << id);
  const Rule* r = rules.Find(id);
  REQUIRE(r != nullptr);
  REQUIRE(r->verify != nullptr);
  return *r->verify;
}

HttpResponse Respond(long status, const std::string& body) {
  HttpResponse r;
  r.completed = true;
  r.status = status;
  r.headers["content-type"] = "application/json; charset=utf-8";
  r.body = body;
  r.attempts = 1;
  return r;
}

// How `spec` classifies a JSON answer with this status and body.
VerificationStatus StatusOf(const VerifySpec& spec, long status, const std::string& body) {
  return ClassifyResponse(spec, Respond(status, body)).status;
}

std::map<std::string, std::string> IdentityOf(const Verification& v) {
  return {v.identity.begin(), v.identity.end()};
}

}  // namespace

TEST_CASE("GitHub: /user answers name the owner; a 401 stays unknown (Enterprise Server twins)") {
  RuleSet rules = RuleSet::Embedded();
  const VerifySpec& spec = SpecOf(rules, "github-pat-classic");
  Verification live = ClassifyResponse(
      spec, Respond(200, R"({"login":"octocat","id":583231,"name":"The Octocat","type":"User"})"));
  CHECK(live.status == VerificationStatus::kVerified);
  auto id = IdentityOf(live);
  CHECK(id["login"] == "octocat");
  CHECK(id["id"] == "583231");
  CHECK(id["type"] == "User");
  Verification dead = ClassifyResponse(
      spec,
      Respond(
          401,
          R"({"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"})"));
  CHECK(dead.status == VerificationStatus::kUnknown);
  CHECK(StatusOf(spec, 403, R"({"message":"rate limited"})") == VerificationStatus::kUnknown);
}

TEST_CASE("Slack: auth.test ok:true is live, revoked/expired/inactive answers are invalid") {
  RuleSet rules = RuleSet::Embedded();
  const VerifySpec& spec = SpecOf(rules, "slack-bot-token");
  Verification live = ClassifyResponse(
      spec,
      Respond(
          200,
          R"({"ok":true,"url":"https://acme.slack.com/","team":"Acme","user":"deploybot","team_id":"T0123ABCD","user_id":"U0456EFGH","bot_id":"B0789"})"));
  CHECK(live.status == VerificationStatus::kVerified);
  auto id = IdentityOf(live);
  CHECK(id["team"] == "Acme");
  CHECK(id["user"] == "deploybot");
  CHECK(id["team_id"] == "T0123ABCD");
  for (const char* error : {"token_revoked", "account_inactive", "token_expired"}) {
    INFO(error);
    auto body = std::string(R"({"ok":false,"error":")") + error + "\"}";
    CHECK(StatusOf(spec, 200, body) == VerificationStatus::kInvalid);
  }
  // invalid_auth also answers a valid token used from outside the allowed IP ranges; rate
  // limits and other failures prove nothing either.
  CHECK(StatusOf(spec, 200, R"({"ok":false,"error":"invalid_auth"})") ==
        VerificationStatus::kUnknown);
  CHECK(StatusOf(spec, 200, R"({"ok":false,"error":"ratelimited"})") ==
        VerificationStatus::kUnknown);
  CHECK(StatusOf(spec, 429, "") == VerificationStatus::kUnknown);
}

TEST_CASE("Stripe: /v1/account is live, an invalid or expired key is invalid, 403 is unknown") {
  RuleSet rules = RuleSet::Embedded();
  const VerifySpec& spec = SpecOf(rules, "stripe-live-secret-key");
  Verification live = ClassifyResponse(
      spec,
      Respond(
          200,
          R"({"id":"acct_1Nv0FGQ9RKHgCVdK","object":"account","email":"ops@acme.test","country":"FR","business_profile":{"name":"Acme SAS"}})"));
  CHECK(live.status == VerificationStatus::kVerified);
  auto id = IdentityOf(live);
  CHECK(id["account"] == "acct_1Nv0FGQ9RKHgCVdK");
  CHECK(id["business_name"] == "Acme SAS");
  CHECK(id["country"] == "FR");
  CHECK(
      StatusOf(
          spec, 401,
          R"({"error":{"message":"Invalid API Key provided: sk_live_****1234","type":"invalid_request_error"}})") ==
      VerificationStatus::kInvalid);
  CHECK(
      StatusOf(
          spec, 401,
          R"({"error":{"message":"Expired API Key provided: sk_live_****1234","type":"invalid_request_error"}})") ==
      VerificationStatus::kInvalid);
  // A 401 that does not name a bad key (an IP restriction, say) is not proof.
  CHECK(
      StatusOf(
          spec, 401,
          R"({"error":{"message":"This key cannot be used from your IP address.","type":"invalid_request_error"}})") ==
      VerificationStatus::kUnknown);
  const VerifySpec& restricted = SpecOf(rules, "stripe-live-restricted-key");
  CHECK(StatusOf(restricted, 403, R"({"error":{"type":"invalid_request_error"}})") ==
        VerificationStatus::kUnknown);
}

TEST_CASE("OpenAI: only invalid_api_key is invalid; a restricted key's 401 is unknown") {
  RuleSet rules = RuleSet::Embedded();
  const VerifySpec& spec = SpecOf(rules, "openai-project-key");
  CHECK(StatusOf(spec, 200, R"({"object":"list","data":[{"id":"gpt-4o","object":"model"}]})") ==
        VerificationStatus::kVerified);
  CHECK(
      StatusOf(
          spec, 401,
          R"({"error":{"message":"Incorrect API key provided","type":"invalid_request_error","param":null,"code":"invalid_api_key"}})") ==
      VerificationStatus::kInvalid);
  CHECK(
      StatusOf(
          spec, 401,
          R"({"error":{"message":"You have insufficient permissions for this operation. Missing scopes: api.model.read.","type":"invalid_request_error","param":null,"code":null}})") ==
      VerificationStatus::kUnknown);
  CHECK(StatusOf(spec, 500, "upstream error") == VerificationStatus::kUnknown);
}

TEST_CASE("Telegram: getMe names the bot; 401 Unauthorized is invalid") {
  RuleSet rules = RuleSet::Embedded();
  const VerifySpec& spec = SpecOf(rules, "telegram-bot-token");
  Verification live = ClassifyResponse(
      spec,
      Respond(
          200,
          R"({"ok":true,"result":{"id":7123456789,"is_bot":true,"first_name":"Deploy","username":"acme_deploy_bot"}})"));
  CHECK(live.status == VerificationStatus::kVerified);
  auto id = IdentityOf(live);
  CHECK(id["username"] == "acme_deploy_bot");
  CHECK(id["id"] == "7123456789");
  CHECK(StatusOf(spec, 401, R"({"ok":false,"error_code":401,"description":"Unauthorized"})") ==
        VerificationStatus::kInvalid);
  CHECK(StatusOf(spec, 404, R"({"ok":false,"error_code":404,"description":"Not Found"})") ==
        VerificationStatus::kUnknown);
}

TEST_CASE("Twilio: the account answers with its name; error 20003 is invalid") {
  RuleSet rules = RuleSet::Embedded();
  const VerifySpec& spec = SpecOf(rules, "twilio-auth-token");
  Verification live = ClassifyResponse(
      spec,
      Respond(
          200,
          R"({"sid":"ACb7128ab3ebe45c09af6189ba1b5d8ded","friendly_name":"Acme Prod","status":"active","type":"Full"})"));
  CHECK(live.status == VerificationStatus::kVerified);
  auto id = IdentityOf(live);
  CHECK(id["account"] == "Acme Prod");
  CHECK(id["account_sid"] == "ACb7128ab3ebe45c09af6189ba1b5d8ded");
  CHECK(id["status"] == "active");
  CHECK(
      StatusOf(
          spec, 401,
          R"({"code":20003,"message":"Authenticate","more_info":"https://www.twilio.com/docs/errors/20003","status":401})") ==
      VerificationStatus::kInvalid);
  CHECK(StatusOf(spec, 401, R"({"code":20005,"message":"Account not active","status":401})") ==
        VerificationStatus::kUnknown);
}

TEST_CASE("GitLab: only gitlab.com's revoked or expired answer is invalid") {
  RuleSet rules = RuleSet::Embedded();
  const VerifySpec& spec = SpecOf(rules, "gitlab-personal-access-token");
  Verification live = ClassifyResponse(
      spec,
      Respond(
          200,
          R"({"id":42,"name":"ci-token","revoked":false,"active":true,"scopes":["api"],"user_id":1234,"expires_at":"2027-01-01"})"));
  CHECK(live.status == VerificationStatus::kVerified);
  CHECK(IdentityOf(live)["name"] == "ci-token");
  CHECK(
      StatusOf(
          spec, 401,
          R"({"error":"invalid_token","error_description":"Token was revoked. You have to re-authorize from the user."})") ==
      VerificationStatus::kInvalid);
  // A token from a self-managed instance is simply unknown to gitlab.com.
  CHECK(StatusOf(spec, 401, R"({"message":"401 Unauthorized"})") == VerificationStatus::kUnknown);
}

TEST_CASE("Cloudflare: an expired user token is invalid even with HTTP 200") {
  RuleSet rules = RuleSet::Embedded();
  const VerifySpec& spec = SpecOf(rules, "cloudflare-user-api-token");
  CHECK(
      StatusOf(
          spec, 200,
          R"({"success":true,"errors":[],"messages":[],"result":{"id":"f267e341f3dd4697bd3b9f71dd96247f","status":"active"}})") ==
      VerificationStatus::kVerified);
  CHECK(
      StatusOf(
          spec, 200,
          R"({"success":true,"errors":[],"messages":[],"result":{"id":"f267e341f3dd4697bd3b9f71dd96247f","status":"expired"}})") ==
      VerificationStatus::kInvalid);
  CHECK(
      StatusOf(
          spec, 401,
          R"({"success":false,"errors":[{"code":1000,"message":"Invalid API Token"}],"messages":[],"result":null})") ==
      VerificationStatus::kInvalid);
  // The keyword rule may have caught an account-owned token that this endpoint rejects.
  const VerifySpec& keyword = SpecOf(rules, "cloudflare-api-token");
  CHECK(
      StatusOf(
          keyword, 401,
          R"({"success":false,"errors":[{"code":1000,"message":"Invalid API Token"}],"messages":[],"result":null})") ==
      VerificationStatus::kUnknown);
}
