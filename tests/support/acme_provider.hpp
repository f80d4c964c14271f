// The impersonated "Acme" provider of the verification tests: rules with verify/revoke
// blocks, tokens whose body selects the provider's behaviour, and the HTTPS handlers that
// answer like a real API (live, revoked, rate limited, failing, slow, malformed,
// redirecting), plus an STS endpoint that checks SigV4 signatures independently.
// Include from one test file only.
#pragma once

#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "support/https_provider.hpp"
#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

namespace sprawl::test::acme {

inline constexpr const char* kRules = R"(rules:
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
      url: 'https://api.acme.example.com/v1/auth.revoke?token={{ secret | url }}'
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
inline std::string Token(const std::string& tag) {
  const std::string filler = "q7w3e9r1t5y8u2i4o6p0a3s7";
  return "acmt_" + tag + filler.substr(0, 24 - tag.size());
}

inline const std::string kAccount = "ACC4815162342";
inline const std::string kPairKey = "acmk_" + std::string("z9x8c7v6b5n4m3l2k1j0h9g8");
inline const std::string kAwsKeyId = "TKIAQ3EGVHJ4ZK7LMN2P";
inline const std::string kAwsSecret = "Wq8r/Tz1+Lk3mNp5Xv7bY9cD2fG4hJ6kA0sE2uIo";

inline std::string Base64(const std::string& s) {
  std::string out(4 * ((s.size() + 2) / 3) + 1, '\0');
  const int n =
      EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                      reinterpret_cast<const unsigned char*>(s.data()), static_cast<int>(s.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

inline std::string Hex(const unsigned char* p, std::size_t n) {
  static const char* k = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += k[p[i] >> 4];
    out += k[p[i] & 15];
  }
  return out;
}

inline std::string HmacRaw(const std::string& key, const std::string& data) {
  unsigned char out[32];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &len);
  return std::string(reinterpret_cast<char*>(out), len);
}

inline std::string Sha256HexOf(const std::string& s) {
  unsigned char d[32];
  SHA256(reinterpret_cast<const unsigned char*>(s.data()), s.size(), d);
  return Hex(d, 32);
}

// The SigV4 signature as the AWS documentation defines it, written independently of
// src/verify/aws_sigv4.cpp so a mistake there cannot hide here.
inline std::string ExpectedStsSignature(const std::string& secret, const std::string& amz_date) {
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

inline void Reply(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, "application/json");
}

// Registers the impersonated Acme API: behaviour chosen by the token's scenario tag.
inline void ImpersonateAcme(HttpsProvider& p) {
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
    } else if (is("patient")) {
      res.set_header("Retry-After", "3600");  // beyond the bound: no retry
      Reply(res, 429, R"({"ok": false, "error": "ratelimited"})");
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

}  // namespace sprawl::test::acme
