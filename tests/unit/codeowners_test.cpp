// CODEOWNERS parsing and matching, GitHub and GitLab syntax.
#include <catch2/catch.hpp>

#include "owners/codeowners.hpp"

using namespace sprawl::owners;

namespace {

// Owners of `path` across all matching sections, in order.
std::vector<std::string> OwnersOf(const CodeownersIndex& index, const std::string& path) {
  std::vector<std::string> out;
  for (const auto& m : index.Match(path))
    out.insert(out.end(), m.owners.begin(), m.owners.end());
  return out;
}

using Owners = std::vector<std::string>;

}  // namespace

TEST_CASE("codeowners patterns: gitignore-style, relative to the root") {
  CHECK(CodeownersPatternMatches("*", "a/b/c.txt"));
  CHECK(CodeownersPatternMatches("*.js", "src/app/main.js"));
  CHECK_FALSE(CodeownersPatternMatches("*.js", "src/app/main.ts"));
  CHECK(CodeownersPatternMatches("/build/logs/", "build/logs/x/y.log"));
  CHECK_FALSE(CodeownersPatternMatches("/build/logs/", "src/build/logs/y.log"));
  CHECK(CodeownersPatternMatches("apps/", "apps/a.txt"));
  CHECK(CodeownersPatternMatches("apps/", "deep/apps/a.txt"));
  CHECK_FALSE(CodeownersPatternMatches("apps/", "apps"));  // a file named apps
  CHECK(CodeownersPatternMatches("docs/*", "docs/getting-started.md"));
  CHECK_FALSE(CodeownersPatternMatches("docs/*", "docs/build-app/troubleshooting.md"));
  CHECK(CodeownersPatternMatches("docs/**", "docs/build-app/troubleshooting.md"));
  CHECK(CodeownersPatternMatches("**/logs", "a/b/logs/x.txt"));
  CHECK(CodeownersPatternMatches("/scripts/**/deploy.sh", "scripts/deploy.sh"));
  CHECK(CodeownersPatternMatches("/scripts/**/deploy.sh", "scripts/ci/prod/deploy.sh"));
  CHECK_FALSE(CodeownersPatternMatches("/scripts/**/deploy.sh", "tools/scripts/deploy.sh"));
  CHECK(CodeownersPatternMatches("config", "srv/config/app.yml"));  // a directory anywhere
  CHECK(CodeownersPatternMatches("/config.yml", "config.yml"));
  CHECK_FALSE(CodeownersPatternMatches("/config.yml", "sub/config.yml"));
  CHECK(CodeownersPatternMatches("src/*.c", "src/main.c"));
  CHECK_FALSE(CodeownersPatternMatches("src/*.c", "lib/src/main.c"));  // inner slash anchors
  CHECK(CodeownersPatternMatches("file?.txt", "file1.txt"));
  CHECK(CodeownersPatternMatches("\\#notes.md", "#notes.md"));
  CHECK(CodeownersPatternMatches("my\\ file.txt", "dir/my file.txt"));
}

TEST_CASE("codeowners GitHub syntax: last match wins, comments, no owners unsets") {
  std::vector<std::string> warnings;
  auto index = CodeownersIndex::Parse(
      "# default owners\n"
      "*       @org/everyone\n"
      "\n"
      "*.go    @gopher alice@example.com  # inline comment\n"
      "/infra/ @org/platform\n"
      "/infra/generated/\n"
      "\\#odd  @hash-owner\n",
      "CODEOWNERS", &warnings);
  CHECK(warnings.empty());
  CHECK(OwnersOf(index, "README.md") == Owners{"@org/everyone"});
  CHECK(OwnersOf(index, "cmd/main.go") == Owners{"@gopher", "alice@example.com"});
  CHECK(OwnersOf(index, "infra/main.go") == Owners{"@org/platform"});  // later line wins
  CHECK(OwnersOf(index, "infra/generated/x.tf").empty());              // unset by a bare pattern
  CHECK(OwnersOf(index, "#odd") == Owners{"@hash-owner"});
  auto m = index.Match("infra/main.go");
  REQUIRE(m.size() == 1);
  CHECK(m[0].line == 5);
  CHECK(m[0].section.empty());
}

TEST_CASE("codeowners malformed lines are skipped with a warning naming file and line") {
  std::vector<std::string> warnings;
  auto index = CodeownersIndex::Parse(
      "*.py @python\n"
      "*.rb not-an-owner\n"
      "!*.md @docs\n"
      "[Broken\n"
      "[Sec][x] @a\n"
      "*.rb @ruby\n",
      ".github/CODEOWNERS", &warnings);
  REQUIRE(warnings.size() == 4);
  CHECK(warnings[0] == ".github/CODEOWNERS:2: invalid owner 'not-an-owner', line skipped");
  CHECK(warnings[1].rfind(".github/CODEOWNERS:3: negated patterns", 0) == 0);
  CHECK(warnings[2].rfind(".github/CODEOWNERS:4: malformed section header", 0) == 0);
  CHECK(warnings[3].rfind(".github/CODEOWNERS:5: malformed approval count", 0) == 0);
  CHECK(OwnersOf(index, "a.rb") == Owners{"@ruby"});
  CHECK(OwnersOf(index, "a.py") == Owners{"@python"});
  CHECK(OwnersOf(index, "a.md").empty());
}

TEST_CASE("codeowners GitLab sections: evaluated independently and combined") {
  std::vector<std::string> warnings;
  auto index = CodeownersIndex::Parse(
      "* @root-owner\n"
      "[Backend] @backend-team\n"
      "*.rb\n"
      "/app/payments/ @payments\n"
      "^[Docs][2] @tech-writers\n"
      "*.md\n"
      "[Security]\n"
      "/app/ @security @@maintainer\n"
      "/app/public/\n"
      "[backend]\n"
      "/lib/ @lib-team\n",
      ".gitlab/CODEOWNERS", &warnings);
  CHECK(warnings.empty());
  REQUIRE(index.sections().size() == 4);  // unnamed, Backend (merged), Docs, Security
  CHECK(index.sections()[2].optional);
  CHECK(index.sections()[2].approvals == 2);
  CHECK(index.sections()[1].rules.size() == 3);

  CHECK(OwnersOf(index, "app/models/user.rb") ==
        Owners{"@root-owner", "@backend-team", "@security", "@@maintainer"});
  CHECK(OwnersOf(index, "app/payments/charge.rb") ==
        Owners{"@root-owner", "@payments", "@security", "@@maintainer"});
  CHECK(OwnersOf(index, "README.md") == Owners{"@root-owner", "@tech-writers"});
  // The Security section's later rule has no owners and no section defaults: unset there.
  CHECK(OwnersOf(index, "app/public/index.html") == Owners{"@root-owner"});
  CHECK(OwnersOf(index, "lib/x.rb") == Owners{"@root-owner", "@lib-team"});
  auto m = index.Match("README.md");
  REQUIRE(m.size() == 2);
  CHECK(m[1].section == "Docs");
  CHECK(m[1].line == 6);
}

TEST_CASE("codeowners without any matching rule gives no owners") {
  auto index = CodeownersIndex::Parse("/src/ @dev\n", "CODEOWNERS", nullptr);
  CHECK(index.Match("docs/a.md").empty());
  CHECK(index.Match("./src/a.c").size() == 1);
}
