// The decoding layer through ContentScanner: every encoding, chains and the depth limit,
// locations at the encoded span, no duplicates, and bounded work on adversarial input
// (asserted on the decoder's own counters, never on time).
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>

#include "decode/decoding_scanner.hpp"
#include "findings/content_scanner.hpp"
#include "rules/rule_set.hpp"
#include "support/encode.hpp"
#include "support/test_rule.hpp"
#include "support/tokens.hpp"

using namespace sprawl;
using namespace sprawl::test;

namespace {

// Windows sized for the short test patterns.
Rule DecodeTestRule(const std::string& id, const std::string& pattern) {
  return test::TestRule(id, pattern, 128);
}

// tok: a prefixed token; ctx: a value only recognisable by the quoted key before it.
RuleSet TestRules() {
  return RuleSet({DecodeTestRule("tok", "\\b(tok_[a-z0-9]{16})\\b"),
                  DecodeTestRule("ctx", "\"secret_key\"\\s*:\\s*\"(sk_[a-z0-9]{16})\"")});
}

const std::string kTok = "tok_a1b2c3d4e5f6g7h8";
const std::string kSk = "sk_q9w8e7r6t5y4u3i2";

// An engine, scanner and content scanner over the given rules, decoding to `depth`.
struct Harness {
  explicit Harness(const RuleSet& rules, unsigned depth = 2, const std::string& cache_dir = "") {
    EngineOptions options;
    options.decode_depth = depth;
    options.cache_dir = cache_dir;
    engine = Engine::Create(rules, options);
    scanner = std::make_unique<Scanner>(*engine);
    content = std::make_unique<ContentScanner>(*scanner, nullptr);
  }
  std::vector<Finding> Scan(const std::string& text) {
    std::vector<Finding> out;
    content->ScanAll(text, "f.txt", &out, &stats);
    std::sort(out.begin(), out.end(), FindingLess);
    return out;
  }
  const decode::DecodeStats& decode_stats() { return content->decoder().stats(); }

  std::unique_ptr<Engine> engine;
  std::unique_ptr<Scanner> scanner;
  std::unique_ptr<ContentScanner> content;
  ScanStats stats;
};

// The one finding of `rule` in `found` (a copy: `found` is often a temporary); fails the
// test when there is not exactly one.
Finding Only(const std::vector<Finding>& found, const std::string& rule) {
  std::size_t n = 0;
  const Finding* hit = nullptr;
  for (const auto& f : found) {
    if (f.rule->id == rule) {
      ++n;
      hit = &f;
    }
  }
  REQUIRE(n == 1);
  return *hit;
}

}  // namespace

TEST_CASE("a base64 secret is reported at the encoded span with encoding base64") {
  Harness h(TestRules());
  const std::string encoded = Base64("token=" + kTok + "\n");
  const std::string text = "kind: Secret\ndata:\n  api: " + encoded + "\n";
  const auto found = h.Scan(text);
  const Finding f = Only(found, "tok");
  CHECK(f.secret == kTok);
  CHECK(f.encoding == "base64");
  CHECK(f.line == 3);
  CHECK(f.column == 8);  // "  api: " is 7 characters
  CHECK(f.offset == text.find(encoded));
  CHECK(f.end_line == 3);
  CHECK(f.end_column == 8 + encoded.size());
  CHECK(f.redacted.rfind("tok_", 0) == 0);
  CHECK(h.stats.findings == 1);
}

TEST_CASE("URL-safe base64 without padding decodes") {
  Harness h(TestRules());
  const std::string inner = "id>>?" + kTok + "?\x3f";  // bytes that need - and _
  const std::string encoded = Base64(inner, true, false);
  REQUIRE(encoded.find_first_of("-_") != std::string::npos);
  REQUIRE(encoded.back() != '=');
  const Finding f = Only(h.Scan("x = '" + encoded + "'\n"), "tok");
  CHECK(f.secret == kTok);
  CHECK(f.encoding == "base64");
  CHECK(f.column == 6);
}

TEST_CASE("standard base64 with + and / and padding decodes") {
  Harness h(TestRules());
  const std::string inner = "?\x3f>" + kTok + ">>";
  const std::string encoded = Base64(inner);
  REQUIRE(encoded.find_first_of("+/") != std::string::npos);
  REQUIRE(encoded.back() == '=');
  CHECK(Only(h.Scan(encoded), "tok").encoding == "base64");
}

TEST_CASE("hex, percent, unicode escapes and \\x escapes each decode") {
  Harness h(TestRules());
  SECTION("hex") {
    const Finding f = Only(h.Scan("blob 0x" + Hex("key " + kTok)), "tok");
    CHECK(f.encoding == "hex");
    CHECK(f.column == 6);
  }
  SECTION("percent: the location is the decoded secret's own start") {
    const std::string text = "next=https%3A%2F%2Fh.test%2F%3Ft%3D" + PercentEncode(kTok);
    const Finding f = Only(h.Scan(text), "tok");
    CHECK(f.encoding == "percent");
    CHECK(f.secret == kTok);
    CHECK(f.offset == text.find("tok%5F"));
  }
  SECTION("\\uXXXX") {
    const std::string text = "{\"v\": \"\\u0074ok_a1b2c3d4e5f6g7h8\"}";
    const Finding f = Only(h.Scan(text), "tok");
    CHECK(f.encoding == "json-escape");
    CHECK(f.offset == text.find("\\u0074"));
    CHECK(f.end_column == text.find("\"}") + 1);
  }
  SECTION("\\xXX") {
    const Finding f = Only(h.Scan("s = \"\\x74ok_a1b2c3d4e5f6g7h8\"\n"), "tok");
    CHECK(f.encoding == "escape");
  }
}

TEST_CASE("JSON-escaped config reveals a value its rule needs the quotes around") {
  Harness h(TestRules());
  const std::string inner = "{\"secret_key\": \"" + kSk + "\"}";
  const std::string text = "{\n  \"config\": \"" + JsonEscape(inner) + "\"\n}\n";
  REQUIRE(Harness(TestRules(), 0).Scan(text).empty());  // invisible without decoding
  const Finding f = Only(h.Scan(text), "ctx");
  CHECK(f.secret == kSk);
  CHECK(f.encoding == "json-escape");
  CHECK(f.line == 2);
  CHECK(f.offset == text.find(kSk));
}

TEST_CASE("a provider's rule on the unescaped line replaces a generic one on the line as written") {
  // As written only the generic rule sees the token; unescaped, `ctx` names it.
  Rule generic = DecodeTestRule("generic", "\\b(sk_[a-z0-9]{16})\\b");
  generic.tags = {"generic"};
  Harness h(
      RuleSet({DecodeTestRule("ctx", "\"secret_key\"\\s*:\\s*\"(sk_[a-z0-9]{16})\""), generic}));
  const std::string inner = "{\"secret_key\": \"" + kSk + "\"}";
  const std::string text = "{\n  \"config\": \"" + JsonEscape(inner) + "\"\n}\n";
  const auto found = h.Scan(text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule->id == "ctx");
  CHECK(found[0].encoding == "json-escape");
  CHECK(found[0].offset == text.find(kSk));
  // Without decoding, the generic rule reports it.
  Harness plain(RuleSet({generic}), 0);
  REQUIRE(plain.Scan(text).size() == 1);
}

TEST_CASE("a more confident generic rule on the unescaped line replaces a less confident one") {
  Rule loose = DecodeTestRule("loose", "\\b(sk_[a-z0-9]{16})\\b");
  loose.tags = {"generic"};
  loose.confidence = Confidence::kLow;
  Rule keyed = DecodeTestRule("keyed", "\"secret_key\"\\s*:\\s*\"(sk_[a-z0-9]{16})\"");
  keyed.tags = {"generic"};
  keyed.confidence = Confidence::kMedium;
  Harness h(RuleSet({loose, keyed}));
  const std::string text =
      "{\"config\": \"" + JsonEscape("{\"secret_key\": \"" + kSk + "\"}") + "\"}\n";
  const auto found = h.Scan(text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule->id == "keyed");
  CHECK(found[0].encoding == "json-escape");
}

TEST_CASE("a match half in decoded bytes and half in the line around them is not a finding") {
  // Decoded in place, the payload sits between `pk.` and `.sig…`: a rule that would take
  // the three together sees text that was never written nor encoded as such.
  Harness h(RuleSet({DecodeTestRule("braced", "'(pk\\.\\{[^']{10,})'")}));
  const std::string payload = Base64("{\"u\":\"demo-user-4242\"}", true, false);
  const std::string text = "token = 'pk." + payload + ".sig12345abc'\n";
  CHECK(h.Scan(text).empty());
  // The same rule on text that was written that way finds it.
  CHECK(h.Scan("token = 'pk.{\"u\":\"demo-user-4242\"}.sig12345abc'\n").size() == 1);
}

TEST_CASE("a percent-decoded line is searched whole after a shorter one") {
  // One scanner serves many files; each decoding level's buffer is reused. A short percent
  // line first must not bound what the next, longer one is searched for.
  Harness h(TestRules());
  // Decoded, this line is 80 bytes: the next line's token spans its byte 80.
  REQUIRE(h.Scan("q=" + std::string(77, 'y') + "%41\n").empty());
  const std::string text =
      "https://example.com/run?a=1&cmd=" + std::string(40, 'x') + "%20" + kTok + "%20done\n";
  const auto found = h.Scan(text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].secret == kTok);
}

TEST_CASE("an XML attribute's escaped quotes reveal a value its rule needs the quotes around") {
  Harness h(TestRules());
  const std::string text =
      "<add key=\"cfg\" value=\"{&quot;secret_key&quot;: &quot;" + kSk + "&quot;}\" />\n";
  REQUIRE(Harness(TestRules(), 0).Scan(text).empty());  // invisible without decoding
  const Finding f = Only(h.Scan(text), "ctx");
  CHECK(f.secret == kSk);
  CHECK(f.encoding == "html-entity");
  CHECK(f.offset == text.find(kSk));
  CHECK(f.line == 1);
}

TEST_CASE("a rule that matched past character references yields to its decoded match") {
  // As written the token rule takes in "&quot" after the password; decoded, it stops there.
  Harness h(RuleSet({DecodeTestRule("pw", "Password=([^\\s\";]{8,})")}));
  const std::string text = "<conn value=\"Server=db;Password=Hk2Lp9Qm4Rz7&quot;\"/>\n";
  const Finding f = Only(h.Scan(text), "pw");
  CHECK(f.secret == "Hk2Lp9Qm4Rz7");
  CHECK(f.encoding == "html-entity");
}

TEST_CASE("chains are reported outermost first") {
  Harness h(TestRules());
  const std::string escaped =
      "{\"cfg\": \"" + JsonEscape("{\"secret_key\": \"" + kSk + "\"}") + "\"}";
  const std::string text = "payload: " + Base64(escaped) + "\n";
  const Finding f = Only(h.Scan(text), "ctx");
  CHECK(f.encoding == "base64>json-escape");
  CHECK(f.column == 10);
}

TEST_CASE("the depth limit is honoured") {
  const std::string three = Base64(Base64(Base64(kTok)));
  CHECK(Harness(TestRules(), 2).Scan(three).empty());
  Harness h3(TestRules(), 3);
  const auto found = h3.Scan(three);
  INFO("spans " << h3.decode_stats().spans << " windows " << h3.decode_stats().windows_decoded
                << " depth " << h3.decode_stats().max_depth << " dups "
                << h3.decode_stats().duplicates << " nottext " << h3.decode_stats().not_text);
  CHECK(Only(found, "tok").encoding == "base64>base64>base64");
  CHECK(Only(Harness(TestRules(), 2).Scan(Base64(Base64(kTok))), "tok").encoding ==
        "base64>base64");
  CHECK(Harness(TestRules(), 0).Scan(Base64(kTok)).empty());
}

TEST_CASE("a secret both plain and encoded at the same place is reported once, plain") {
  Harness h(TestRules());
  // The escaped line is decoded (its quotes are escaped) and holds the plain token too.
  const std::string text = "{\"cfg\": \"{\\\"t\\\": \\\"" + kTok + "\\\"}\"}\n";
  const auto found = h.Scan(text);
  const Finding f = Only(found, "tok");
  CHECK(f.encoding.empty());
  CHECK(f.offset == text.find(kTok));
  CHECK(h.decode_stats().duplicates >= 1);
  CHECK(h.stats.findings == 1);
}

TEST_CASE("the same secret plain and elsewhere encoded is reported at both places") {
  Harness h(TestRules());
  const std::string text = kTok + "\n" + Base64(kTok) + "\n";
  const auto found = h.Scan(text);
  REQUIRE(found.size() == 2);
  CHECK(found[0].line == 1);
  CHECK(found[0].encoding.empty());
  CHECK(found[1].line == 2);
  CHECK(found[1].encoding == "base64");
  CHECK(found[0].fingerprint == found[1].fingerprint);  // one secret, one identity
}

TEST_CASE("binary decodings are ignored") {
  Harness h(TestRules());
  const std::string binary = std::string("\x00\x01\x02\xff\xfe", 5) + kTok + std::string(3, '\0');
  CHECK(h.Scan("blob: " + Base64(binary) + "\n").empty());
  CHECK(h.decode_stats().not_text >= 1);
  CHECK(h.decode_stats().windows_decoded == 0);
}

TEST_CASE("an escaped line is text when its escapes produce text, whatever the line around them") {
  Harness h(TestRules());
  // Latin-1 bytes around the escapes (not UTF-8, one in every three bytes): the escapes
  // produce quotes, so the unescaped line is searched and the quoted key is seen.
  std::string latin1;
  for (int i = 0; i < 40; ++i)
    latin1 += std::string("ab\xe9", 3);
  const std::string escaped = "{\\\"secret_key\\\": \\\"" + kSk + "\\\"}";
  const auto found = h.Scan(latin1 + " cfg = \"" + escaped + "\" " + latin1 + "\n");
  CHECK(Only(found, "ctx").secret == kSk);
  // Escapes that produce control bytes (a byte-string literal) do not make text: the line
  // is not searched unescaped, so a value only its unescaped form shows stays unseen.
  std::string bytes;
  for (int i = 0; i < 40; ++i)
    bytes += "\\x0" + std::to_string(i % 8);
  CHECK(h.Scan("b = \"" + bytes + "\" cfg = \"" + escaped + "\"\n").empty());
}

TEST_CASE("a sprawl:allow comment on the encoded line covers the decoded secret") {
  Harness h(TestRules());
  CHECK(h.Scan("k: " + Base64(kTok) + "  # sprawl:allow\n").empty());
  CHECK(h.stats.filtered_allow_comment == 1);
}

TEST_CASE("100 MB of base64 random bytes is abandoned after its first bytes") {
  Harness h(TestRules());
  std::string text(100u << 20, 'A');
  std::uint64_t x = 88172645463325252ull;
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (char& c : text) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    c = kAlphabet[x & 63];
  }
  SECTION("random from the first byte: rejected by the finder, nothing decoded") {
    CHECK(h.Scan(text).empty());
    CHECK(h.decode_stats().spans == 1);
    CHECK(h.decode_stats().not_text == 1);
    CHECK(h.decode_stats().bytes_decoded == 0);
  }
  SECTION("text first, then random: one window decoded at most, then abandoned") {
    const std::string start = Base64("looks like text");
    text.replace(0, start.size(), start);
    CHECK(h.Scan(text).empty());
    const auto& s = h.decode_stats();
    CHECK(s.spans == 1);
    CHECK(s.not_text == 1);
    CHECK(s.windows_decoded == 0);
    CHECK(s.bytes_decoded <= h.content->decoder().limits().window_bytes);
  }
}

TEST_CASE("a long base64 text is decoded in windows, and a secret past the first is found") {
  Harness h(TestRules());
  decode::DecodeLimits limits = h.content->decoder().limits();
  limits.window_bytes = 4096;
  limits.window_overlap = 256;
  h.content->decoder().set_limits(limits);
  std::string plain;
  while (plain.size() < 20000)
    plain += "lorem ipsum dolor sit amet\n";
  plain += "and then " + kTok + " at the end\n";
  const std::string text = Base64(plain);
  const Finding f = Only(h.Scan(text), "tok");
  CHECK(f.line == 1);
  CHECK(f.offset > 0);  // the start of the window that holds it, not of the whole run
  CHECK(f.offset % 4 == 0);
  CHECK(h.decode_stats().windows_decoded >= 5);
  CHECK(h.decode_stats().bytes_decoded <= plain.size() + 6 * 256);
}

TEST_CASE("deeply nested base64 stays within the decode budget") {
  std::string nested = "value " + kTok;
  for (int i = 0; i < 20; ++i)
    nested = Base64(nested);
  SECTION("default depth: two levels decoded, nothing found") {
    Harness h(TestRules());
    CHECK(h.Scan(nested).empty());
    CHECK(h.decode_stats().max_depth == 2);
  }
  SECTION("depth 20 finds it") {
    Harness h(TestRules(), 20);
    CHECK(Only(h.Scan(nested), "tok").encoding.size() == 20 * 7 - 1);  // "base64>…" x20
    CHECK(h.decode_stats().max_depth == 20);
  }
  SECTION("a budget smaller than the nesting stops it, counted") {
    Harness h(TestRules(), 20);
    decode::DecodeLimits limits = h.content->decoder().limits();
    limits.min_budget = 0;
    h.content->decoder().set_limits(limits);
    h.Scan(nested);
    const auto& s = h.decode_stats();
    CHECK(s.over_budget >= 1);
    CHECK(s.bytes_decoded <= nested.size() + limits.window_bytes);
    CHECK(s.max_depth < 20);
  }
}

// --- The shipped rules on the encodings real files use ---

namespace {
Harness& Shipped() {
  static Harness h(RuleSet::Embedded(), 2, SPRAWL_TEST_CACHE_DIR);  // shared compiled database
  return h;
}
}  // namespace

TEST_CASE("a Kubernetes Secret's data values are decoded") {
  const std::string token = MakeGithubStyleToken("ghp_", 7);
  const std::string text =
      "apiVersion: v1\n"
      "kind: Secret\n"
      "metadata:\n"
      "  name: ci\n"
      "type: Opaque\n"
      "data:\n"
      "  GITHUB_TOKEN: " +
      Base64(token) + "\n";
  std::vector<Finding> found = Shipped().Scan(text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule->id == "github-pat-classic");
  CHECK(found[0].secret == token);
  CHECK(found[0].encoding == "base64");
  CHECK(found[0].line == 7);
  CHECK(found[0].column == 17);
}

TEST_CASE("a .dockerconfigjson auth entry is found two encodings deep") {
  const std::string auth = Base64("ci-pusher:hW4nB8kQz2Lr7Yt5");
  const std::string config = "{\"auths\":{\"registry.corp.test\":{\"auth\":\"" + auth + "\"}}}";
  const std::string text = "data:\n  .dockerconfigjson: " + Base64(config) + "\n";
  const auto found = Shipped().Scan(text);
  const Finding f = Only(found, "docker-registry-auth");
  CHECK(f.secret == "ci-pusher:hW4nB8kQz2Lr7Yt5");
  CHECK(f.encoding == "base64>base64");
  CHECK(f.line == 2);
  CHECK(f.column == 22);
}

// The pair's password is itself a provider's token: that token is the finding (its owner,
// revocation and verification are the provider's), not the user:token pair.
TEST_CASE("a Docker auth pair whose password is a provider token reports the token") {
  const std::string token = test::MakeGithubStyleToken("ghp_", 41);
  const std::string auth = Base64("ci-bot:" + token);
  const std::string config = "{\"auths\":{\"ghcr.io\":{\"auth\":\"" + auth + "\"}}}";
  const std::string text = "data:\n  .dockerconfigjson: " + Base64(config) + "\n";
  const auto found = Shipped().Scan(text);
  const Finding f = Only(found, "github-pat-classic");
  CHECK(f.secret == token);
  CHECK(f.encoding == "base64>base64");
  for (const auto& other : found)
    CHECK(other.rule->id != "docker-registry-auth");
}

TEST_CASE("an Authorization: Basic header yields the user:password pair") {
  const std::string text =
      "curl -H \"Authorization: Basic " + Base64("deploy-bot:Qm7vT2xLp9Rw4Kz8") + "\" x.test\n";
  const Finding f = Only(Shipped().Scan(text), "http-basic-auth-credentials");
  CHECK(f.secret == "deploy-bot:Qm7vT2xLp9Rw4Kz8");
  CHECK(f.encoding == "base64");
  CHECK(f.column == 31);
}

TEST_CASE("a HAR header's Basic value is read with the name on the line above") {
  const std::string har = "{\"headers\": [\n  {\n    \"name\": \"Authorization\",\n"
                          "    \"value\": \"Basic " +
                          Base64("ci-bot21:ATBBVqyKmn4bxbCcB3f6N05IJ6XQ") + "\"\n  }\n]}\n";
  const Finding f = Only(Shipped().Scan(har), "http-basic-auth-credentials");
  CHECK(f.secret == "ci-bot21:ATBBVqyKmn4bxbCcB3f6N05IJ6XQ");
  CHECK(f.line == 4);
  // The line above is context only for a `value` line: a bare base64 line after an
  // Authorization line is not its value.
  const std::string apart = "\"name\": \"Authorization\",\n\"other\": \"Basic " +
                            Base64("ci-bot21:ATBBVqyKmn4bxbCcB3f6N05IJ6XQ") + "\"\n";
  CHECK(Shipped().Scan(apart).empty());
}

TEST_CASE("a Jupyter notebook's JSON-escaped source lines are scanned once each") {
  const std::string key = MakeGithubStyleToken("ghp_", 11);
  const std::string notebook =
      "{\n"
      " \"cells\": [\n"
      "  {\n"
      "   \"cell_type\": \"code\",\n"
      "   \"source\": [\n"
      "    \"import os\\n\",\n"
      "    \"os.environ[\\\"GITHUB_TOKEN\\\"] = \\\"" +
      key +
      "\\\"\\n\",\n"
      "    \"db = connect(\\\"postgres://app:" +
      PercentEncode("Xq7!Lm2-Rv9") +
      "@db.internal:5432/orders\\\")\\n\"\n"
      "   ]\n"
      "  }\n"
      " ]\n"
      "}\n";
  const auto found = Shipped().Scan(notebook);
  const Finding gh = Only(found, "github-pat-classic");
  CHECK(gh.line == 7);
  CHECK(gh.encoding.empty());  // visible as written: reported once, plain
  // The postgres rule matches the password as written (%21 and all): reported once, plain.
  const Finding pg = Only(found, "postgres-connection-string-password");
  CHECK(pg.line == 8);
  CHECK(pg.secret == PercentEncode("Xq7!Lm2-Rv9"));
  CHECK(pg.encoding.empty());
}

TEST_CASE("a fully URL-encoded connection string is found percent-decoded") {
  const std::string url = "postgres://orders:Xq7!Lm2-Rv9@db.internal:5432/orders";
  const std::string text = "DATABASE_URL=" + PercentEncode(url) + "\n";
  const Finding f = Only(Shipped().Scan(text), "postgres-connection-string-password");
  CHECK(f.secret == "Xq7!Lm2-Rv9");
  CHECK(f.encoding == "percent");
  CHECK(f.offset == text.find("Xq7%21"));
}

TEST_CASE("a generic rule on a base64 value yields to the value it decodes to") {
  const std::string text = "kind: Secret\ndata:\n  password: " + Base64("Zq8!vLm2#Rt5Wx") + "\n";
  const auto found = Shipped().Scan(text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule->id == "generic-password-assignment");
  CHECK(found[0].secret == "Zq8!vLm2#Rt5Wx");
  CHECK(found[0].encoding == "base64");
  CHECK(found[0].line == 3);
  CHECK(found[0].column == 13);
}

TEST_CASE("a JWT's parts are not decoded and searched: the jwt rule already knows them") {
  // Decoded in place, the payload's JSON would sit inside the quotes around the token and a
  // generic rule would take "<header>.{" for a quoted token.
  const std::string header = Base64("{\"alg\":\"HS512\"}", true, false);
  const std::string payload = Base64("{\"sub\":\"svc-ingest\",\"tenant\":\"acme\"}", true, false);
  const std::string jwt = header + "." + payload + ".xicDLDnBC9d1-0pW5-_J6RM50t3G_HsKLtZEpO8GS";
  const auto found = Shipped().Scan("{\"access_token\": \"" + jwt + "\", \"expires\": 1}\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule->id == "jwt");
  CHECK(found[0].secret == jwt);
  CHECK(found[0].encoding.empty());
}

TEST_CASE("random mixtures of encodings decode within bounds, with tiny windows") {
  Harness h(TestRules(), 3);
  decode::DecodeLimits limits = h.content->decoder().limits();
  limits.window_bytes = 64;
  limits.window_overlap = 8;
  h.content->decoder().set_limits(limits);
  const std::string pieces[] = {Base64(kTok),
                                Base64("k: " + Base64(kTok)),
                                Hex("x " + kTok),
                                "\\u0074ok_a1b2c3d4e5f6g7h8",
                                "%74ok_a1b2c3d4e5f6g7h8",
                                "\\\"",
                                "\\",
                                "%",
                                "%4",
                                "\\u00",
                                "==",
                                "\n",
                                " ",
                                "QUJD",
                                kTok};
  std::uint64_t x = 12345;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int n = 1 + static_cast<int>(x % 40);
    for (int i = 0; i < n; ++i) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      text += pieces[x % 15];
    }
    const auto found = h.Scan(text);
    for (const auto& f : found) {
      INFO(text);
      CHECK(f.offset < text.size());
      CHECK(f.line >= 1);
      CHECK(f.end_line >= f.line);
      CHECK(f.secret == kTok);
    }
  }
  CHECK(h.decode_stats().windows_decoded > 0);
  CHECK(h.decode_stats().findings > 0);
}

TEST_CASE("base64 wrapped at 76 columns is joined, indented or not") {
  Harness h(TestRules());
  std::string plain;
  while (plain.size() < 300)
    plain += "some configuration text here; ";
  plain += "token = " + kTok + "\n";
  const std::string flat = Base64(plain);
  for (const std::string indent : {"", "    "}) {
    std::string wrapped = "cert: |\n";
    const std::size_t first_line = 2;
    for (std::size_t i = 0; i < flat.size(); i += 76)
      wrapped += indent + flat.substr(i, 76) + "\n";
    wrapped += "next: 1\n";
    const Finding f = Only(h.Scan(wrapped), "tok");
    CHECK(f.encoding == "base64");
    CHECK(f.line == first_line);
    CHECK(f.column == indent.size() + 1);
  }
}
