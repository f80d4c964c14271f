// The pre-commit fast path (the index file read in place, the cache tree skipping unchanged
// directories, a diff of only the changed paths) must give exactly what libgit2's
// whole-index diff gives, on real repositories built with the git CLI.
#include <sys/stat.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "sources/git_diff.hpp"
#include "sources/git_index_file.hpp"
#include "sources/git_lazy_init.hpp"
#include "sources/git_staged_paths.hpp"
#include "sources/git_util.hpp"
#include "support/git_repo.hpp"

using namespace sprawl;
using test::GitRepo;

namespace {

std::string Describe(const std::vector<AddedLines>& all) {
  std::ostringstream out;
  for (const auto& a : all) {
    out << a.path << " " << OidHex(a.blob) << (a.binary ? " binary" : "");
    for (const auto& [lo, hi] : a.ranges)
      out << " " << lo << "-" << hi;
    out << "\n";
  }
  return out.str();
}

std::string Lines(int from, int to, const std::string& tag) {
  std::string s;
  for (int i = from; i <= to; ++i)
    s += tag + " line " + std::to_string(i) + "\n";
  return s;
}

// A committed tree with enough directories for the cache tree to matter.
void CommitBase(const GitRepo& repo) {
  for (int d = 0; d < 6; ++d) {
    for (int f = 0; f < 4; ++f) {
      repo.Write("src/d" + std::to_string(d) + "/f" + std::to_string(f) + ".txt",
                 Lines(1, 40, "d" + std::to_string(d) + "f" + std::to_string(f)));
    }
  }
  repo.Write("top.txt", Lines(1, 10, "top"));
  repo.Write("gone/a.txt", "a\n");
  repo.Write("gone/sub/b.txt", "b\n");
  repo.Write("becomes-dir", "file\n");
  repo.Write("tool.sh", "#!/bin/sh\necho hi\n");
  // Files as old as the index are "racily clean": `git add` re-hashes them and invalidates
  // their directories in the cache tree. Real work trees are older than their index.
  repo.Git("ls-files -o -z | xargs -0 touch -d 2020-01-01");
  repo.Commit("base");
}

struct Compared {
  std::string fast, whole;
  std::optional<StagedPaths> paths;
};

Compared Compare(const GitRepo& repo) {
  RepoPtr git = OpenRepository(repo.path());
  Compared c;
  c.whole = Describe(StagedAdditions(git.get(), StagedDiff::kWholeIndex));
  RepoPtr again = OpenRepository(repo.path());  // the fast path replaces the repo's index
  c.fast = Describe(StagedAdditions(again.get(), StagedDiff::kChangedPathsOnly));
  std::string why;
  auto file = IndexFile::Read(repo.path() + "/.git/index", &why);
  INFO(why);
  REQUIRE(file);
  git_object* head = nullptr;
  REQUIRE(git_revparse_single(&head, git.get(), "HEAD^{tree}") == 0);
  ObjectPtr holder(head);
  c.paths = FindStagedPaths(git.get(), *file, reinterpret_cast<git_tree*>(head));
  return c;
}

}  // namespace

TEST_CASE("staged: the cache-tree fast path and the whole-index diff agree") {
  GitRepo repo;
  CommitBase(repo);
  SECTION("a modified file deep in the tree; the other directories are never compared") {
    repo.Write("src/d3/f1.txt", Lines(1, 40, "d3f1") + "added 41\nadded 42\n");
    repo.Git("add -A");
    auto c = Compare(repo);
    CHECK(c.fast == c.whole);
    CHECK(c.fast.find("src/d3/f1.txt") != std::string::npos);
    CHECK(c.fast.find(" 41-42") != std::string::npos);
    REQUIRE(c.paths);
    CHECK(c.paths->changed == std::vector<std::string>{"src/d3/f1.txt"});
    CHECK(git_index_entrycount(c.paths->index.get()) == 1);
    CHECK(c.paths->trees_read == 3);  // the root, src and src/d3: not d0-d2, d4, d5
  }
  SECTION("added, deleted, renamed, moved-and-edited, type-changed and mode-changed paths") {
    repo.Write("src/new/dir/n.txt", "brand new\n");      // new directory
    std::filesystem::remove_all(repo.path() + "/gone");  // whole dir deleted
    repo.Git("mv src/d0/f0.txt src/d5/moved.txt");       // pure rename
    repo.Git("mv src/d1/f2.txt elsewhere.txt");          // rename + edit
    repo.Write("elsewhere.txt", Lines(1, 40, "d1f2") + "edited after move\n");
    std::filesystem::remove(repo.path() + "/becomes-dir");  // file -> directory
    repo.Write("becomes-dir/inner.txt", "inner\n");
    ::chmod((repo.path() + "/tool.sh").c_str(), 0755);  // mode only
    repo.Write("src/d2/f3.txt", "rewritten\n");
    repo.Git("add -A");
    auto c = Compare(repo);
    CHECK(c.fast == c.whole);
    CHECK(c.fast.find("src/new/dir/n.txt") != std::string::npos);
    CHECK(c.fast.find("becomes-dir/inner.txt") != std::string::npos);
    CHECK(c.fast.find("elsewhere.txt") != std::string::npos);
    CHECK(c.fast.find("src/d5/moved.txt") == std::string::npos);  // a rename adds nothing
    REQUIRE(c.paths);
    const auto& changed = c.paths->changed;
    for (const char* p : {"gone/a.txt", "gone/sub/b.txt", "src/d0/f0.txt", "src/d5/moved.txt",
                          "becomes-dir", "becomes-dir/inner.txt", "tool.sh"}) {
      INFO(p);
      CHECK(std::find(changed.begin(), changed.end(), p) != changed.end());
    }
    CHECK(std::find(changed.begin(), changed.end(), "src/d4/f0.txt") == changed.end());
  }
  SECTION("a directory replaced by a file") {
    std::filesystem::remove_all(repo.path() + "/src/d4");
    repo.Write("src/d4", "now a file\nwith two lines\n");
    repo.Git("add -A");
    auto c = Compare(repo);
    CHECK(c.fast == c.whole);
    CHECK(c.fast.find("src/d4 ") != std::string::npos);
  }
  SECTION("intent-to-add entries (index version 3) and a version 4 index") {
    repo.Write("later.txt", "not yet added\n");
    repo.Git("add -N later.txt");
    repo.Write("src/d2/f0.txt", Lines(1, 40, "d2f0") + "tail\n");
    repo.Git("add src/d2/f0.txt");
    auto v3 = Compare(repo);
    CHECK(v3.fast == v3.whole);
    CHECK(v3.fast.find("src/d2/f0.txt") != std::string::npos);
    repo.Git("update-index --index-version 4");
    auto v4 = Compare(repo);
    CHECK(v4.fast == v4.whole);
    CHECK(v4.fast == v3.fast);
  }
  SECTION(".gitattributes that are only staged still mark files binary") {
    repo.Write(".gitattributes", "*.dat binary\n");
    repo.Write("blob.dat", "text that git is told is binary\n");
    repo.Git("add -A");
    auto c = Compare(repo);
    CHECK(c.fast == c.whole);
    CHECK(c.fast.find("blob.dat") != std::string::npos);
    CHECK(c.fast.find("binary") != std::string::npos);
  }
  SECTION("nothing staged: the root of the cache tree is HEAD's tree") {
    auto c = Compare(repo);
    CHECK(c.fast.empty());
    CHECK(c.whole.empty());
    REQUIRE(c.paths);
    CHECK(c.paths->changed.empty());
    CHECK(c.paths->trees_read == 0);
  }
  SECTION("without a cache tree every directory is compared, with the same result") {
    repo.Write("src/d1/f1.txt", "changed\n");
    repo.Git("add -A");
    repo.Git("rm -q -r --cached .");  // drops the cache tree ...
    repo.Git("add -A");               // ... and stages everything again without one
    auto c = Compare(repo);
    CHECK(c.fast == c.whole);
    CHECK(c.fast.find("src/d1/f1.txt") != std::string::npos);
    REQUIRE(c.paths);
    CHECK(c.paths->changed == std::vector<std::string>{"src/d1/f1.txt"});
    CHECK(c.paths->trees_read == 1 + 1 + 6 + 2);  // root, src, src/d0-d5, gone, gone/sub
  }
}

TEST_CASE("staged: index files the reader declines still diff through libgit2") {
  GitRepo repo;
  CommitBase(repo);
  std::string why;
  SECTION("split index") {
    repo.Write("src/d1/f1.txt", "changed\n");
    repo.Git("update-index --split-index");
    repo.Git("add -A");
    CHECK_FALSE(IndexFile::Read(repo.path() + "/.git/index", &why));
    CHECK(why.find("link") != std::string::npos);
    // libgit2 cannot read a split index either: the error names the extension.
    RepoPtr git = OpenRepository(repo.path());
    CHECK_THROWS_WITH(StagedAdditions(git.get()), Catch::Contains("'link'"));
    return;
  }
  SECTION("a merge conflict (unmerged entries)") {
    repo.Git("checkout -q -b side");
    repo.Write("top.txt", "side\n");
    repo.Commit("side");
    repo.Git("checkout -q main");
    repo.Write("top.txt", "main\n");
    repo.Commit("main");
    CHECK_THROWS(repo.Git("merge -q side"));
    CHECK_FALSE(IndexFile::Read(repo.path() + "/.git/index", &why));
    CHECK(why == "unmerged entries");
  }
  RepoPtr git = OpenRepository(repo.path());
  const auto whole = Describe(StagedAdditions(git.get(), StagedDiff::kWholeIndex));
  RepoPtr again = OpenRepository(repo.path());
  CHECK(Describe(StagedAdditions(again.get())) == whole);
}

TEST_CASE("staged: a damaged index file is declined at every truncation, never misread") {
  GitRepo repo;
  CommitBase(repo);
  repo.Write("src/d1/f1.txt", "changed\n");
  repo.Git("add -A");
  std::ifstream in(repo.path() + "/.git/index", std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), {});
  REQUIRE(bytes.size() > 100);
  test::TempDir dir;
  std::string why;
  auto whole = IndexFile::Read(repo.path() + "/.git/index", &why);
  REQUIRE(whole);
  REQUIRE(whole->cache_tree());
  std::size_t declined = 0;
  for (std::size_t n = 0; n < bytes.size(); n += 7) {
    const std::string path = dir.Write("index-" + std::to_string(n), bytes.substr(0, n));
    auto part = IndexFile::Read(path, &why);
    if (!part) {
      ++declined;
      continue;
    }
    // Whatever is accepted is a prefix-consistent reading: never more entries than exist.
    CHECK(part->entries().size() <= whole->entries().size());
    std::filesystem::remove(path);
  }
  CHECK(declined > bytes.size() / 7 / 2);
  // A flipped byte in an entry's name length makes the entry inconsistent: declined.
  std::string flipped = bytes;
  flipped[12 + 61] = static_cast<char>(flipped[12 + 61] ^ 0x01);
  CHECK_FALSE(IndexFile::Read(dir.Write("flipped", flipped), &why));
}

TEST_CASE("libgit2 starts without the CA bundle or libssh2, and loads them for a clone") {
  // ctest runs each test case in its own process. Run all in one, libgit2 may already be
  // initialised and libcurl (live verification tests) initialises libssh2 too: counts are
  // taken relative to what ran before, and libgit2's own init must add none.
  const bool prepared_before = GitNetworkPrepared();
  const int ssh_before = SshInits();
  const int ca_before = TrustStoreLoads();
  EnsureLibgit2();
  if (DeferredTrustStorePath().empty()) {
    WARN("this libgit2 does not load a CA bundle through mbedTLS at init: nothing deferred");
  }
  CHECK(TrustStoreLoads() == ca_before);
  CHECK(SshInits() == ssh_before);
  std::string error;
  REQUIRE(PrepareGitNetwork(&error));
  const int added = prepared_before ? 0 : 1;
  if (!DeferredTrustStorePath().empty()) CHECK(TrustStoreLoads() == ca_before + added);
  CHECK(SshInits() == ssh_before + added);
  REQUIRE(PrepareGitNetwork(&error));  // once only
  CHECK(SshInits() == ssh_before + added);
  CHECK(TrustStoreLoads() == ca_before + (DeferredTrustStorePath().empty() ? 0 : added));
}
