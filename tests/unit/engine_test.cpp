#include <zlib.h>

#include <catch2/catch.hpp>

#include "engine/database_cache.hpp"
#include "engine/hs_database.hpp"
#include "findings/content_scanner.hpp"
#include "rules/patterns_digest.hpp"
#include "rules/rule_set.hpp"
#include "sprawl/engine.hpp"
#include "support/temp_dir.hpp"
#include "support/test_rule.hpp"
#include "support/tokens.hpp"
#include "util/fs.hpp"
#include "util/sha256.hpp"

using namespace sprawl;

namespace {

std::vector<Finding> ScanText(const Engine& engine, const std::string& text) {
  Scanner scanner(engine);
  ContentScanner content(scanner, nullptr);
  std::vector<Finding> out;
  ScanStats stats;
  content.ScanAll(text, "mem", &out, &stats);
  return out;
}

}  // namespace

TEST_CASE("Hyperscan syntax conversion drops group names only") {
  CHECK(HsDatabase::ToHyperscanSyntax("(?P<secret>ab)c") == "(ab)c");
  CHECK(HsDatabase::ToHyperscanSyntax("\\(?P<x>") == "\\(?P<x>");
  CHECK(HsDatabase::ToHyperscanSyntax("(?i)a(b)") == "(?i)a(b)");
}

TEST_CASE("every hit is confirmed and captured with exact offsets") {
  RuleSet rules({test::TestRule("tok", "\\b(tok_[a-z0-9]{8})\\b")});
  auto engine = Engine::Create(rules, {});
  CHECK(engine->mode(0) == RuleMode::kHyperscan);
  const std::string text = "a tok_abc12345 b\nc tok_zzz99999\ntok_short tok_abc123456";
  auto found = ScanText(*engine, text);
  REQUIRE(found.size() == 2);
  CHECK(found[0].secret == "tok_abc12345");
  CHECK(found[0].line == 1);
  CHECK(found[0].column == 3);
  CHECK(found[0].end_column == 15);
  CHECK(found[0].offset == 2);
  CHECK(found[1].secret == "tok_zzz99999");
  CHECK(found[1].line == 2);
  CHECK(found[1].column == 3);
}

TEST_CASE("columns count code points, not bytes") {
  RuleSet rules({test::TestRule("tok", "\\b(tok_[a-z0-9]{8})\\b")});
  auto engine = Engine::Create(rules, {});
  auto found = ScanText(*engine, "é = \"tok_abc12345\"");
  REQUIRE(found.size() == 1);
  CHECK(found[0].column == 6);
  CHECK(found[0].offset == 6);
}

TEST_CASE("a pattern Hyperscan rejects still matches through RE2") {
  // (?U) swaps greediness: RE2 accepts it, Hyperscan does not.
  RuleSet rules({test::TestRule("ungreedy", "(?U)key=(k[a-z]+)\\.")});
  auto engine = Engine::Create(rules, {});
  CHECK(engine->mode(0) != RuleMode::kHyperscan);
  auto found = ScanText(*engine, "x key=kqwzrtx. y");
  REQUIRE(found.size() == 1);
  CHECK(found[0].secret == "kqwzrtx");
}

TEST_CASE("a pattern's branches capture the secret in secret, secret2: whichever matched") {
  // Quoted values may hold '.' and ':'; unquoted ones may not (code expressions).
  RuleSet rules({test::TestRule(
      "pw", "pw=(?:\"(?P<secret>[a-z0-9.:]{6,})\"|(?P<secret2>[a-z0-9]{6,})(?:\\s|$))")});
  auto engine = Engine::Create(rules, {});
  auto found = ScanText(*engine, "pw=\"ab.c9:xyz\"\npw=plain77\npw=not.quoted9\n");
  REQUIRE(found.size() == 2);
  CHECK(found[0].secret == "ab.c9:xyz");
  CHECK(found[0].line == 1);
  CHECK(found[0].column == 5);
  CHECK(found[1].secret == "plain77");
  CHECK(found[1].line == 2);
  CHECK(found[1].column == 4);
}

TEST_CASE("RE2-only rules are listed once and searched beside the database's hits") {
  RuleSet rules({test::TestRule("plain", "tok_([a-z]{8})\\b"),
                 test::TestRule("ungreedy", "(?U)key=(k[a-z]+)\\.")});
  auto engine = Engine::Create(rules, {});
  REQUIRE(engine->mode(0) == RuleMode::kHyperscan);
  REQUIRE(engine->mode(1) == RuleMode::kRe2Only);
  CHECK(engine->re2_only_rules() == std::vector<std::uint32_t>{1});
  auto found = ScanText(*engine, "tok_qzmwxkrv key=kqwzrtx. y");
  REQUIRE(found.size() == 2);
  CHECK(found[0].secret == "qzmwxkrv");
  CHECK(found[1].secret == "kqwzrtx");
}

TEST_CASE("many rules share one database and each finds its own secret") {
  std::vector<Rule> list;
  for (int i = 0; i < 50; ++i) {
    list.push_back(
        test::TestRule("r" + std::to_string(i), "\\b(p" + std::to_string(i) + "x_[A-Z]{6})\\b"));
  }
  RuleSet rules(list);
  auto engine = Engine::Create(rules, {});
  auto found = ScanText(*engine, "p7x_ABQDEZ p42x_QWERTZ p7x_AB");
  REQUIRE(found.size() == 2);
  CHECK(found[0].rule->id == "r7");
  CHECK(found[1].rule->id == "r42");
}

TEST_CASE("a generic rule yields to a specific rule on the same span") {
  Rule generic = test::TestRule("generic-token", "token\\s*=\\s*\"([^\"]{8,})\"");
  generic.tags = {"generic"};
  RuleSet rules({test::TestRule("tok", "\\b(tok_[a-z0-9]{8})\\b"), generic});
  auto engine = Engine::Create(rules, {});
  auto found = ScanText(*engine, "token = \"tok_abc12345\"\ntoken = \"Zq8rT5wLm2\"");
  REQUIRE(found.size() == 2);
  CHECK(found[0].rule->id == "tok");
  CHECK(found[1].rule->id == "generic-token");
  CHECK(found[1].secret == "Zq8rT5wLm2");
}

TEST_CASE("of two generic rules on one span, the more confident reports it") {
  // A JWT rule knows a format; an assignment rule only that something was assigned.
  Rule assigned = test::TestRule("assigned", "token\\s*=\\s*\"([^\"]{8,})\"");
  assigned.tags = {"generic"};
  assigned.confidence = Confidence::kLow;
  Rule format = test::TestRule("format", "\\b(fmt\\.[a-z0-9]{8}\\.[a-z0-9]{8})\\b");
  format.tags = {"generic"};
  format.confidence = Confidence::kMedium;
  for (const bool format_first : {true, false}) {
    RuleSet rules(format_first ? std::vector<Rule>{format, assigned}
                               : std::vector<Rule>{assigned, format});
    auto engine = Engine::Create(rules, {});
    auto found = ScanText(*engine, "token = \"fmt.k2j4h6g8.q1w3e5r7\"\ntoken = \"Zq8rT5wLm2\"");
    INFO("format rule first: " << format_first);
    REQUIRE(found.size() == 2);
    CHECK(found[0].rule->id == "format");
    CHECK(found[1].rule->id == "assigned");
    CHECK(found[1].secret == "Zq8rT5wLm2");
  }
}

TEST_CASE("of two specific rules on one secret, the one that matched more context wins") {
  // `bare` knows only the token shape; `keyed` also needs the provider's keyword before it.
  RuleSet rules({test::TestRule("bare", "\\b(sk_live_[A-Za-z0-9]{12})\\b"),
                 test::TestRule("keyed", "(?i)clerk[\\w]{0,20}=(sk_live_[A-Za-z0-9]{12})\\b")});
  auto engine = Engine::Create(rules, {});
  auto keyed = ScanText(*engine, "CLERK_SECRET_KEY=sk_live_Q7w2Er9tY4uI\n");
  REQUIRE(keyed.size() == 1);
  CHECK(keyed[0].rule->id == "keyed");
  auto bare = ScanText(*engine, "PAYMENTS_KEY=sk_live_Q7w2Er9tY4uI\n");
  REQUIRE(bare.size() == 1);
  CHECK(bare[0].rule->id == "bare");
}

TEST_CASE("two specific rules with the same evidence both report") {
  RuleSet rules({test::TestRule("one", "\\b(tok_[a-z0-9]{8})\\b"),
                 test::TestRule("two", "\\b(tok_[a-z0-9]{8})\\b")});
  auto engine = Engine::Create(rules, {});
  auto found = ScanText(*engine, "x = tok_q7w2e9t4\n");
  REQUIRE(found.size() == 2);
}

TEST_CASE("findings carry hashes, redaction and a line-independent fingerprint") {
  RuleSet rules({test::TestRule("tok", "\\b(tok_[a-z0-9]{8})\\b")});
  auto engine = Engine::Create(rules, {});
  auto a = ScanText(*engine, "tok_abc12345");
  auto b = ScanText(*engine, "\n\n\n   tok_abc12345");
  REQUIRE(a.size() == 1);
  REQUIRE(b.size() == 1);
  CHECK(a[0].fingerprint == b[0].fingerprint);
  CHECK(a[0].secret_sha256 == Sha256Hex("tok_abc12345"));
  CHECK(a[0].redacted == "tok…");
  CHECK(a[0].redacted.find("abc12345") == std::string::npos);
}

TEST_CASE("the compiled database is cached and a corrupt cache is rebuilt") {
  test::TempDir cache;
  RuleSet rules({test::TestRule("tok", "\\b(tok_[a-z0-9]{8})\\b")});
  EngineOptions opts;
  opts.cache_dir = cache.path();
  auto first = Engine::Create(rules, opts);
  CHECK_FALSE(first->loaded_from_cache());
  const std::string path = DatabaseCachePath(cache.path(), rules.rules());
  REQUIRE(ReadWholeFile(path).has_value());

  auto second = Engine::Create(rules, opts);
  CHECK(second->loaded_from_cache());
  CHECK(ScanText(*second, "tok_abc12345").size() == 1);

  // Flip a byte in the middle of the database: detected, recompiled, rewritten.
  std::string bytes = *ReadWholeFile(path);
  bytes[bytes.size() / 2] ^= 0x5a;
  REQUIRE(WriteFileAtomic(path, bytes));
  auto third = Engine::Create(rules, opts);
  CHECK_FALSE(third->loaded_from_cache());
  CHECK(ScanText(*third, "tok_abc12345").size() == 1);
  auto fourth = Engine::Create(rules, opts);
  CHECK(fourth->loaded_from_cache());

  // A truncated file is also rejected.
  REQUIRE(WriteFileAtomic(path, bytes.substr(0, 10)));
  CHECK_FALSE(Engine::Create(rules, opts)->loaded_from_cache());

  // The database is used in place from the mapped file. sprawl's checksum covers only its
  // own header page; Hyperscan checks the database after it. So a file whose header
  // checksum matches but whose database header, length or bytecode is wrong must not be
  // used.
  auto with_checksum = [](std::string body) {
    const auto crc =
        static_cast<std::uint32_t>(crc32(0L, reinterpret_cast<const Bytef*>(body.data()), 4096));
    return body + std::string(reinterpret_cast<const char*>(&crc), sizeof crc);
  };
  const std::string good = *ReadWholeFile(path);
  REQUIRE(good.size() > 4096 + 64 + 4);
  std::string body = good.substr(0, good.size() - 4);
  REQUIRE(with_checksum(body) == good);
  std::string bad_header = body;
  bad_header[4096] ^= 0x5a;
  REQUIRE(WriteFileAtomic(path, with_checksum(bad_header)));
  CHECK_FALSE(Engine::Create(rules, opts)->loaded_from_cache());
  REQUIRE(WriteFileAtomic(path, with_checksum(body.substr(0, body.size() - 64))));
  CHECK_FALSE(Engine::Create(rules, opts)->loaded_from_cache());
  const size_t image = body.size() - 4096;  // the database, after sprawl's header page
  for (size_t at : {4096 + image / 2, 4096 + image * 3 / 4}) {
    std::string bad_bytecode = body;
    bad_bytecode[at] ^= 0x01;
    REQUIRE(WriteFileAtomic(path, with_checksum(bad_bytecode)));
    auto rebuilt = Engine::Create(rules, opts);
    CHECK_FALSE(rebuilt->loaded_from_cache());
    CHECK(ScanText(*rebuilt, "tok_abc12345").size() == 1);
  }
  REQUIRE(WriteFileAtomic(path, with_checksum(body)));
  auto restored = Engine::Create(rules, opts);
  CHECK(restored->loaded_from_cache());
  CHECK(ScanText(*restored, "tok_abc12345").size() == 1);
}

TEST_CASE("different rules use different cache entries") {
  RuleSet a({test::TestRule("tok", "\\b(tok_[a-z0-9]{8})\\b")});
  RuleSet b({test::TestRule("tok", "\\b(tok_[a-z0-9]{9})\\b")});
  CHECK(DatabaseKey(a.rules()) != DatabaseKey(b.rules()));
}

// The built-in rules' key comes from the digest the build computed (so a clean scan does
// not load libcrypto): it must be the digest of the patterns as the binary holds them, and
// any change to the rule list must compute its own.
TEST_CASE("the built-in rules' patterns digest is the build's, and only for those patterns") {
  RuleSet built_in = RuleSet::Embedded(RuleSet::Parts{false, false});
  const auto digest = BuiltInPatternsDigest(built_in.rules());
  REQUIRE(digest.has_value());
  CHECK(*digest == PatternsDigest(built_in.rules()));

  std::vector<Rule> changed = built_in.rules();
  changed.back().pattern += "x";
  CHECK_FALSE(BuiltInPatternsDigest(changed).has_value());
  CHECK(DatabaseKey(changed) != DatabaseKey(built_in.rules()));
  std::vector<Rule> fewer(built_in.rules().begin() + 1, built_in.rules().end());
  CHECK_FALSE(BuiltInPatternsDigest(fewer).has_value());
  std::vector<Rule> reordered = built_in.rules();
  std::swap(reordered.front(), reordered.back());
  CHECK_FALSE(BuiltInPatternsDigest(reordered).has_value());
  CHECK(DatabaseKey(reordered) != DatabaseKey(built_in.rules()));
}
