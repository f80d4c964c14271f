// The shipped verify blocks end to end over real HTTPS: a loopback server stands in for each
// provider (through the test-only egress override) and answers as the provider documents for
// a live and for a revoked credential. The real embedded rules build the requests, the real
// client sends them, the real matcher reads the answers.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "rules/rule_set.hpp"
#include "support/https_provider.hpp"
#include "verify/template.hpp"
#include "verify/verifier.hpp"

using namespace sprawl;
using sprawl::test::HttpsProvider;

namespace {

// Random bodies of the documented formats; none of them is a real credential.
const char* kLiveGithub = "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";
const char* kDeadGithub = "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";
const char* kLiveSlack = "xoxb-556493423644-9269802568850-wv2ctuR5CHhOHKrSkX1LXddd";
const char* kDeadSlack = "xoxb-5674707359550-7883262471297-oAKIGdyZGlTChMg3rJmVIcgS";
const char* kLiveStripe = "sk_live_51Nv0FGQ9RKHgCVdKe8GkP2mTqW7xYz3Lb";
const char* kDeadStripe = "sk_live_51Mz8kDHq4RtWnXb6Yc2PvJsL9eA1fTu0Q";
const char* kLiveOpenai = "sk-proj-Qw7Ye2Rt9Ui4Op1As6Df3Gh8Jk5LzXcT3BlbkFJVb0Nm2Qw4Er6Ty8Ui1Op3As";
const char* kDeadOpenai = "sk-proj-Zx9Cv7Bn5Mq3Wl1Ek8Rj6Th4Yg2Uf0IdT3BlbkFJOs8Pa6Sd4Df2Gh0Jk9Lz7Xc";
const char* kLiveTelegram = "7123456789:AAHk3pV9xQ2mZt7Lr5Wc8Nb1Jd4Fs6Gy0Ue";
const char* kDeadTelegram = "6987654321:AAGz8nM2bV5cX1lK4jH7gF0dS3aP6oI9uYt";
const char* kAccountSid = "ACb7128ab3ebe45c09af6189ba1b5d8ded";
const char* kLiveTwilio = "d60b1becc5888ac45b8cbcaf2616e291";
const char* kDeadTwilio = "b419d4b6064325711ffa43825ae3f656";

std::string Header(const httplib::Request& req, const char* name) {
  return req.has_header(name) ? req.get_header_value(name) : "";
}

void Json(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, "application/json");
}

std::string Basic(const std::string& user, const std::string& password) {
  return "Basic " + Base64Encode(user + ":" + password);
}

// Answers as each provider documents, keyed on the credential the request carries.
void ImpersonateProviders(httplib::SSLServer& s) {
  s.Get("/user", [](const httplib::Request& req, httplib::Response& res) {
    if (Header(req, "Authorization") == std::string("Bearer ") + kLiveGithub) {
      Json(res, 200, R"({"login":"octocat","id":583231,"type":"User"})");
    } else {
      Json(res, 401, R"({"message":"Bad credentials"})");
    }
  });
  s.Post("/api/auth.test", [](const httplib::Request& req, httplib::Response& res) {
    if (Header(req, "Authorization") == std::string("Bearer ") + kLiveSlack) {
      Json(res, 200, R"({"ok":true,"team":"Acme","user":"deploybot","team_id":"T0123ABCD"})");
    } else {
      Json(res, 200, R"({"ok":false,"error":"token_revoked"})");
    }
  });
  s.Get("/v1/account", [](const httplib::Request& req, httplib::Response& res) {
    if (Header(req, "Authorization") == Basic(kLiveStripe, "")) {
      Json(res, 200, R"({"id":"acct_1Nv0FGQ9RKHgCVdK","object":"account","country":"FR"})");
    } else {
      Json(res, 401,
           R"({"error":{"message":"Invalid API Key provided","type":"invalid_request_error"}})");
    }
  });
  s.Get("/v1/models", [](const httplib::Request& req, httplib::Response& res) {
    if (Header(req, "Authorization") == std::string("Bearer ") + kLiveOpenai) {
      Json(res, 200, R"({"object":"list","data":[{"id":"gpt-4o","object":"model"}]})");
    } else {
      Json(res, 401,
           R"({"error":{"message":"Incorrect API key provided","code":"invalid_api_key"}})");
    }
  });
  s.Get(R"(/bot([^/]+)/getMe)", [](const httplib::Request& req, httplib::Response& res) {
    if (req.matches[1] == kLiveTelegram) {
      Json(res, 200,
           R"({"ok":true,"result":{"id":7123456789,"is_bot":true,"username":"acme_deploy_bot"}})");
    } else {
      Json(res, 401, R"({"ok":false,"error_code":401,"description":"Unauthorized"})");
    }
  });
  s.Get(R"(/2010-04-01/Accounts/(AC[0-9a-f]{32})\.json)",
        [](const httplib::Request& req, httplib::Response& res) {
          const std::string sid = req.matches[1];
          if (Header(req, "Authorization") == Basic(sid, kLiveTwilio)) {
            Json(res, 200,
                 "{\"sid\":\"" + sid + "\",\"friendly_name\":\"Acme Prod\",\"status\":\"active\"}");
          } else {
            Json(res, 401, R"({"code":20003,"message":"Authenticate","status":401})");
          }
        });
}

Finding MakeFinding(const RuleSet& rules, const std::string& rule_id, const std::string& path,
                    std::uint64_t line, const std::string& secret) {
  Finding f;
  for (const Rule& r : rules.rules()) {
    if (r.id == rule_id) f.rule = &r;
  }
  REQUIRE(f.rule != nullptr);
  f.path = path;
  f.line = line;
  f.column = 1;
  f.secret = secret;
  return f;
}

std::map<std::string, std::string> IdentityOf(const Finding& f) {
  return {f.verification.identity.begin(), f.verification.identity.end()};
}

}  // namespace

TEST_CASE("shipped verify blocks classify live and revoked credentials over loopback HTTPS") {
  HttpsProvider provider;
  ImpersonateProviders(provider.server());
  provider.Start();

  RuleSet rules = RuleSet::Embedded();
  std::vector<Finding> findings = {
      MakeFinding(rules, "github-pat-classic", "a.env", 1, kLiveGithub),
      MakeFinding(rules, "github-pat-classic", "b.env", 1, kDeadGithub),
      MakeFinding(rules, "slack-bot-token", "a.env", 2, kLiveSlack),
      MakeFinding(rules, "slack-bot-token", "b.env", 2, kDeadSlack),
      MakeFinding(rules, "stripe-live-secret-key", "a.env", 3, kLiveStripe),
      MakeFinding(rules, "stripe-live-secret-key", "b.env", 3, kDeadStripe),
      MakeFinding(rules, "openai-project-key", "a.env", 4, kLiveOpenai),
      MakeFinding(rules, "openai-project-key", "b.env", 4, kDeadOpenai),
      MakeFinding(rules, "telegram-bot-token", "a.env", 5, kLiveTelegram),
      MakeFinding(rules, "telegram-bot-token", "b.env", 5, kDeadTelegram),
      MakeFinding(rules, "twilio-account-sid", "a.env", 6, kAccountSid),
      MakeFinding(rules, "twilio-auth-token", "a.env", 7, kLiveTwilio),
      MakeFinding(rules, "twilio-account-sid", "b.env", 6, kAccountSid),
      MakeFinding(rules, "twilio-auth-token", "b.env", 7, kDeadTwilio),
      // No Account SID in this file: nothing can be sent.
      MakeFinding(rules, "twilio-auth-token", "c.env", 1, kLiveTwilio),
  };

  VerifyOptions options;
  options.egress = EgressPolicy::WithOverride(provider.origin(), provider.ca_file());
  options.http.ca_file = provider.ca_file();
  options.http.max_retries = 0;
  options.http.per_host_interval_seconds = 0;
  VerifyFindings(&findings, options);

  auto status = [&](std::size_t i) { return findings[i].verification.status; };
  CHECK(status(0) == VerificationStatus::kVerified);
  CHECK(IdentityOf(findings[0])["login"] == "octocat");
  CHECK(status(1) == VerificationStatus::kUnknown);  // 401 could be an Enterprise Server token
  CHECK(status(2) == VerificationStatus::kVerified);
  CHECK(IdentityOf(findings[2])["team"] == "Acme");
  CHECK(status(3) == VerificationStatus::kInvalid);
  CHECK(status(4) == VerificationStatus::kVerified);
  CHECK(IdentityOf(findings[4])["account"] == "acct_1Nv0FGQ9RKHgCVdK");
  CHECK(status(5) == VerificationStatus::kInvalid);
  CHECK(status(6) == VerificationStatus::kVerified);
  CHECK(status(7) == VerificationStatus::kInvalid);
  CHECK(status(8) == VerificationStatus::kVerified);
  CHECK(IdentityOf(findings[8])["username"] == "acme_deploy_bot");
  CHECK(status(9) == VerificationStatus::kInvalid);
  CHECK(status(10) == VerificationStatus::kNotChecked);  // the SID itself is not verified
  CHECK(status(11) == VerificationStatus::kVerified);
  CHECK(IdentityOf(findings[11])["account"] == "Acme Prod");
  CHECK(IdentityOf(findings[11])["account_sid"] == kAccountSid);
  CHECK(status(13) == VerificationStatus::kInvalid);
  CHECK(status(14) == VerificationStatus::kUnknown);
  CHECK_THAT(findings[14].verification.reason, Catch::Matchers::Contains("account_sid"));

  // Each provider saw exactly the requests its rule declares, and no more.
  CHECK(provider.Count("/user") == 2);
  CHECK(provider.Count("/api/auth.test") == 2);
  CHECK(provider.Count("/v1/account") == 2);
  CHECK(provider.Count("/v1/models") == 2);
  CHECK(provider.Count("/bot") == 2);
  CHECK(provider.Count(std::string("/2010-04-01/Accounts/") + kAccountSid + ".json") == 2);
  for (const auto& seen : provider.Seen()) {
    if (seen.path == "/user") CHECK(seen.headers.count("X-GitHub-Api-Version") == 1);
    if (seen.path == "/api/auth.test") CHECK(seen.method == "POST");
  }
}
