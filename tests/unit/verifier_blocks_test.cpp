// The `verify:` and `revoke:` blocks shipped in rules/*.yml are data with rules of their own:
// they must cover the most leaked providers, send the secret only to the provider's literal
// host, and never declare "live" or "revoked" on a response shape that proves neither.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "rules/rule_set.hpp"
#include "sprawl/rule.hpp"
#include "verify/template.hpp"
#include "verify/url.hpp"

using namespace sprawl;

namespace {

const Rule* FindRule(const RuleSet& set, const std::string& id) {
  for (const Rule& r : set.rules()) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::string HostOf(const HttpRequestSpec& req) {
  UrlParts url;
  std::string error;
  if (!ParseUrl(req.url, &url, &error)) return "";
  return url.host;
}

// Every template variable used anywhere in a request, in no particular order.
std::set<std::string> RequestVariables(const HttpRequestSpec& req) {
  std::vector<std::string> texts = {req.url, req.body, req.basic_username, req.basic_password};
  for (const auto& [name, value] : req.headers)
    texts.push_back(value);
  std::set<std::string> vars;
  for (const auto& text : texts) {
    std::string error;
    auto tpl = ParseTemplate(text, &error);
    REQUIRE(tpl.has_value());
    for (const auto& v : TemplateVariables(*tpl))
      vars.insert(v);
  }
  return vars;
}

bool HasHeader(const HttpRequestSpec& req, const std::string& name) {
  return std::any_of(req.headers.begin(), req.headers.end(),
                     [&](const auto& h) { return h.first == name; });
}

bool IsSuccess(int status) {
  return status >= 200 && status < 300;
}

}  // namespace

TEST_CASE("verify blocks cover at least 60 providers, the most leaked ones included") {
  RuleSet rules = RuleSet::Embedded();
  std::set<std::string> providers;
  for (const Rule& r : rules.rules()) {
    if (r.verify) providers.insert(r.provider);
  }
  CHECK(providers.size() >= 60);
  for (const char* p :
       {"GitHub",       "GitLab",          "Slack",      "Stripe",  "OpenAI",       "Anthropic",
        "Hugging Face", "Twilio SendGrid", "Twilio",     "npm",     "DigitalOcean", "Mailgun",
        "Postman",      "Linear",          "Notion",     "Datadog", "New Relic",    "Sentry",
        "Telegram",     "Discord",         "Dropbox",    "Doppler", "HashiCorp",    "Supabase",
        "Groq",         "Replicate",       "Cloudflare", "Heroku"}) {
    INFO(p);
    CHECK(providers.count(p) == 1);
  }
}

TEST_CASE("every verify and revoke request sends the secret only to a literal public https host") {
  RuleSet rules = RuleSet::Embedded();
  int checked = 0;
  for (const Rule& r : rules.rules()) {
    INFO(r.id);
    std::vector<const HttpRequestSpec*> requests;
    if (r.verify && r.verify->type == VerifySpec::kTypeHttp) requests.push_back(&r.verify->request);
    if (r.revoke) requests.push_back(&r.revoke->request);
    for (const HttpRequestSpec* req : requests) {
      UrlParts url;
      std::string error;
      REQUIRE(ParseUrl(req->url, &url, &error));
      CHECK(url.scheme == "https");
      CHECK_FALSE(url.explicit_port);
      CHECK_FALSE(IsLoopbackHost(url.host));
      CHECK(url.host.find('.') != std::string::npos);
      // A request that does not carry the secret checks nothing.
      CHECK(RequestVariables(*req).count("secret") == 1);
      ++checked;
    }
  }
  CHECK(checked >= 100);
}

TEST_CASE("verified means a 2xx answer and invalid never means a bare success") {
  RuleSet rules = RuleSet::Embedded();
  for (const Rule& r : rules.rules()) {
    if (!r.verify || r.verify->type != VerifySpec::kTypeHttp) continue;
    INFO(r.id);
    REQUIRE_FALSE(r.verify->verified.empty());
    for (const ResponseCondition& c : r.verify->verified) {
      REQUIRE_FALSE(c.status.empty());
      for (int s : c.status)
        CHECK(IsSuccess(s));
    }
    for (const ResponseCondition& c : r.verify->invalid) {
      // A success status proves nothing bad unless the body says so (Slack's ok:false).
      const bool allows_success =
          c.status.empty() || std::any_of(c.status.begin(), c.status.end(), IsSuccess);
      if (allows_success) CHECK((!c.json.empty() || !c.body_contains.empty()));
      // 403 usually means "valid but not allowed": only a body naming the bad token counts.
      if (std::count(c.status.begin(), c.status.end(), 403) > 0) {
        CHECK((!c.json.empty() || !c.body_contains.empty()));
      }
      // The same response cannot be both live and dead.
      for (const ResponseCondition& v : r.verify->verified)
        CHECK_FALSE(c == v);
    }
    for (const auto& [name, path] : r.verify->identity) {
      CHECK_FALSE(name.empty());
      CHECK_FALSE(path.empty());
    }
  }
}

TEST_CASE("rules that catch other vendors' secrets are never sent anywhere") {
  RuleSet rules = RuleSet::Embedded();
  for (const Rule& r : rules.rules()) {
    INFO(r.id);
    if (r.provider.rfind("Generic", 0) == 0) {
      CHECK_FALSE(r.verify != nullptr);
      CHECK_FALSE(r.revoke != nullptr);
    }
  }
  // The legacy npm rule matches _authToken lines for any registry; the legacy Notion prefix
  // secret_ is not Notion-specific: sending those to npmjs.com or notion.com could leak a
  // credential of another service.
  for (const char* id : {"npm-legacy-auth-token", "notion-integration-token-legacy"}) {
    const Rule* r = FindRule(rules, id);
    REQUIRE(r != nullptr);
    CHECK_FALSE(r->verify != nullptr);
  }
}

TEST_CASE("providers with self-hosted or regional twins never declare invalid") {
  RuleSet rules = RuleSet::Embedded();
  // A 401 from the public host does not prove that a GitHub Enterprise Server, Terraform
  // Enterprise, EU-region or sandbox credential is dead, nor that a token limited to some IP
  // ranges (npm, Buildkite) is.
  for (const char* id :
       {"github-pat-classic", "github-fine-grained-pat", "terraform-cloud-api-token",
        "sentry-user-auth-token", "datadog-api-key", "sendgrid-api-key", "mailgun-private-api-key",
        "newrelic-user-api-key", "square-access-token", "circleci-personal-api-token",
        "npm-access-token", "buildkite-api-access-token"}) {
    const Rule* r = FindRule(rules, id);
    REQUIRE(r != nullptr);
    INFO(id);
    REQUIRE(r->verify != nullptr);
    CHECK(r->verify->invalid.empty());
  }
  // GitLab: only gitlab.com's own "revoked"/"expired" answers count.
  const Rule* gitlab = FindRule(rules, "gitlab-personal-access-token");
  REQUIRE(gitlab != nullptr);
  REQUIRE(gitlab->verify != nullptr);
  REQUIRE_FALSE(gitlab->verify->invalid.empty());
  for (const ResponseCondition& c : gitlab->verify->invalid)
    CHECK_FALSE(c.body_contains.empty());
}

TEST_CASE("revoke blocks call the documented self-revocation endpoints") {
  RuleSet rules = RuleSet::Embedded();
  std::map<std::string, std::string> expected = {
      {"github-pat-classic", "https://api.github.com/credentials/revoke"},
      {"github-fine-grained-pat", "https://api.github.com/credentials/revoke"},
      {"gitlab-personal-access-token", "https://gitlab.com/api/v4/personal_access_tokens/self"},
      {"slack-bot-token", "https://slack.com/api/auth.revoke"},
      {"slack-user-token", "https://slack.com/api/auth.revoke"},
      {"buildkite-api-access-token", "https://api.buildkite.com/v2/access-token"},
      {"fastly-api-token", "https://api.fastly.com/tokens/self"},
  };
  for (const auto& [id, url] : expected) {
    const Rule* r = FindRule(rules, id);
    REQUIRE(r != nullptr);
    INFO(id);
    REQUIRE(r->revoke != nullptr);
    CHECK(r->revoke->request.url == url);
    CHECK_FALSE(r->revoke->description.empty());
    for (const ResponseCondition& c : r->revoke->revoked) {
      REQUIRE_FALSE(c.status.empty());
      for (int s : c.status)
        CHECK(IsSuccess(s));
    }
  }
  // GitHub refuses authenticated calls to the revocation API.
  const Rule* gh = FindRule(rules, "github-pat-classic");
  CHECK_FALSE(HasHeader(gh->revoke->request, "Authorization"));
  int with_revoke = 0;
  for (const Rule& r : rules.rules())
    with_revoke += r.revoke != nullptr ? 1 : 0;
  CHECK(with_revoke >= 15);
}

TEST_CASE("the Twilio Auth Token is checked with the Account SID found next to it") {
  RuleSet rules = RuleSet::Embedded();
  for (const char* id : {"twilio-auth-token", "twilio-auth-token-pair"}) {
    const Rule* r = FindRule(rules, id);
    REQUIRE(r != nullptr);
    INFO(id);
    REQUIRE(r->verify != nullptr);
    REQUIRE(r->verify->companions.size() == 1);
    CHECK(r->verify->companions[0].rule == "twilio-account-sid");
    CHECK(FindRule(rules, "twilio-account-sid") != nullptr);
    CHECK(HostOf(r->verify->request) == "api.twilio.com");
    CHECK(RequestVariables(r->verify->request).count(r->verify->companions[0].name) == 1);
  }
}
