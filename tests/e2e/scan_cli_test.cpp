// End-to-end: the built binary run against real files in temp directories.
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <openssl/sha.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"
#include "support/tokens.hpp"

using namespace sprawl;
using Catch::Matchers::Contains;
using test::RunSprawl;

namespace {

// Every test runs with its own cache dir so results never depend on a user's cache.
// The compiled database is shared by all end-to-end tests through one cache directory in
// the build tree (writes are atomic renames), so each test does not recompile it.
nlohmann::json ParseJson(const std::string& s) {
  return nlohmann::json::parse(s);
}

}  // namespace

TEST_CASE("scan reports findings with exit code 1 and nothing with exit code 0") {
  test::TempDir dir, cache;
  const std::string token = test::MakeGithubStyleToken("ghp_", 11);
  dir.Write("app/config.env", "DEBUG=1\nGITHUB_TOKEN=" + token + "\n");
  dir.Write("clean/readme.md", "nothing to see here\n");

  auto r = RunSprawl({"scan", dir / "app", "-f", "json"}, "", test::CliEnv());
  CHECK(r.exit_code == 1);
  auto doc = ParseJson(r.out);
  CHECK(doc["version"] == 1);
  REQUIRE(doc["findings"].size() == 1);
  const auto& f = doc["findings"][0];
  CHECK(f["rule_id"] == "github-pat-classic");
  CHECK(f["path"] == dir / "app/config.env");
  CHECK(f["line"] == 2);
  CHECK(f["column"] == 14);
  CHECK(f["end_line"] == 2);
  CHECK(f["end_column"] == 14 + 40);
  CHECK(f["checksum"] == "valid");
  CHECK(f["confidence"] == "high");
  CHECK(f["secret_sha256"].get<std::string>().size() == 64);
  CHECK_FALSE(f["revocation"].get<std::string>().empty());
  CHECK_FALSE(f.contains("secret"));  // only with --reveal
  CHECK(r.out.find(token) == std::string::npos);
  CHECK(doc["stats"]["files_scanned"] == 1);

  auto clean = RunSprawl({"scan", dir / "clean"}, "", test::CliEnv());
  CHECK(clean.exit_code == 0);
  CHECK(clean.out.empty());
  CHECK_THAT(clean.err, Contains("0 findings"));
}

// libcrypto (and libzip, which needs it) are loaded on first use (util/shared_library.hpp):
// a clean scan with the built-in rules hashes nothing, a finding is hashed. The dynamic
// loader's own trace says what it loaded.
TEST_CASE("scan loads libcrypto to hash a finding, and not for a clean scan") {
  test::TempDir dir;
  dir.Write("clean.py", "DEBUG = True\n");
  const std::string token = test::MakeGithubStyleToken("ghp_", 12);
  dir.Write("leak.env", "GITHUB_TOKEN=" + token + "\n");
  auto env = test::CliEnv();
  env["LD_DEBUG"] = "files";

  const auto clean = RunSprawl({"scan", dir / "clean.py", "-q"}, "", env);
  CHECK(clean.exit_code == 0);
  CHECK(clean.err.find("file=libcrypto") == std::string::npos);
  CHECK(clean.err.find("file=libzip") == std::string::npos);

  const auto leak = RunSprawl({"scan", dir / "leak.env", "-q", "-f", "jsonl"}, "", env);
  CHECK(leak.exit_code == 1);
  CHECK_THAT(leak.err, Contains("file=libcrypto"));
  // the loaded functions are wired right: the hash is OpenSSL's SHA-256 of the token
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(token.data()), token.size(), digest);
  std::string hex;
  for (unsigned char b : digest)
    hex += fmt::format("{:02x}", b);
  CHECK(ParseJson(leak.out.substr(0, leak.out.find('\n')))["secret_sha256"] == hex);
}

TEST_CASE("a token with a wrong checksum is not a finding") {
  test::TempDir dir, cache;
  dir.Write("a.txt", "token: " + test::MakeGithubStyleToken("ghp_", 12, false) + "\n");
  auto r = RunSprawl({"scan", dir.path(), "-f", "json"}, "", test::CliEnv());
  CHECK(r.exit_code == 0);
  CHECK(ParseJson(r.out)["stats"]["filtered"]["checksum"] == 1);
}

TEST_CASE("secrets are redacted in human output unless --reveal") {
  test::TempDir dir, cache;
  const std::string token = test::MakeSlackBotToken(3);
  dir.Write("bot.py", "SLACK = \"" + token + "\"\n");
  auto hidden = RunSprawl({"scan", dir.path()}, "", test::CliEnv());
  CHECK(hidden.exit_code == 1);
  CHECK_THAT(hidden.out, Contains("slack-bot-token"));
  CHECK_THAT(hidden.out, Contains("revoke:"));
  CHECK(hidden.out.find(token) == std::string::npos);
  auto shown = RunSprawl({"scan", dir.path(), "--reveal"}, "", test::CliEnv());
  CHECK_THAT(shown.out, Contains(token));
  auto json = RunSprawl({"scan", dir.path(), "-f", "json", "--reveal"}, "", test::CliEnv());
  CHECK(ParseJson(json.out)["findings"][0]["secret"] == token);
}

TEST_CASE("output is identical with 1 and 8 threads") {
  test::TempDir dir, cache;
  for (int i = 0; i < 60; ++i) {
    std::string body;
    for (int j = 0; j < 20; ++j)
      body += "let x" + std::to_string(j) + " = compute(" + std::to_string(i * j) + ");\n";
    if (i % 3 == 0) body += "const t = \"" + test::MakeGithubStyleToken("ghp_", 100 + i) + "\";\n";
    if (i % 5 == 0) body += "slack: " + test::MakeSlackBotToken(200 + i) + "\n";
    dir.Write("src/mod" + std::to_string(i % 7) + "/file" + std::to_string(i) + ".js", body);
  }
  for (const char* format : {"json", "jsonl", "sarif", "human"}) {
    auto one = RunSprawl({"scan", dir.path(), "-j", "1", "-f", format}, "", test::CliEnv());
    auto eight = RunSprawl({"scan", dir.path(), "-j", "8", "-f", format}, "", test::CliEnv());
    INFO(format);
    CHECK(one.exit_code == 1);
    if (std::string(format) == "json") {
      // Stats carry timing-free counters only; the documents must match exactly.
      CHECK(ParseJson(one.out)["findings"] == ParseJson(eight.out)["findings"]);
      CHECK(ParseJson(one.out)["findings"].size() == 20 + 12);
    } else {
      CHECK(one.out == eight.out);
    }
  }
}

TEST_CASE("jsonl prints one finding per line") {
  test::TempDir dir, cache;
  dir.Write("a.env", "A=" + test::MakeGithubStyleToken("ghp_", 1) +
                         "\nB=" + test::MakeGithubStyleToken("gho_", 2) + "\n");
  auto r = RunSprawl({"scan", dir.path(), "-f", "jsonl"}, "", test::CliEnv());
  std::istringstream lines(r.out);
  std::string line;
  std::vector<nlohmann::json> docs;
  while (std::getline(lines, line))
    docs.push_back(ParseJson(line));
  REQUIRE(docs.size() == 2);
  CHECK(docs[0]["rule_id"] == "github-pat-classic");
  CHECK(docs[1]["rule_id"] == "github-oauth-access-token");
  CHECK(docs[1]["line"] == 2);
}

TEST_CASE("SARIF output has rules, locations, fingerprints and severities") {
  test::TempDir dir, cache;
  dir.Write("dir with space/k.yml", "token: " + test::MakeGithubStyleToken("ghp_", 5) + "\n");
  auto r = RunSprawl({"scan", ".", "-f", "sarif", "-o", "out.sarif"}, dir.path(), test::CliEnv());
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  std::ifstream in(dir / "out.sarif");
  auto doc = nlohmann::json::parse(in);
  CHECK(doc["version"] == "2.1.0");
  const auto& run = doc["runs"][0];
  REQUIRE(run["tool"]["driver"]["rules"].size() == 1);
  const auto& rule = run["tool"]["driver"]["rules"][0];
  CHECK(rule["id"] == "github-pat-classic");
  CHECK(rule["properties"]["security-severity"] == "9.5");
  CHECK_THAT(rule["help"]["text"].get<std::string>(), Contains("Revocation"));
  REQUIRE(run["results"].size() == 1);
  const auto& res = run["results"][0];
  CHECK(res["ruleIndex"] == 0);
  const auto& loc = res["locations"][0]["physicalLocation"];
  CHECK(loc["artifactLocation"]["uri"] == "dir%20with%20space/k.yml");
  CHECK(loc["region"]["startLine"] == 1);
  CHECK(loc["region"]["startColumn"] == 8);
  CHECK(res["partialFingerprints"]["sprawl/v1"].get<std::string>().size() == 32);
}

TEST_CASE("test-mode keys are reported only when asked") {
  test::TempDir dir;
  dir.Write("app/.env", "STRIPE_SECRET_KEY=sk_test_51HqLyjWDarjtT1zdp7dcQ2mN8vR4tKzXb9\n");
  auto quiet = RunSprawl({"scan", "app", "-f", "json"}, dir.path(), test::CliEnv());
  CHECK(quiet.exit_code == 0);
  CHECK(ParseJson(quiet.out)["findings"].empty());
  auto flag =
      RunSprawl({"scan", "app", "-f", "json", "--include-test-keys"}, dir.path(), test::CliEnv());
  CHECK(flag.exit_code == 1);
  auto found = ParseJson(flag.out)["findings"];
  REQUIRE(found.size() == 1);
  CHECK(found[0]["rule_id"] == "stripe-test-secret-key");
  dir.Write("app/.sprawl.yml", "rules:\n  include_test_keys: true\n");
  auto config = RunSprawl({"scan", "app", "-f", "json"}, dir.path(), test::CliEnv());
  CHECK(config.exit_code == 1);
  CHECK(ParseJson(config.out)["findings"].size() == 1);
  dir.Write("app/.sprawl.yml", "rules:\n  include_test_keys: sometimes\n");
  auto bad = RunSprawl({"scan", "app", "-f", "json"}, dir.path(), test::CliEnv());
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Contains(".sprawl.yml:2:") && Contains("include_test_keys"));
}

TEST_CASE("a repository's .git/config is scanned, the rest of .git is not") {
  test::TempDir dir;
  const std::string in_config = test::MakeGithubStyleToken("ghs_", 31);
  dir.Write(".git/config", "[remote \"origin\"]\n\turl = https://x-access-token:" + in_config +
                               "@github.com/acme/api.git\n");
  dir.Write(".git/FETCH_HEAD", "T=" + test::MakeGithubStyleToken("ghp_", 32) + "\n");
  dir.Write(".git/objects/ab/cdef", "T=" + test::MakeGithubStyleToken("ghp_", 33) + "\n");
  dir.Write("sub/.git/config", "T=" + test::MakeGithubStyleToken("ghp_", 34) + "\n");
  auto r = RunSprawl({"scan", ".", "-f", "json", "--reveal"}, dir.path(), test::CliEnv());
  auto doc = ParseJson(r.out);
  REQUIRE(doc["findings"].size() == 2);
  CHECK(doc["findings"][0]["path"] == ".git/config");
  CHECK(doc["findings"][0]["secret"] == in_config);
  CHECK(doc["findings"][1]["path"] == "sub/.git/config");
}

TEST_CASE(".gitignore is respected unless --no-ignore") {
  test::TempDir dir, cache;
  dir.Write(".gitignore", "ignored/\n*.secret\n!keep.secret\n");
  dir.Write("ignored/a.env", "T=" + test::MakeGithubStyleToken("ghp_", 21) + "\n");
  dir.Write("x.secret", "T=" + test::MakeGithubStyleToken("ghp_", 22) + "\n");
  dir.Write("keep.secret", "T=" + test::MakeGithubStyleToken("ghp_", 23) + "\n");
  dir.Write("sub/.gitignore", "local.env\n");
  dir.Write("sub/local.env", "T=" + test::MakeGithubStyleToken("ghp_", 24) + "\n");
  auto r = RunSprawl({"scan", ".", "-f", "json"}, dir.path(), test::CliEnv());
  auto doc = ParseJson(r.out);
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["path"] == "keep.secret");
  auto all = RunSprawl({"scan", ".", "-f", "json", "--no-ignore"}, dir.path(), test::CliEnv());
  CHECK(ParseJson(all.out)["findings"].size() == 4);
  // A file named explicitly is scanned even if ignored.
  auto named = RunSprawl({"scan", "x.secret", "-f", "json"}, dir.path(), test::CliEnv());
  CHECK(ParseJson(named.out)["findings"].size() == 1);
}

TEST_CASE("binary and oversized files are skipped, counted and reported") {
  test::TempDir dir, cache;
  const std::string tok = test::MakeGithubStyleToken("ghp_", 31);
  dir.Write("image.bin", std::string("\x89PNG\0\0", 6) + tok);
  dir.Write("huge.log", std::string(3000, 'a') + "\n" + tok + "\n");
  dir.Write("ok.txt", "nothing\n");
  auto r =
      RunSprawl({"scan", dir.path(), "-f", "json", "--max-file-size", "2KiB"}, "", test::CliEnv());
  CHECK(r.exit_code == 0);
  auto doc = ParseJson(r.out);
  CHECK(doc["stats"]["skipped_binary"] == 1);
  CHECK(doc["stats"]["skipped_too_large"] == 1);
  CHECK(doc["stats"]["files_scanned"] == 1);
  CHECK_THAT(r.err, Contains("huge.log") && Contains("exceeds --max-file-size"));
  CHECK_THAT(r.err, Contains("1 binary") && Contains("1 too large"));
}

TEST_CASE("symlinks are not followed by default, loops are detected when following") {
  test::TempDir dir, cache;
  dir.Write("real/a.env", "T=" + test::MakeGithubStyleToken("ghp_", 41) + "\n");
  std::filesystem::create_directory_symlink(dir / "real", dir / "link");
  std::filesystem::create_directory_symlink(dir.path(), dir / "real/loop");
  auto r = RunSprawl({"scan", ".", "-f", "json"}, dir.path(), test::CliEnv());
  auto doc = ParseJson(r.out);
  CHECK(doc["findings"].size() == 1);
  CHECK(doc["stats"]["skipped_symlinks"] == 2);
  auto follow = RunSprawl({"scan", ".", "-f", "json", "-L"}, dir.path(), test::CliEnv());
  CHECK(follow.exit_code == 1);
  CHECK(ParseJson(follow.out)["findings"].size() == 1);  // each directory visited once
  CHECK_THAT(follow.err, Contains("symlink loop"));
}

TEST_CASE("bad input: each case has a clear message and a documented exit code") {
  test::TempDir dir, cache;
  SECTION("nonexistent path") {
    auto r = RunSprawl({"scan", dir / "nope"}, "", test::CliEnv());
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("nope") && Contains("No such file"));
  }
  SECTION("unknown flag") {
    auto r = RunSprawl({"scan", "--bogus"}, "", test::CliEnv());
    CHECK(r.exit_code == 2);
  }
  SECTION("bad YAML in the config names file and line") {
    dir.Write(".sprawl.yml", "allowlist:\n  paths: [unclosed\n");
    auto r = RunSprawl({"scan", "."}, dir.path(), test::CliEnv());
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains(".sprawl.yml:"));
  }
  SECTION("bad regex in a custom rule names file and line") {
    dir.Write("rules/bad.yml",
              "rules:\n  - id: bad-rule\n    name: b\n    provider: p\n    pattern: '(x'\n"
              "    entropy: 0\n    confidence: low\n    references: [https://x.example]\n"
              "    revocation: r\n    examples:\n      - {input: x, secret: x}\n");
    auto r = RunSprawl({"scan", ".", "--rules", "rules"}, dir.path(), test::CliEnv());
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("rules/bad.yml:2:") && Contains("does not compile"));
  }
  SECTION("unreadable file warns and the scan goes on") {
    // /proc/self/mem fails to read at offset 0 for everyone, root included.
    dir.Write("a.env", "T=" + test::MakeGithubStyleToken("ghp_", 51) + "\n");
    auto r = RunSprawl({"scan", "/proc/self/mem", dir.path(), "-f", "json"}, "", test::CliEnv());
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains("cannot read /proc/self/mem"));
    CHECK(ParseJson(r.out)["stats"]["read_errors"] == 1);
  }
  SECTION("invalid UTF-8 around a secret") {
    dir.Write("bad.txt", std::string("\xff\xfe\xc3 token=") +
                             test::MakeGithubStyleToken("ghp_", 52) + " \xe2\x82\n");
    auto r = RunSprawl({"scan", dir.path(), "-f", "json"}, "", test::CliEnv());
    CHECK(r.exit_code == 1);
    auto doc = ParseJson(r.out);
    CHECK(doc["findings"][0]["column"] == 11);
  }
  SECTION("file names with newlines and escape sequences are escaped") {
    const std::string name = "evil\n\x1b[31mname\x07.env";
    dir.Write(name, "T=" + test::MakeGithubStyleToken("ghp_", 53) + "\n");
    auto r = RunSprawl({"scan", dir.path()}, "", test::CliEnv());
    CHECK(r.exit_code == 1);
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.out.find('\x07') == std::string::npos);
    CHECK_THAT(r.out, Contains("evil\\n\\x1b[31mname\\x07.env"));
    auto json = RunSprawl({"scan", dir.path(), "-f", "json"}, "", test::CliEnv());
    CHECK(ParseJson(json.out)["findings"][0]["path"] == dir / name);
  }
}

TEST_CASE("colour only on request or a terminal, and never with NO_COLOR") {
  test::TempDir dir, cache;
  dir.Write("a.env", "T=" + test::MakeGithubStyleToken("ghp_", 61) + "\n");
  auto plain = RunSprawl({"scan", dir.path()}, "", test::CliEnv());
  CHECK(plain.out.find('\x1b') == std::string::npos);
  auto forced = RunSprawl({"scan", dir.path(), "--color", "always"}, "", test::CliEnv());
  CHECK(forced.out.find("\x1b[") != std::string::npos);
}

TEST_CASE("sprawl:allow on the line suppresses a finding") {
  test::TempDir dir, cache;
  dir.Write("a.py", "A = '" + test::MakeGithubStyleToken("ghp_", 71) +
                        "'  # sprawl:allow test key\nB = '" +
                        test::MakeGithubStyleToken("ghp_", 72) + "'\n");
  auto r = RunSprawl({"scan", dir.path(), "-f", "json"}, "", test::CliEnv());
  auto doc = ParseJson(r.out);
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["line"] == 2);
  CHECK(doc["stats"]["filtered"]["allow_comment"] == 1);
}

TEST_CASE(".sprawl.yml disables rules, allowlists paths and secrets, and sets limits") {
  test::TempDir dir, cache;
  const std::string gh = test::MakeGithubStyleToken("ghp_", 81);
  const std::string slack = test::MakeSlackBotToken(82);
  dir.Write("fixtures/a.env", "T=" + gh + "\n");
  dir.Write("src/b.env", "T=" + gh + "\nS=" + slack + "\n");
  dir.Write("src/big.txt", std::string(2048, 'x'));
  auto before = RunSprawl({"scan", ".", "-f", "json"}, dir.path(), test::CliEnv());
  auto doc = ParseJson(before.out);
  REQUIRE(doc["findings"].size() == 3);
  const std::string slack_hash = doc["findings"][2]["secret_sha256"];

  dir.Write(".sprawl.yml",
            "rules:\n  disable: [github-pat-classic]\nallowlist:\n  paths: [fixtures/]\n"
            "  secrets: [" +
                slack_hash + "]\nlimits:\n  max_file_size: 1KiB\n");
  auto after = RunSprawl({"scan", ".", "-f", "json"}, dir.path(), test::CliEnv());
  CHECK(after.exit_code == 0);
  auto doc2 = ParseJson(after.out);
  CHECK(doc2["findings"].empty());
  CHECK(doc2["stats"]["skipped_allowlisted_paths"] == 1);
  CHECK(doc2["stats"]["filtered"]["allowlist"] == 1);
  CHECK(doc2["stats"]["skipped_too_large"] == 1);

  // --no-config restores the defaults.
  auto ignored = RunSprawl({"scan", ".", "-f", "json", "--no-config"}, dir.path(), test::CliEnv());
  CHECK(ParseJson(ignored.out)["findings"].size() == 3);
}

TEST_CASE("custom rules add to and override the built-in rules") {
  test::TempDir dir, cache;
  dir.Write("rules/acme.yml",
            "rules:\n  - id: acme-key\n    name: Acme key\n    provider: Acme\n"
            "    pattern: '\\b(acme_[a-z0-9]{12})\\b'\n    entropy: 2.5\n    confidence: high\n"
            "    references: [https://acme.example.com]\n    revocation: Revoke it.\n"
            "    examples:\n      - {input: 'k = acme_q1w2e3r4t5y6', secret: acme_q1w2e3r4t5y6}\n"
            "    negative_examples: ['acme_short']\n");
  dir.Write("src/a.txt", "key acme_z9x8c7v6b5n4\n");
  auto r = RunSprawl({"scan", "src", "--rules", "rules", "-f", "json"}, dir.path(), test::CliEnv());
  CHECK(r.exit_code == 1);
  CHECK(ParseJson(r.out)["findings"][0]["rule_id"] == "acme-key");
  auto check = RunSprawl({"rules", "check", "rules"}, dir.path(), test::CliEnv());
  CHECK(check.exit_code == 0);
  CHECK_THAT(check.out, Contains("1 rules, 1 examples, 1 negative examples: all passed"));
}
