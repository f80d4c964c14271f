#include <catch2/catch.hpp>

#include "sources/gitignore.hpp"

using namespace sprawl;
using V = IgnoreList::Verdict;

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
  CHECK(list.Check("a.log", false) == V::kIgnored);
  CHECK(list.Check("sub/deep/a.log", false) == V::kIgnored);
  CHECK(list.Check("keep.log", false) == V::kIncluded);
  CHECK(list.Check("build", true) == V::kIgnored);
  CHECK(list.Check("build", false) == V::kNone);  // directory-only pattern
  CHECK(list.Check("src/build", true) == V::kNone);  // anchored to the root
  CHECK(list.Check("docs/x.tmp", false) == V::kIgnored);
  CHECK(list.Check("other/docs/x.tmp", false) == V::kNone);
  CHECK(list.Check("a/b/node_modules", true) == V::kIgnored);
  CHECK(list.Check("main.cpp", false) == V::kNone);
}
