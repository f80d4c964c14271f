// The `verify:` / `revoke:` rule schema: loading, validation, embedding round trip.
#include <catch2/catch.hpp>

#include "rules/rule_loader.hpp"
#include "rules/rule_set.hpp"
#include "rules/rule_validation.hpp"
#include "rules/verify_spec_json.hpp"
#include "sprawl/error.hpp"
#include "verify/url.hpp"

using namespace sprawl;
using Catch::Matchers::Contains;

namespace {

const char* kRuleHead = R"(rules:
  - id: acme-account
    name: Acme account id
    provider: Acme
    pattern: '\b(AC[0-9a-f]{32})\b'
    entropy: 0
    confidence: high
    references: [https://acme.example.com/docs]
    revocation: Rotate at https://acme.example.com.
    examples:
      - input: 'ACME_SID=AC0123456789abcdef0123456789abcdef'
        secret: AC0123456789abcdef0123456789abcdef
  - id: acme-api-key
    name: Acme API key
    provider: Acme
    pattern: '\b(acme_[a-z0-9]{20})\b'
    entropy: 3.0
    confidence: high
    references: [https://acme.example.com/docs/keys]
    revocation: Revoke at https://acme.example.com/keys.
    examples:
      - input: 'ACME=acme_q8w7e6r5t4y3u2i1o9p8'
        secret: acme_q8w7e6r5t4y3u2i1o9p8
)";

std::string WithBlock(const std::string& block) {
  return std::string(kRuleHead) + block;
}

const char* kFullVerify = R"(    verify:
      method: POST
      url: 'https://api.acme.example.com/v1/accounts/{{ account_sid | url }}/me?x=1'
      headers:
        Authorization: 'Bearer {{ secret }}'
        Accept: application/json
      basic_auth:
        username: '{{ account_sid }}'
        password: '{{ secret }}'
      body: '{"token": "{{ secret | json }}"}'
      content_type: application/json
      companions:
        - name: account_sid
          rule: acme-account
          within_lines: 5
      verified:
        status: [200]
        json: {ok: true, 'team.plan': [free, pro]}
        header: {X-Acme: '*'}
      invalid:
        - status: [401, 403]
        - status: 200
          json: {ok: false}
          body_contains: invalid_auth
      identity:
        login: user.login
        team: team.name
    revoke:
      method: DELETE
      url: 'https://api.acme.example.com/v1/tokens/self'
      headers: {Authorization: 'Bearer {{ secret }}'}
      revoked: {status: [204]}
      description: Deletes the token.
)";

std::vector<std::string> Problems(const std::string& block) {
  return ValidateRules(LoadRulesFromText(WithBlock(block), "acme.yml"));
}

bool AnyContains(const std::vector<std::string>& problems, const std::string& needle) {
  for (const auto& p : problems) {
    if (p.find(needle) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a verify and revoke block load every field") {
  auto rules = LoadRulesFromText(WithBlock(kFullVerify), "acme.yml");
  REQUIRE(rules.size() == 2);
  const Rule& r = rules[1];
  REQUIRE(r.verify);
  const VerifySpec& v = *r.verify;
  CHECK(v.type == "http");
  CHECK(v.request.method == "POST");
  CHECK(v.request.headers.size() == 2);
  CHECK(v.request.headers[0].first == "Authorization");
  CHECK(v.request.has_basic_auth);
  CHECK(v.request.basic_password == "{{ secret }}");
  CHECK(v.request.content_type == "application/json");
  REQUIRE(v.companions.size() == 1);
  CHECK(v.companions[0].within_lines == 5);
  REQUIRE(v.verified.size() == 1);
  CHECK(v.verified[0].status == std::vector<int>{200});
  REQUIRE(v.verified[0].json.size() == 2);
  CHECK(v.verified[0].json[1].path == "team.plan");
  CHECK(v.verified[0].json[1].any_of == std::vector<std::string>{"free", "pro"});
  CHECK(v.verified[0].headers[0].second == "*");
  REQUIRE(v.invalid.size() == 2);
  CHECK(v.invalid[1].status == std::vector<int>{200});
  CHECK(v.invalid[1].body_contains == "invalid_auth");
  CHECK(v.identity[1] == std::make_pair(std::string("team"), std::string("team.name")));
  REQUIRE(r.revoke);
  CHECK(r.revoke->request.method == "DELETE");
  CHECK(r.revoke->revoked[0].status == std::vector<int>{204});
  CHECK(r.revoke->description == "Deletes the token.");
  CHECK(!rules[0].verify);
  CHECK(ValidateRules(rules).empty());
}

TEST_CASE("verify specs survive the JSON form used for embedding") {
  auto rules = LoadRulesFromText(WithBlock(kFullVerify), "acme.yml");
  const VerifySpec back = VerifySpecFromJson(VerifySpecToJson(*rules[1].verify));
  CHECK(back == *rules[1].verify);
  const RevokeSpec rback = RevokeSpecFromJson(RevokeSpecToJson(*rules[1].revoke));
  CHECK(rback == *rules[1].revoke);
  CHECK_THROWS(VerifySpecFromJson("{\"type\": 1}"));
}

TEST_CASE("unknown verify keys fail with file and line") {
  const std::string block = "    verify:\n      url: 'https://a.example.com/'\n      hots: x\n";
  try {
    LoadRulesFromText(WithBlock(block), "acme.yml");
    FAIL("expected an error");
  } catch (const UsageError& e) {
    CHECK_THAT(e.what(), Contains("acme.yml:26:"));
    CHECK_THAT(e.what(), Contains("unknown verify key 'hots'"));
  }
  CHECK_THROWS_WITH(LoadRulesFromText(WithBlock("    verify:\n      method: FETCH\n"), "acme.yml"),
                    Contains("'method' must be one of"));
  CHECK_THROWS_WITH(
      LoadRulesFromText(WithBlock("    verify:\n      verified: {stat: 200}\n"), "acme.yml"),
      Contains("unknown key 'stat'"));
  CHECK_THROWS_WITH(
      LoadRulesFromText(WithBlock("    verify:\n      verified: {status: 99}\n"), "acme.yml"),
      Contains("100..599"));
}

TEST_CASE("verify urls must be https with a literal host") {
  const std::string ok = "      verified: {status: 200}\n";
  CHECK(Problems("    verify:\n      url: 'https://api.acme.example.com/x'\n" + ok).empty());
  CHECK(AnyContains(Problems("    verify:\n      url: 'http://api.acme.example.com/x'\n" + ok),
                    "must use https"));
  CHECK(AnyContains(Problems("    verify:\n      url: 'https://{{ secret }}.acme.com/x'\n" + ok),
                    "literal"));
  CHECK(AnyContains(Problems("    verify:\n      url: 'https://api.acme.com:{{ secret }}/'\n" + ok),
                    "literal"));
  CHECK(AnyContains(Problems("    verify:\n      url: 'https://u:{{ secret }}@acme.com/'\n" + ok),
                    "literal"));
  CHECK(AnyContains(Problems("    verify:\n      url: 'https://u@acme.com/'\n" + ok), "user info"));
  CHECK(AnyContains(Problems("    verify:\n      url: '{{ secret }}'\n" + ok), "absolute URL"));
  CHECK(AnyContains(Problems("    verify:\n      url: 'https://acme.com/'\n"),
                    "verified is required"));
  CHECK(AnyContains(Problems("    verify:\n      url: 'https://acme.com/'\n      headers: {Host: "
                             "evil.example.com}\n" +
                             ok),
                    "Host header"));
}

TEST_CASE("verify templates may use only the secret and declared companions") {
  const std::string head =
      "    verify:\n      url: 'https://acme.com/{{ secret | url }}'\n"
      "      verified: {status: 200}\n";
  CHECK(Problems(head).empty());
  CHECK(AnyContains(Problems(head + "      headers: {X-Key: '{{ token }}'}\n"),
                    "unknown template variable 'token'"));
  CHECK(AnyContains(Problems(head + "      body: '{{ secret | rot13 }}'\n"),
                    "unknown template filter"));
  CHECK(AnyContains(Problems(head + "      body: '{{ secret '\n"), "unclosed"));
  CHECK(AnyContains(Problems(head + "      companions: [{name: sid, rule: no-such-rule}]\n"),
                    "unknown rule 'no-such-rule'"));
  CHECK(AnyContains(Problems(head + "      companions: [{name: secret, rule: acme-account}]\n"),
                    "invalid companion name"));
  CHECK(Problems(head + "      companions: [{name: sid, rule: acme-account}]\n"
                        "      body: '{{ sid | base64 }}'\n")
            .empty());
}

TEST_CASE("companions of added rules may name rules already in force") {
  const auto rules = LoadRulesFromText(
      WithBlock("    verify:\n      type: aws-sts\n      companions: [{name: secret_access_key, "
                "rule: built-in-secret}]\n"),
      "acme.yml");
  CHECK(AnyContains(ValidateRules(rules), "unknown rule 'built-in-secret'"));
  CHECK(ValidateRules(rules, {"built-in-secret"}).empty());
}

TEST_CASE("the aws-sts typed verifier needs its companion and no request") {
  CHECK(AnyContains(Problems("    verify:\n      type: aws-sts\n"), "secret_access_key"));
  CHECK(Problems("    verify:\n      type: aws-sts\n      companions: [{name: secret_access_key, "
                 "rule: acme-account}]\n")
            .empty());
  CHECK(AnyContains(Problems("    verify:\n      type: aws-sts\n      url: 'https://a.com/'\n"
                             "      companions: [{name: secret_access_key, rule: acme-account}]\n"),
                    "builds its own request"));
}

TEST_CASE("revoke blocks need https, a revoked condition and a description") {
  CHECK(AnyContains(Problems("    revoke:\n      url: 'https://acme.com/revoke'\n"),
                    "revoke.revoked"));
  CHECK(AnyContains(Problems("    revoke:\n      url: 'https://acme.com/revoke'\n"
                             "      revoked: {status: 200}\n"),
                    "revoke.description"));
  CHECK(AnyContains(Problems("    revoke:\n      url: 'http://acme.com/revoke'\n"
                             "      revoked: {status: 200}\n      description: x\n"),
                    "must use https"));
}

TEST_CASE("every embedded rule has revocation guidance and safe verifier urls") {
  const RuleSet embedded = RuleSet::Embedded();
  REQUIRE(embedded.size() > 100);
  for (const Rule& r : embedded.rules()) {
    INFO(r.id);
    CHECK(!r.revocation.empty());
    const HttpRequestSpec* requests[] = {
        r.verify && r.verify->type == VerifySpec::kTypeHttp ? &r.verify->request : nullptr,
        r.revoke ? &r.revoke->request : nullptr};
    for (const HttpRequestSpec* req : requests) {
      if (!req) continue;
      UrlParts url;
      std::string error;
      REQUIRE(ParseUrl(req->url, &url, &error));
      CHECK(url.scheme == "https");
      CHECK(url.host.find('{') == std::string::npos);
      CHECK(!IsLoopbackHost(url.host));
    }
  }
}

TEST_CASE("embedded verify and revoke blocks equal the ones in rules/") {
  const auto from_yaml = LoadRulesFromPath(std::string(SPRAWL_SOURCE_DIR) + "/rules");
  const RuleSet embedded = RuleSet::Embedded();
  REQUIRE(from_yaml.size() == embedded.size());
  for (const Rule& r : from_yaml) {
    const Rule* e = embedded.Find(r.id);
    REQUIRE(e);
    INFO(r.id);
    REQUIRE((r.verify == nullptr) == (e->verify == nullptr));
    if (r.verify) CHECK(*r.verify == *e->verify);
    REQUIRE((r.revoke == nullptr) == (e->revoke == nullptr));
    if (r.revoke) CHECK(*r.revoke == *e->revoke);
  }
}

TEST_CASE("urls parse into origin and path") {
  UrlParts u;
  std::string error;
  REQUIRE(ParseUrl("https://API.Example.com:8443/a/b?c=d", &u, &error));
  CHECK(u.host == "api.example.com");
  CHECK(u.port == 8443);
  CHECK(u.path_and_query == "/a/b?c=d");
  CHECK(u.Origin() == "https://api.example.com:8443");
  REQUIRE(ParseUrl("https://example.com?x=1", &u, &error));
  CHECK(u.path_and_query == "/?x=1");
  CHECK(u.port == 443);
  CHECK_FALSE(ParseUrl("https://exa mple.com/", &u, &error));
  CHECK_FALSE(ParseUrl("https://example.com:99999/", &u, &error));
  CHECK(IsLoopbackHost("127.0.0.1"));
  CHECK(IsLoopbackHost("localhost"));
  CHECK(IsLoopbackHost("[::1]"));
  CHECK_FALSE(IsLoopbackHost("127.0.0.1.evil.com"));
  CHECK_FALSE(IsLoopbackHost("10.0.0.1"));
}
