// Offline decoding of identity from secrets: JWT claims, AWS account ids, GCP service
// account JSON, Slack ids, Stripe mode; and hint ranking.
#include <catch2/catch.hpp>

#include "owners/owner_enricher.hpp"
#include "owners/ranking.hpp"
#include "owners/token_metadata.hpp"

using namespace sprawl;
using namespace sprawl::owners;

namespace {

std::string Base64Url(const std::string& in) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (unsigned char c : in) {
    acc = (acc << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kAlphabet[(acc >> bits) & 63];
    }
  }
  if (bits > 0) out += kAlphabet[(acc << (6 - bits)) & 63];
  return out;
}

std::string MakeJwt(const std::string& payload) {
  return Base64Url(R"({"alg":"RS256","typ":"JWT"})") + "." + Base64Url(payload) +
         ".c2lnbmF0dXJlLW5vdC1jaGVja2VkLW9mZmxpbmU";
}

std::string Meta(const TokenFacts& f, const std::string& key) {
  for (const auto& [k, v] : f.metadata)
    if (k == key) return v;
  return "<none>";
}

bool HasHint(const TokenFacts& f, const std::string& kind, const std::string& value) {
  for (const auto& h : f.hints)
    if (h.kind == kind && h.value == value && h.source == "secret") return true;
  return false;
}

}  // namespace

TEST_CASE("jwt claims are decoded and an expired token is marked") {
  const std::string jwt = MakeJwt(
      R"({"iss":"https://auth.example.test/","sub":"svc-billing","aud":["orders","billing"],)"
      R"("iat":1716200000,"exp":1716203600})");
  auto claims = DecodeJwt(jwt);
  REQUIRE(claims);
  CHECK(claims->alg == "RS256");
  CHECK(claims->iss == "https://auth.example.test/");
  CHECK(claims->sub == "svc-billing");
  CHECK(claims->aud == "orders, billing");
  CHECK(*claims->exp == 1716203600);

  const TokenFacts after = DecodeSecret(jwt, 1716300000);
  CHECK(Meta(after, "jwt.exp") == "2024-05-20T11:13:20Z");
  CHECK(Meta(after, "jwt.iat") == "2024-05-20T10:13:20Z");
  CHECK(Meta(after, "expired") == "true");
  CHECK(HasHint(after, "jwt-subject", "svc-billing"));
  CHECK(HasHint(after, "jwt-issuer", "https://auth.example.test/"));

  const TokenFacts before = DecodeSecret(jwt, 1716201000);
  CHECK(Meta(before, "expired") == "false");
}

TEST_CASE("jwt without exp has no expired flag, and non-JWTs decode to nothing") {
  const TokenFacts f = DecodeSecret(MakeJwt(R"({"sub":"42"})"), 1716300000);
  CHECK(Meta(f, "jwt.sub") == "42");
  CHECK(Meta(f, "expired") == "<none>");
  CHECK_FALSE(DecodeJwt("eyJub3Q.anything.x"));
  CHECK_FALSE(DecodeJwt(Base64Url("[1]") + "." + Base64Url("{}") + ".sig"));
  CHECK_FALSE(DecodeJwt("a.b"));
}

TEST_CASE("aws account id is decoded from new-generation access key ids") {
  // Published pairs: Aidan Steele's and Tal Be'ery's notes on the key id format
  // (ASIAY34FZKBOKMUTVV7A belongs to account 609629065308).
  CHECK(AwsAccountFromKeyId("ASIAY34FZKBOKMUTVV7A") == std::optional<std::string>("609629065308"));
  CHECK(AwsAccountFromKeyId("ASIAQNZGKIQY56JQ7WML") == std::optional<std::string>("029608264753"));
  // The last seven characters do not take part: same account.
  CHECK(AwsAccountFromKeyId("ASIAY34FZKBOAAAAAAAA") == std::optional<std::string>("609629065308"));
  // AWS's documentation example is an old-generation id: no account inside.
  CHECK_FALSE(AwsAccountFromKeyId("AKIAIOSFODNN7EXAMPLE"));
  CHECK_FALSE(AwsAccountFromKeyId("AKIA0000000000000000"));  // not base32

  const TokenFacts f = DecodeSecret("ASIAY34FZKBOKMUTVV7A", 0);
  CHECK(Meta(f, "aws.account_id") == "609629065308");
  CHECK(Meta(f, "aws.key_type") == "temporary (STS)");
  CHECK(HasHint(f, "aws-account", "609629065308"));
  CHECK(Meta(DecodeSecret("AKIAIOSFODNN7EXAMPLE", 0), "aws.key_type") == "long-term");
}

TEST_CASE("gcp service account json fields are read around the finding") {
  const std::string json =
      "{\n  \"type\": \"service_account\",\n  \"project_id\": \"payments-prod-3021\",\n"
      "  \"private_key_id\": \"ae2d3ce78d0ab6707d97ea3b9125f77ce8cd81cb\",\n"
      "  \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIEv...\\n-----END PRIVATE "
      "KEY-----\\n\",\n"
      "  \"client_email\": \"deployer@payments-prod-3021.iam.gserviceaccount.com\",\n"
      "  \"client_id\": \"104739284751029384756\"\n}\n";
  const std::string content = "other = {}\ncreds = " + json;
  const std::size_t offset = content.find("ae2d3ce7");
  auto sa = ServiceAccountAround(content, offset);
  REQUIRE(sa);
  CHECK(sa->client_email == "deployer@payments-prod-3021.iam.gserviceaccount.com");
  CHECK(sa->project_id == "payments-prod-3021");
  CHECK(sa->private_key_id == "ae2d3ce78d0ab6707d97ea3b9125f77ce8cd81cb");
  CHECK(sa->client_id == "104739284751029384756");

  TokenFacts facts;
  AddServiceAccountFacts(*sa, &facts);
  CHECK(HasHint(facts, "service-account", sa->client_email));
  CHECK(HasHint(facts, "gcp-project", "payments-prod-3021"));

  // String-escaped JSON inside another document (an env var in a JSON config).
  const std::string escaped =
      R"({"credentials": "{\"type\": \"service_account\", \"project_id\": \"web-ui-44\", )"
      R"(\"private_key_id\": \"3445e4bb9b70ee624aa57336dfb31b3240958fc5\", )"
      R"(\"client_email\": \"ui@web-ui-44.iam.gserviceaccount.com\"}"})";
  auto sa2 = ServiceAccountAround(escaped, escaped.find("3445e4bb"));
  REQUIRE(sa2);
  CHECK(sa2->client_email == "ui@web-ui-44.iam.gserviceaccount.com");
  CHECK(sa2->project_id == "web-ui-44");

  // Not a service account object.
  const std::string other = R"({"type": "external_account", "private_key_id": "abc"})";
  CHECK_FALSE(ServiceAccountAround(other, other.find("abc")));
}

TEST_CASE("slack ids come from webhook urls and app tokens") {
  const TokenFacts hook = DecodeSecret(
      "https://hooks.slack.com/services/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", 0);
  CHECK(Meta(hook, "slack.team_id") == "TK9Q6IWV4");
  CHECK(Meta(hook, "slack.webhook_id") == "B7RGDB1MB");
  CHECK(HasHint(hook, "slack-team", "TK9Q6IWV4"));

  const TokenFacts flow = DecodeSecret(
      "https://hooks.slack.com/workflows/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"
      "IIrTyKxDqs3jbVXTfD6ZWWAU",
      0);
  CHECK(Meta(flow, "slack.team_id") == "TFHAH3GQJ4S");
  CHECK(Meta(flow, "slack.app_id") == "A0DHIE7UAIC");

  const TokenFacts app = DecodeSecret("xapp-1-A04AB12CD3E-4412345678901-0a1b2c3d4e5f", 0);
  CHECK(Meta(app, "slack.app_id") == "A04AB12CD3E");
  CHECK(Meta(DecodeSecret("xoxb-1234-5678-abcdef", 0), "slack.token_type") == "bot token");
}

TEST_CASE("stripe mode, github token kind and url credentials") {
  CHECK(Meta(DecodeSecret("sk_live_51Habcdef", 0), "stripe.mode") == "live");
  CHECK(Meta(DecodeSecret("rk_test_51Habcdef", 0), "stripe.mode") == "test");
  CHECK(Meta(DecodeSecret("ghp_abc", 0), "github.token_type") == "personal access token (classic)");
  CHECK(Meta(DecodeSecret("github_pat_11AB", 0), "github.token_type") ==
        "fine-grained personal access token");
  const TokenFacts url = DecodeSecret("postgres://billing:s3cr3t@db.internal:5432/prod", 0);
  CHECK(Meta(url, "url.user") == "billing");
  CHECK(Meta(url, "url.host") == "db.internal:5432");
  CHECK(HasHint(url, "credential-user", "billing@db.internal:5432"));
  CHECK(DecodeSecret("plain-secret-value", 0).metadata.empty());
}

TEST_CASE("hints are ranked verified > commit > codeowners > secret, duplicates dropped") {
  std::vector<OwnerHint> hints = {{"gcp-project", "p", "secret"},
                                  {"codeowners", "@team", "CODEOWNERS:3"},
                                  {"commit-committer", "Bot <b@x>", "commit 1"},
                                  {"blame", "Alice <a@x>", "commit 2"},
                                  {"codeowners", "@team", "CODEOWNERS:3"},
                                  {"verified-identity", "arn:aws:iam::1:user/a", "aws sts"}};
  RankHints(&hints);
  REQUIRE(hints.size() == 5);
  CHECK(hints[0].kind == "verified-identity");
  CHECK(hints[1].kind == "blame");
  CHECK(hints[2].kind == "commit-committer");
  CHECK(hints[3].kind == "codeowners");
  CHECK(hints[4].kind == "gcp-project");
}

TEST_CASE("a verified identity added later becomes the best hint") {
  Finding f;
  f.owners = {{"blame", "Alice <a@x>", "commit 1a2b3c4d5e6f"},
              {"aws-account", "609629065308", "secret"}};
  AddVerifiedIdentity(&f, "arn:aws:iam::609629065308:user/alice", "aws sts get-caller-identity");
  REQUIRE(f.owners.size() == 3);
  CHECK(f.owners[0].kind == "verified-identity");
  CHECK(f.owners[0].value == "arn:aws:iam::609629065308:user/alice");
  CHECK(f.owners[1].kind == "blame");
}

TEST_CASE("bot, org and tenant ids carried by provider formats are decoded") {
  const TokenFacts tg = DecodeSecret("8154388702:AAfFDM5PtD5x2hGUulhjFOLTRbRRBUpMwSe", 0);
  CHECK(HasHint(tg, "telegram-bot", "8154388702"));

  const TokenFacts discord =
      DecodeSecret("MzI1NDMyNzY4MTMyMjE3MjIw.bltUBw.c5dn_E2QSZNptGy80XAfSvuSXJIRiRqVpX65vN", 0);
  CHECK(HasHint(discord, "discord-bot", "325432768132217220"));

  const TokenFacts teams = DecodeSecret(
      "https://contoso.webhook.office.com/webhookb2/62c83233-b7cb-4262-86a9-2b1d0cdc9639@"
      "38e6259c-87c9-4577-9f35-7171eaf04c8b/IncomingWebhook/aa52c211e308e62eb4ba89b11b5746d3/"
      "9fa10911-5000-40c9-951e-19171828baa3/V2PtK_-WeksAzLBUV2Ksti1OaYsTH7W1w_t_LH5aXIyUfm",
      0);
  CHECK(Meta(teams, "teams.group_id") == "62c83233-b7cb-4262-86a9-2b1d0cdc9639");
  CHECK(HasHint(teams, "azure-tenant", "38e6259c-87c9-4577-9f35-7171eaf04c8b"));
  CHECK(Meta(teams, "teams.creator_object_id") == "9fa10911-5000-40c9-951e-19171828baa3");

  const TokenFacts sentry = DecodeSecret(
      "sntrys_eyJpYXQiOiAxNzM5ODQzNDQxLjY4NTcwNSwgInVybCI6ICJodHRwczovL3NlbnRyeS5pbyIsICJyZWdp"
      "b25fdXJsIjogImh0dHBzOi8vdXMuc2VudHJ5LmlvIiwgIm9yZyI6ICJhY21lLXJvYm90aWNzIn0=_"
      "YS4QBTna9gEUxEmS7oKlisivwGFzO+6Lqvwe+KcLAO4",
      0);
  CHECK(HasHint(sentry, "sentry-org", "acme-robotics"));
  CHECK(Meta(sentry, "sentry.region_url") == "https://us.sentry.io");

  const TokenFacts grafana = DecodeSecret(
      "glc_eyJvIjoiMTM4MjAxMyIsIm4iOiJzdGFjay0xMjA2MDA5LWludGVncmF0aW9uLWFsbG95IiwiayI6Ik1BT05v"
      "QTVSR205TTRTdWdmYkJzRG1ZMSIsIm0iOnsiciI6InByb2QtdXMtZWFzdC0wIn19",
      0);
  CHECK(HasHint(grafana, "grafana-org", "1382013"));
  CHECK(Meta(grafana, "grafana.token_name") == "stack-1206009-integration-alloy");
  CHECK(Meta(grafana, "grafana.region") == "prod-us-east-0");

  // Supabase keys are JWTs whose payload names the project and the role.
  const TokenFacts supabase = DecodeSecret(
      MakeJwt(R"({"iss":"supabase","ref":"jtrxuziuqvaykslgfifn","role":"service_role"})"), 0);
  CHECK(HasHint(supabase, "supabase-project", "jtrxuziuqvaykslgfifn"));
  CHECK(Meta(supabase, "jwt.role") == "service_role");

  CHECK(Meta(DecodeSecret("sk-svcacct-abc", 0), "openai.key_type") == "service account key");
  CHECK(DecodeSecret("12345:BBnotatelegramtoken", 0).hints.empty());
}
