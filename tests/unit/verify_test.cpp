// Verification building blocks: templates, response matching, egress, SigV4 vectors.
#include <catch2/catch.hpp>

#include "sprawl/error.hpp"
#include "util/sha256.hpp"
#include "verify/aws_sigv4.hpp"
#include "verify/egress_policy.hpp"
#include "verify/request_builder.hpp"
#include "verify/response_matcher.hpp"
#include "verify/template.hpp"
#include "verify/verification_cache.hpp"

using namespace sprawl;

TEST_CASE("templates render variables through filters") {
  const TemplateVars vars = {{"secret", "a\"b c/+"}, {"sid", "AC1"}};
  CHECK(RenderTemplateText("Bearer {{ secret }}", vars) == "Bearer a\"b c/+");
  CHECK(RenderTemplateText("{\"t\":\"{{secret|json}}\"}", vars) == "{\"t\":\"a\\\"b c/+\"}");
  CHECK(RenderTemplateText("/x/{{ secret | url }}", vars) == "/x/a%22b%20c%2F%2B");
  CHECK(RenderTemplateText("{{ sid }}:{{ secret | base64 }}", vars) == "AC1:YSJiIGMvKw==");
  CHECK(Base64Encode("ab") == "YWI=");
  CHECK(Base64Encode("abc") == "YWJj");
  CHECK(JsonEscape(std::string("\x01\n", 2)) == "\\u0001\\n");
  CHECK_THROWS(RenderTemplateText("{{ secret | upper }}", vars));
}

TEST_CASE("json paths reach nested scalars and array items") {
  const auto doc = nlohmann::json::parse(
      R"({"ok": true, "n": 5, "user": {"login": "octo"}, "items": [{"id": "x"}], "z": null})");
  CHECK(JsonScalarAt(doc, "ok") == "true");
  CHECK(JsonScalarAt(doc, "n") == "5");
  CHECK(JsonScalarAt(doc, "user.login") == "octo");
  CHECK(JsonScalarAt(doc, "items.0.id") == "x");
  CHECK(JsonScalarAt(doc, "z") == "null");
  CHECK_FALSE(JsonScalarAt(doc, "user"));
  CHECK_FALSE(JsonScalarAt(doc, "items.1.id"));
  CHECK_FALSE(JsonScalarAt(doc, "missing"));
}

TEST_CASE("responses are classified verified before invalid, else unknown") {
  VerifySpec spec;
  ResponseCondition live;
  live.status = {200};
  live.json = {{"ok", {"true"}}};
  live.headers = {{"X-Scope", "*"}};
  spec.verified = {live};
  ResponseCondition dead;
  dead.status = {401};
  spec.invalid = {dead};
  spec.identity = {{"login", "user.login"}};
  HttpResponse r;
  r.completed = true;
  r.status = 200;
  r.body = R"({"ok": true, "user": {"login": "octo"}})";
  CHECK(ClassifyResponse(spec, r).status == VerificationStatus::kUnknown);  // header missing
  r.headers["x-scope"] = "repo";
  const Verification v = ClassifyResponse(spec, r);
  CHECK(v.status == VerificationStatus::kVerified);
  REQUIRE(v.identity.size() == 1);
  CHECK(v.identity[0].second == "octo");
  r.status = 401;
  CHECK(ClassifyResponse(spec, r).status == VerificationStatus::kInvalid);
  r.status = 429;
  CHECK(ClassifyResponse(spec, r).reason == "HTTP 429 rate limited");
  HttpResponse failed;
  failed.error = "TLS error: self-signed certificate";
  CHECK(ClassifyResponse(spec, failed).reason == "TLS error: self-signed certificate");
}

TEST_CASE("rendered secrets cannot move a request to another host") {
  HttpRequestSpec spec;
  spec.url = "https://api.acme.example.com/v1/check?token={{ secret }}";
  spec.headers = {{"Authorization", "Bearer {{ secret }}"}};
  const EgressPolicy egress;
  for (const std::string crafted :
       {"@evil.example.net", "x/../../@evil.example.net", "#@evil.example.net",
        "\r\nHost: evil.example.net", "x y", "https://evil.example.net/", "..\\evil"}) {
    INFO(crafted);
    HttpRequest req;
    std::string error;
    if (BuildRequest(spec, {{"secret", crafted}}, egress, &req, &error)) {
      UrlParts u;
      REQUIRE(ParseUrl(req.url, &u, &error));
      CHECK(u.host == "api.acme.example.com");
      CHECK(u.port == 443);
    } else {
      CHECK(!error.empty());
    }
  }
  HttpRequest req;
  std::string error;
  CHECK_FALSE(BuildRequest(spec, {{"secret", "a\r\nX-Evil: 1"}}, egress, &req, &error));
}

TEST_CASE("the egress override is accepted only for https loopback origins") {
  CHECK_NOTHROW(EgressPolicy::WithOverride("https://127.0.0.1:8443", ""));
  CHECK_NOTHROW(EgressPolicy::WithOverride("https://localhost:8443", ""));
  CHECK_NOTHROW(EgressPolicy::WithOverride("https://[::1]:8443", ""));
  CHECK_THROWS_AS(EgressPolicy::WithOverride("https://evil.example.net", ""), UsageError);
  CHECK_THROWS_AS(EgressPolicy::WithOverride("http://127.0.0.1:80", ""), UsageError);
  CHECK_THROWS_AS(EgressPolicy::WithOverride("https://127.0.0.1.nip.io", ""), UsageError);
  const auto policy = EgressPolicy::WithOverride("https://127.0.0.1:8443", "");
  std::string url, error;
  REQUIRE(policy.BuildUrl("https://api.github.com/user", "/user", &url, &error));
  CHECK(url == "https://127.0.0.1:8443/user");
}

TEST_CASE("SigV4 matches the AWS documentation vectors") {
  // Signing-key derivation example (secret wJalr...EXAMPLEKEY, 20120215, us-east-1, iam).
  CHECK(SigV4SigningKeyHex("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1",
                           "iam") ==
        "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
  // The documented IAM ListUsers request of 2015-08-30.
  SigV4Request r;
  r.method = "GET";
  r.host = "iam.amazonaws.com";
  r.query = "Action=ListUsers&Version=2010-05-08";
  r.headers = {{"content-type", "application/x-www-form-urlencoded; charset=utf-8"},
               {"host", "iam.amazonaws.com"},
               {"x-amz-date", "20150830T123600Z"}};
  r.region = "us-east-1";
  r.service = "iam";
  r.amz_date = "20150830T123600Z";
  CHECK(Sha256Hex(SigV4CanonicalRequest(r)) ==
        "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");
  CHECK(SigV4Authorization(r, "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY") ==
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
        "SignedHeaders=content-type;host;x-amz-date, "
        "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
}

TEST_CASE("STS answers map to verified, invalid and unknown") {
  HttpResponse ok;
  ok.completed = true;
  ok.status = 200;
  ok.body =
      "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::1:user/u</Arn>"
      "<UserId>AID</UserId><Account>1</Account></GetCallerIdentityResult>"
      "</GetCallerIdentityResponse>";
  const Verification v = ClassifyStsResponse(ok);
  CHECK(v.status == VerificationStatus::kVerified);
  REQUIRE(v.identity.size() == 3);
  CHECK(v.identity[0] == std::make_pair(std::string("arn"), std::string("arn:aws:iam::1:user/u")));
  HttpResponse bad = ok;
  bad.status = 403;
  bad.body = "<Error><Code>InvalidClientTokenId</Code></Error>";
  CHECK(ClassifyStsResponse(bad).status == VerificationStatus::kInvalid);
  bad.body = "<Error><Code>SignatureDoesNotMatch</Code></Error>";
  CHECK(ClassifyStsResponse(bad).status == VerificationStatus::kUnknown);
}

TEST_CASE("cache keys separate rules, secrets and companions") {
  const auto a = VerificationCache::Key("r", "s", {});
  CHECK(a == VerificationCache::Key("r", "s", {}));
  CHECK(a != VerificationCache::Key("r2", "s", {}));
  CHECK(a != VerificationCache::Key("r", "s2", {}));
  CHECK(a != VerificationCache::Key("r", "s", {{"sid", "1"}}));
  CHECK(a.size() == 64);
}
