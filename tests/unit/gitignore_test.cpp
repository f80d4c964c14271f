#include <catch2/catch.hpp>

#include "sources/gitignore.hpp"

using namespace sprawl;
using Verdict = IgnoreList::Verdict;

TEST_CASE("glob matching") {
  CHECK(GlobMatch("*.log", "app.log"));
  CHECK_FALSE(GlobMatch("*.log", "dir/app.log"));
  CHECK(GlobMatch("**/*.log", "dir/sub/app.log"));
  CHECK(GlobMatch("**/*.log", "app.log"));
  CHECK(GlobMatch("build/**", "build/a/b.o"));
  CHECK(GlobMatch("a/**/b", "a/b"));
  CHECK(GlobMatch("a/**/b", "a/x/y/b"));
  CHECK(GlobMatch("file?.txt", "file1.txt"));
  CHECK_FALSE(GlobMatch("file?.txt", "file/.txt"));
  CHECK(GlobMatch("[abc].md", "b.md"));
  CHECK_FALSE(GlobMatch("[!abc].md", "b.md"));
  CHECK(GlobMatch("[0-9]x", "7x"));
  CHECK(GlobMatch("\\*lit", "*lit"));
  CHECK_FALSE(GlobMatch("\\*lit", "xlit"));
}

TEST_CASE("gitignore semantics") {
  IgnoreList list;
  list.AddText(
      "# comment\n"
      "*.log\n"
      "!keep.log\n"
      "/build/\n"
      "docs/*.tmp\n"
      "node_modules/\n"
      "\n");
  CHECK(list.Check("a.log", false) == Verdict::kIgnored);
  CHECK(list.Check("sub/deep/a.log", false) == Verdict::kIgnored);
  CHECK(list.Check("keep.log", false) == Verdict::kIncluded);
  CHECK(list.Check("build", true) == Verdict::kIgnored);
  CHECK(list.Check("build", false) == Verdict::kNone);     // directory-only pattern
  CHECK(list.Check("src/build", true) == Verdict::kNone);  // anchored to the root
  CHECK(list.Check("docs/x.tmp", false) == Verdict::kIgnored);
  CHECK(list.Check("other/docs/x.tmp", false) == Verdict::kNone);
  CHECK(list.Check("a/b/node_modules", true) == Verdict::kIgnored);
  CHECK(list.Check("main.cpp", false) == Verdict::kNone);
}
