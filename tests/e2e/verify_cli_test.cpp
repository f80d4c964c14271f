// `--verify`, `sprawl revoke` and `rules endpoints` against a real HTTPS server on 127.0.0.1
// that impersonates providers (tests/support/https_provider.hpp). sprawl reaches it only
// through the documented test-only override; everything else is the production path.
#include <openssl/hmac.h>
#include <openssl/sha.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/https_provider.hpp"
#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

using namespace sprawl;
using Catch::Matchers::Contains;
using test::HttpsProvider;
using test::RunSprawl;

namespace {

const char* kRules = R"(rules:
  - id: acme-token
    name: Acme test token
    provider: Acme
    pattern: '\b(acmt_[a-z0-9]{24})\b'
    keywords: [acmt_]
    entropy: 0
    confidence: high
    references: [https://acme.example.com/docs]
    revocation: Revoke at https://acme.example.com/tokens.
    examples:
      - input: 'T=acmt_abcdefghijklmnopqrstuvwx'
        secret: acmt_abcdefghijklmnopqrstuvwx
    verify:
      url: 'https://api.acme.example.com/v1/me'
      headers:
        Authorization: 'Bearer {{ secret }}'
      verified:
        status: [200]
        json: {ok: true}
      invalid:
        - status: [401, 403]
        - status: [200]
          json: {ok: false, error: [invalid_auth, token_revoked]}
      identity:
        login: user.login
        id: user.id
    revoke:
      method: POST
      url: 'https://api.acme.example.com/v1/auth.revoke'
      headers: {Authorization: 'Bearer {{ secret }}'}
      revoked: {status: 200, json: {ok: true, revoked: true}}
      description: Revokes the token (Acme auth.revoke).
  - id: acme-account
    name: Acme account id
    provider: Acme
    pattern: '\b(ACC[0-9]{10})\b'
    keywords: [ACC]
    entropy: 0
    confidence: medium
    references: [https://acme.example.com/docs]
    revocation: Account ids are not secret on their own; rotate the paired key.
    examples:
      - input: 'account=ACC0123456789'
        secret: ACC0123456789
  - id: acme-pair-key
    name: Acme paired key
    provider: Acme
    pattern: '\b(acmk_[a-z0-9]{24})\b'
    keywords: [acmk_]
    entropy: 0
    confidence: high
    references: [https://acme.example.com/docs]
    revocation: Delete the key at https://acme.example.com/keys.
    examples:
      - input: 'key=acmk_abcdefghijklmnopqrstuvwx'
        secret: acmk_abcdefghijklmnopqrstuvwx
    verify:
      url: 'https://api.acme.example.com/v1/accounts/{{ account | url }}'
      basic_auth: {username: '{{ account }}', password: '{{ secret }}'}
      companions: [{name: account, rule: acme-account, within_lines: 5}]
      verified: {status: 200, json: {'account.active': true}}
      invalid: {status: 401}
      identity: {name: account.name}
  - id: acme-aws-key-id
    name: Acme AWS-style key id
    provider: Acme
    pattern: '\b(TKIA[A-Z2-7]{16})\b'
    keywords: [TKIA]
    entropy: 0
    confidence: high
    references: [https://acme.example.com/docs]
    revocation: Deactivate the key in IAM.
    examples:
      - input: 'id=TKIAABCDEFGHIJKLMNOP'
        secret: TKIAABCDEFGHIJKLMNOP
    verify:
      type: aws-sts
      companions: [{name: secret_access_key, rule: acme-aws-secret}]
  - id: acme-aws-secret
    name: Acme AWS-style secret
    provider: Acme
    pattern: 'acme_secret_key\s*=\s*([A-Za-z0-9/+]{40})'
    keywords: [acme_secret_key]
    entropy: 0
    confidence: high
    references: [https://acme.example.com/docs]
    revocation: Deactivate the key in IAM.
    examples:
      - input: 'acme_secret_key = abcdefghijabcdefghijabcdefghijabcdefghij'
        secret: abcdefghijabcdefghijabcdefghijabcdefghij
)";

// A token of rule acme-token whose body starts with `tag` (the provider's scenario).
std::string Token(const std::string& tag) {
  const std::string filler = "q7w3e9r1t5y8u2i4o6p0a3s7";
  return "acmt_" + tag + filler.substr(0, 24 - tag.size());
}

const std::string kAccount = "ACC4815162342";
const std::string kPairKey = "acmk_" + std::string("z9x8c7v6b5n4m3l2k1j0h9g8");
const std::string kAwsKeyId = "TKIAQ3EGVHJ4ZK7LMN2P";
const std::string kAwsSecret = "Wq8r/Tz1+Lk3mNp5Xv7bY9cD2fG4hJ6kA0sE2uIo";

std::string Base64(const std::string& s) {
  std::string out(4 * ((s.size() + 2) / 3) + 1, '\0');
  const int n =
      EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                      reinterpret_cast<const unsigned char*>(s.data()), static_cast<int>(s.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::string Hex(const unsigned char* p, std::size_t n) {
  static const char* k = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += k[p[i] >> 4];
    out += k[p[i] & 15];
  }
  return out;
}

std::string HmacRaw(const std::string& key, const std::string& data) {
  unsigned char out[32];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &len);
  return std::string(reinterpret_cast<char*>(out), len);
}

std::string Sha256HexOf(const std::string& s) {
  unsigned char d[32];
  SHA256(reinterpret_cast<const unsigned char*>(s.data()), s.size(), d);
  return Hex(d, 32);
}

// The SigV4 signature as the AWS documentation defines it, written independently of
// src/verify/aws_sigv4.cpp so a mistake there cannot hide here.
std::string ExpectedStsSignature(const std::string& secret, const std::string& amz_date) {
  const std::string date = amz_date.substr(0, 8);
  const std::string canonical =
      "POST\n/\n\ncontent-type:application/x-www-form-urlencoded; charset=utf-8\n"
      "host:sts.amazonaws.com\nx-amz-date:" +
      amz_date + "\n\ncontent-type;host;x-amz-date\n" +
      Sha256HexOf("Action=GetCallerIdentity&Version=2011-06-15");
  const std::string to_sign = "AWS4-HMAC-SHA256\n" + amz_date + "\n" + date +
                              "/us-east-1/sts/aws4_request\n" + Sha256HexOf(canonical);
  const std::string key =
      HmacRaw(HmacRaw(HmacRaw(HmacRaw("AWS4" + secret, date), "us-east-1"), "sts"), "aws4_request");
  const std::string sig = HmacRaw(key, to_sign);
  return Hex(reinterpret_cast<const unsigned char*>(sig.data()), sig.size());
}

void Reply(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, "application/json");
}

// Registers the impersonated Acme API: behaviour chosen by the token's scenario tag.
void ImpersonateAcme(HttpsProvider& p) {
  auto limited_calls = std::make_shared<std::atomic<int>>(0);
  p.server().Get("/v1/me", [limited_calls](const httplib::Request& req, httplib::Response& res) {
    const std::string auth = req.get_header_value("Authorization");
    auto is = [&](const std::string& tag) { return auth == "Bearer " + Token(tag); };
    if (is("live")) {
      Reply(res, 200, R"({"ok": true, "user": {"login": "octocat", "id": 42}})");
    } else if (is("revoked")) {
      Reply(res, 401, R"({"ok": false, "error": "invalid_auth"})");
    } else if (is("okfalse")) {
      Reply(res, 200, R"({"ok": false, "error": "token_revoked"})");
    } else if (is("okweird")) {
      Reply(res, 200, R"({"ok": false, "error": "ratelimited"})");
    } else if (is("limited")) {
      if (limited_calls->fetch_add(1) == 0) {
        res.set_header("Retry-After", "0");
        Reply(res, 429, R"({"ok": false, "error": "ratelimited"})");
      } else {
        Reply(res, 200, R"({"ok": true, "user": {"login": "limited-user", "id": 7}})");
      }
    } else if (is("broken")) {
      Reply(res, 500, "internal error");
    } else if (is("slow")) {
      std::this_thread::sleep_for(std::chrono::seconds(3));
      Reply(res, 200, R"({"ok": true, "user": {"login": "late"}})");
    } else if (is("garbled")) {
      Reply(res, 200, R"({"ok": tru)");
    } else if (is("moved")) {
      res.status = 302;
      res.set_header("Location", "https://evil.example.net/steal");
    } else {
      Reply(res, 403, R"({"ok": false})");
    }
  });
  p.server().Get(
      R"(/v1/accounts/(ACC\d+))", [](const httplib::Request& req, httplib::Response& res) {
        const std::string expected = "Basic " + Base64(kAccount + ":" + kPairKey);
        if (req.matches[1] == kAccount && req.get_header_value("Authorization") == expected) {
          Reply(res, 200, R"({"account": {"name": "Acme Corp", "active": true}})");
        } else {
          Reply(res, 401, R"({"error": "bad credentials"})");
        }
      });
  p.server().Post("/", [](const httplib::Request& req, httplib::Response& res) {
    const std::string date = req.get_header_value("X-Amz-Date");
    const std::string expected =
        "AWS4-HMAC-SHA256 Credential=" + kAwsKeyId + "/" + date.substr(0, 8) +
        "/us-east-1/sts/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=" +
        ExpectedStsSignature(kAwsSecret, date);
    if (req.get_header_value("Authorization") == expected) {
      res.set_content(
          "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:"
          "user/ci</Arn><UserId>AIDAEXAMPLEUSERID</UserId><Account>123456789012</Account>"
          "</GetCallerIdentityResult></GetCallerIdentityResponse>",
          "text/xml");
    } else {
      res.status = 403;
      res.set_content(
          "<ErrorResponse><Error><Code>InvalidClientTokenId</Code></Error>"
          "</ErrorResponse>",
          "text/xml");
    }
  });
  p.server().Post("/v1/auth.revoke", [](const httplib::Request& req, httplib::Response& res) {
    if (req.get_header_value("Authorization") == "Bearer " + Token("live")) {
      Reply(res, 200, R"({"ok": true, "revoked": true})");
    } else {
      Reply(res, 200, R"({"ok": false, "error": "invalid_auth"})");
    }
  });
}

struct Fixture {
  test::TempDir dir;
  HttpsProvider provider;
  std::string rules;

  Fixture() {
    rules = dir.Write("rules/acme.yml", kRules);
    ImpersonateAcme(provider);
    provider.Start();
  }

  std::map<std::string, std::string> Env() const {
    auto env = provider.Env();
    env["SPRAWL_CACHE_DIR"] = SPRAWL_TEST_CACHE_DIR;
    return env;
  }

  test::RunResult Scan(const std::vector<std::string>& extra, const std::string& input_dir) {
    std::vector<std::string> args = {"scan", input_dir, "--no-config", "--rules", dir / "rules"};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunSprawl(args, "", Env());
  }
};

// secret -> verification object, from a --reveal JSON report.
std::map<std::string, nlohmann::json> BySecret(const std::string& report) {
  std::map<std::string, nlohmann::json> out;
  const auto doc = nlohmann::json::parse(report);
  for (const auto& f : doc["findings"]) {
    out[f["secret"].get<std::string>()] = f["verification"];
  }
  return out;
}

}  // namespace

TEST_CASE("verify reports verified, invalid and unknown as the provider answers") {
  Fixture fx;
  std::string content;
  for (const char* tag :
       {"live", "revoked", "okfalse", "okweird", "limited", "broken", "slow", "garbled", "moved"}) {
    content += std::string("token_") + tag + " = \"" + Token(tag) + "\"\n";
  }
  fx.dir.Write("src/config.env", content);
  auto r = fx.Scan({"--verify", "--verify-timeout", "1", "-f", "json", "--reveal"}, fx.dir / "src");
  INFO(r.err);
  REQUIRE(r.exit_code == 1);
  auto v = BySecret(r.out);
  REQUIRE(v.size() == 9);
  CHECK(v[Token("live")]["status"] == "verified");
  CHECK(v[Token("live")]["identity"]["login"] == "octocat");
  CHECK(v[Token("live")]["identity"]["id"] == "42");
  CHECK(v[Token("revoked")]["status"] == "invalid");
  CHECK(v[Token("okfalse")]["status"] == "invalid");
  // ok:false with an error the rule does not list is not proof of revocation.
  CHECK(v[Token("okweird")]["status"] == "unknown");
  CHECK(v[Token("okweird")]["reason"] == "unexpected response (HTTP 200, body did not match)");
  CHECK(v[Token("limited")]["status"] == "verified");  // 429, then retried
  CHECK(v[Token("limited")]["identity"]["login"] == "limited-user");
  CHECK(v[Token("broken")]["status"] == "unknown");
  CHECK(v[Token("broken")]["reason"] == "HTTP 500 after 3 attempts");
  CHECK(v[Token("slow")]["status"] == "unknown");
  CHECK(v[Token("slow")]["reason"] == "timeout");
  CHECK(v[Token("garbled")]["status"] == "unknown");
  CHECK_THAT(v[Token("garbled")]["reason"].get<std::string>(), Contains("malformed JSON"));
  CHECK(v[Token("moved")]["status"] == "unknown");
  CHECK(v[Token("moved")]["reason"] == "redirect not followed (HTTP 302)");
  // Bounded retries: 1 + 2 for the 500, 2 for the 429; the redirect was not followed.
  std::size_t broken = 0, limited = 0;
  for (const auto& s : fx.provider.Seen()) {
    broken += s.Header("Authorization") == "Bearer " + Token("broken");
    limited += s.Header("Authorization") == "Bearer " + Token("limited");
  }
  CHECK(broken == 3);
  CHECK(limited == 2);
  CHECK(fx.provider.Count("/steal") == 0);
  CHECK_THAT(r.err, Contains("2 verified, 2 invalid, 5 unknown, 0 not-checked"));
}

TEST_CASE("verify prints the result in human output without the secret") {
  Fixture fx;
  fx.dir.Write("src/a.env", "TOKEN=" + Token("live") + "\n");
  auto r = fx.Scan({"--verify", "--color", "never"}, fx.dir / "src");
  REQUIRE(r.exit_code == 1);
  CHECK_THAT(r.out, Contains("verification: verified (login=octocat, id=42)"));
  CHECK(r.out.find(Token("live")) == std::string::npos);
  auto sarif = nlohmann::json::parse(fx.Scan({"--verify", "-f", "sarif"}, fx.dir / "src").out);
  CHECK(sarif["runs"][0]["results"][0]["properties"]["verification"]["status"] == "verified");
}

TEST_CASE("a secret found many times is verified once") {
  Fixture fx;
  std::string content;
  for (int i = 0; i < 60; ++i)
    content += "TOKEN_" + std::to_string(i) + "=" + Token("live") + "\n";
  fx.dir.Write("src/a.env", content);
  fx.dir.Write("src/b.env", content);
  auto r = fx.Scan({"--verify", "-f", "json"}, fx.dir / "src");
  REQUIRE(r.exit_code == 1);
  const auto findings = nlohmann::json::parse(r.out)["findings"];
  REQUIRE(findings.size() == 120);
  for (const auto& f : findings)
    CHECK(f["verification"]["status"] == "verified");
  CHECK(fx.provider.Count("/v1/me") == 1);
}

TEST_CASE("without --verify nothing is sent and results are not-checked") {
  Fixture fx;
  fx.dir.Write("src/a.env", "TOKEN=" + Token("live") + "\n");
  auto r = fx.Scan({"-f", "json"}, fx.dir / "src");
  REQUIRE(r.exit_code == 1);
  CHECK(nlohmann::json::parse(r.out)["findings"][0]["verification"]["status"] == "not-checked");
  CHECK(fx.provider.Seen().empty());
}

TEST_CASE("companions pair multi-part credentials from the same file") {
  Fixture fx;
  fx.dir.Write("pair/near.env", "ACME_ACCOUNT=" + kAccount + "\nACME_KEY=" + kPairKey + "\n");
  fx.dir.Write("pair/far.env", "ACME_ACCOUNT=" + kAccount + "\n" + std::string(10, '\n') +
                                   "ACME_KEY=" + kPairKey + "\n");
  fx.dir.Write("pair/alone.env", "ACME_KEY=" + kPairKey + "\n");
  fx.dir.Write("pair/wrong.env", "ACME_ACCOUNT=ACC7391028465\nACME_KEY=" + kPairKey + "\n");
  auto r = fx.Scan({"--verify", "-f", "json"}, fx.dir / "pair");
  REQUIRE(r.exit_code == 1);
  std::map<std::string, nlohmann::json> by_file;
  const auto doc = nlohmann::json::parse(r.out);
  for (const auto& f : doc["findings"]) {
    if (f["rule_id"] != "acme-pair-key") continue;
    const std::string path = f["path"];
    by_file[path.substr(path.rfind('/') + 1)] = f["verification"];
  }
  REQUIRE(by_file.size() == 4);
  CHECK(by_file["near.env"]["status"] == "verified");
  CHECK(by_file["near.env"]["identity"]["name"] == "Acme Corp");
  CHECK(by_file["wrong.env"]["status"] == "invalid");
  CHECK(by_file["far.env"]["status"] == "unknown");
  CHECK(by_file["far.env"]["reason"] == "companion account not found within 5 lines");
  CHECK(by_file["alone.env"]["status"] == "unknown");
  CHECK(fx.provider.Count("/v1/accounts/") == 2);
}

TEST_CASE("the AWS typed verifier signs STS GetCallerIdentity with SigV4") {
  Fixture fx;
  fx.dir.Write("aws/creds.ini",
               "[default]\nkey_id = " + kAwsKeyId + "\nacme_secret_key = " + kAwsSecret + "\n");
  fx.dir.Write("aws/wrong.ini", "key_id = " + kAwsKeyId +
                                    "\nacme_secret_key = Zt4k/Pq2+Mx8nBv6Lc1Rd9Fg3Hj5Ks7Ow0Ey2Ua4" +
                                    "\n");
  auto r = fx.Scan({"--verify", "-f", "json"}, fx.dir / "aws");
  REQUIRE(r.exit_code == 1);
  std::map<std::string, nlohmann::json> by_file;
  const auto doc = nlohmann::json::parse(r.out);
  for (const auto& f : doc["findings"]) {
    if (f["rule_id"] != "acme-aws-key-id") continue;
    const std::string path = f["path"];
    by_file[path.substr(path.rfind('/') + 1)] = f["verification"];
  }
  CHECK(by_file["creds.ini"]["status"] == "verified");
  CHECK(by_file["creds.ini"]["identity"]["arn"] == "arn:aws:iam::123456789012:user/ci");
  CHECK(by_file["creds.ini"]["identity"]["account"] == "123456789012");
  CHECK(by_file["wrong.ini"]["status"] == "invalid");
  // The request itself: documented headers and a Credential scope for us-east-1/sts.
  bool saw = false;
  for (const auto& s : fx.provider.Seen()) {
    if (s.method != "POST" || s.path != "/") continue;
    saw = true;
    CHECK(s.body == "Action=GetCallerIdentity&Version=2011-06-15");
    CHECK(s.Header("Content-Type") == "application/x-www-form-urlencoded; charset=utf-8");
    const std::string date = s.Header("X-Amz-Date");
    REQUIRE(date.size() == 16);
    CHECK_THAT(s.Header("Authorization"),
               Contains("AWS4-HMAC-SHA256 Credential=" + kAwsKeyId + "/" + date.substr(0, 8) +
                        "/us-east-1/sts/aws4_request"));
  }
  CHECK(saw);
}

TEST_CASE("the results filter keeps chosen statuses and fail-on verified gates only live secrets") {
  Fixture fx;
  fx.dir.Write("dead/a.env", "TOKEN=" + Token("revoked") + "\n");
  fx.dir.Write("mixed/a.env", "TOKEN=" + Token("revoked") + "\nOTHER=" + Token("live") + "\n");
  auto dead = fx.Scan({"--verify", "--fail-on", "verified"}, fx.dir / "dead");
  CHECK(dead.exit_code == 0);
  CHECK_THAT(dead.out, Contains("verification: invalid"));
  auto dead_any = fx.Scan({"--verify"}, fx.dir / "dead");
  CHECK(dead_any.exit_code == 1);
  auto mixed = fx.Scan({"--verify", "--fail-on", "verified"}, fx.dir / "mixed");
  CHECK(mixed.exit_code == 1);
  auto only = fx.Scan({"--verify", "--results", "verified,unknown", "-f", "json", "--reveal"},
                      fx.dir / "mixed");
  auto v = BySecret(only.out);
  CHECK(v.size() == 1);
  CHECK(v.count(Token("live")) == 1);
  auto none = fx.Scan({"--verify", "--results", "unknown"}, fx.dir / "dead");
  CHECK(none.exit_code == 0);
  auto bad = fx.Scan({"--results", "alive"}, fx.dir / "dead");
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Contains("unknown --results status 'alive'"));
  auto no_verify = fx.Scan({"--fail-on", "verified"}, fx.dir / "dead");
  CHECK(no_verify.exit_code == 2);
  CHECK(fx.Scan({"--fail-on", "sometimes"}, fx.dir / "dead").exit_code == 2);
}

TEST_CASE("the test-only override is refused unless it is https on loopback") {
  Fixture fx;
  fx.dir.Write("src/a.env", "TOKEN=" + Token("live") + "\n");
  for (const std::string origin :
       {"https://evil.example.com", "https://10.0.0.1:8443", "http://127.0.0.1:1",
        "https://127.0.0.1.evil.example.com", "https://127.0.0.1:1/path"}) {
    auto env = fx.Env();
    env["SPRAWL_VERIFY_OVERRIDE"] = origin;
    auto r = RunSprawl(
        {"scan", fx.dir / "src", "--no-config", "--rules", fx.dir / "rules", "--verify"}, "", env);
    INFO(origin);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("SPRAWL_VERIFY_OVERRIDE"));
    CHECK_THAT(r.err, Contains("refused"));
  }
  CHECK(fx.provider.Seen().empty());
}

TEST_CASE("scanned content cannot change where a secret is sent") {
  Fixture fx;
  // A URL next to the secret, a would-be Host header and look-alike override text: none of
  // it is an input to the request.
  fx.dir.Write("src/app.env",
               "API_URL=https://evil.example.net/v1/me\n"
               "SPRAWL_VERIFY_OVERRIDE=https://evil.example.net\n"
               "Host: evil.example.net\n"
               "TOKEN=" +
                   Token("live") + "\n");
  auto r = fx.Scan({"--verify", "-f", "json"}, fx.dir / "src");
  REQUIRE(r.exit_code == 1);
  CHECK(nlohmann::json::parse(r.out)["findings"][0]["verification"]["status"] == "verified");
  const auto seen = fx.provider.Seen();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].path == "/v1/me");
  CHECK(seen[0].Header("Host").find("evil") == std::string::npos);
}

TEST_CASE("revoke is a dry run unless --yes, and reads the secret from stdin") {
  Fixture fx;
  const std::vector<std::string> base = {"revoke", "--rule", "acme-token", "--rules",
                                         fx.dir / "rules"};
  auto dry = RunSprawl(base, "", fx.Env(), Token("live") + "\n");
  CHECK(dry.exit_code == 0);
  CHECK_THAT(dry.out, Contains("dry run: nothing was sent"));
  CHECK_THAT(dry.out, Contains("POST " + fx.provider.origin() + "/v1/auth.revoke"));
  CHECK(dry.out.find(Token("live")) == std::string::npos);
  CHECK(fx.provider.Seen().empty());

  auto args = base;
  args.push_back("--yes");
  auto done = RunSprawl(args, "", fx.Env(), Token("live") + "\n");
  CHECK(done.exit_code == 0);
  CHECK_THAT(done.out, Contains("revoked: the provider confirmed (HTTP 200)"));
  REQUIRE(fx.provider.Count("/v1/auth.revoke") == 1);
  CHECK(fx.provider.Seen()[0].Header("Authorization") == "Bearer " + Token("live"));

  auto refused = RunSprawl(args, "", fx.Env(), Token("revoked") + "\n");
  CHECK(refused.exit_code == 3);
  CHECK_THAT(refused.out, Contains("not confirmed"));

  // No secret on stdin, a secret of another kind, a rule without a revoke block.
  CHECK(RunSprawl(args, "", fx.Env(), "").exit_code == 2);
  auto wrong = RunSprawl(args, "", fx.Env(), "ghp_notanacmetoken\n");
  CHECK(wrong.exit_code == 2);
  CHECK_THAT(wrong.err, Contains("nothing was sent"));
  auto no_api = RunSprawl({"revoke", "--rule", "acme-pair-key", "--rules", fx.dir / "rules"}, "",
                          fx.Env(), kPairKey + "\n");
  CHECK(no_api.exit_code == 2);
  CHECK_THAT(no_api.err, Contains("no self-revocation API"));
  CHECK(fx.provider.Count("/v1/auth.revoke") == 2);
  // The secret is not accepted as an argument.
  auto argv_secret = RunSprawl({"revoke", "--rule", "acme-token", Token("live")}, "", fx.Env());
  CHECK(argv_secret.exit_code == 2);
}

TEST_CASE("rules endpoints lists every host a secret may be sent to") {
  test::TempDir dir;
  dir.Write("rules/acme.yml", kRules);
  std::map<std::string, std::string> env = {{"SPRAWL_CACHE_DIR", SPRAWL_TEST_CACHE_DIR}};
  auto text = RunSprawl({"rules", "endpoints", "--rules", dir / "rules"}, "", env);
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, Contains("acme-token\tverify\tGET\tapi.acme.example.com\n"));
  CHECK_THAT(text.out, Contains("acme-token\trevoke\tPOST\tapi.acme.example.com\n"));
  CHECK_THAT(text.out, Contains("acme-aws-key-id\tverify\tPOST\tsts.amazonaws.com\n"));
  auto json = nlohmann::json::parse(
      RunSprawl({"rules", "endpoints", "-f", "json", "--rules", dir / "rules"}, "", env).out);
  bool found = false;
  for (const auto& e : json) {
    found |= e["rule_id"] == "acme-pair-key" && e["host"] == "api.acme.example.com" &&
             e["purpose"] == "verify";
  }
  CHECK(found);
}
