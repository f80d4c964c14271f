// End-to-end: `sprawl install-hook` against real repositories made with git in temp dirs.
#include <sys/stat.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/git_sandbox.hpp"
#include "support/run_binary.hpp"

using namespace sprawl;
using Catch::Matchers::Contains;
using test::RunSprawl;

namespace {

constexpr const char* kMarker = "# installed by sprawl install-hook";

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

unsigned Mode(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

bool Exists(const std::string& path) {
  return std::filesystem::exists(path);
}

// Where git itself runs `name` from, as an absolute path.
std::string GitHookPath(const test::GitSandbox& box, const std::string& repo,
                        const std::string& name) {
  std::filesystem::path p = box.Must(repo, "git rev-parse --git-path hooks/" + name);
  if (p.is_relative()) p = std::filesystem::path(repo) / p;
  return p.lexically_normal().string();
}

// The installing binary, as /proc/self/exe names it.
std::string SprawlBinary() {
  return std::filesystem::canonical(SPRAWL_BINARY).string();
}

}  // namespace

TEST_CASE("install-hook writes an executable pre-commit hook running this sprawl") {
  test::GitSandbox box;
  const std::string repo = box.Init("repo");
  const std::string hook = GitHookPath(box, repo, "pre-commit");
  REQUIRE(hook == repo + "/.git/hooks/pre-commit");
  REQUIRE_FALSE(Exists(hook));

  auto r = RunSprawl({"install-hook", repo}, "", box.Env());
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Contains("installed pre-commit hook " + hook));
  CHECK_THAT(r.out, Contains(SprawlBinary() + " git --staged"));
  REQUIRE(Exists(hook));
  CHECK(Mode(hook) == 0755);
  const std::string script = Slurp(hook);
  CHECK(script.rfind("#!/bin/sh\n", 0) == 0);
  CHECK_THAT(script, Contains(std::string("\n") + kMarker + "\n"));
  CHECK_THAT(script, Contains("SPRAWL='" + SprawlBinary() + "'\n"));
  CHECK_THAT(script, Contains("exec \"$SPRAWL\" git --staged\n"));
  CHECK_THAT(script, Contains("command -v sprawl"));  // the PATH fallback
  CHECK_FALSE(Exists(repo + "/.git/hooks/pre-push"));
  CHECK(box.Sh(repo, "sh -n .git/hooks/pre-commit").exit_code == 0);
}

TEST_CASE("install-hook finds the repository from the current directory or a subdirectory") {
  test::GitSandbox box;
  const std::string repo = box.Init("repo");
  test::WriteFile(repo + "/src/deep/x.txt", "x\n");
  auto from_sub = RunSprawl({"install-hook", repo + "/src/deep"}, "", box.Env());
  CHECK(from_sub.exit_code == 0);
  CHECK(Exists(repo + "/.git/hooks/pre-commit"));
  CHECK_FALSE(Exists(repo + "/src/deep/.git"));

  std::filesystem::remove(repo + "/.git/hooks/pre-commit");
  auto from_cwd = RunSprawl({"install-hook"}, repo + "/src", box.Env());
  CHECK(from_cwd.exit_code == 0);
  CHECK(Exists(repo + "/.git/hooks/pre-commit"));
}

TEST_CASE("install-hook refuses to replace a hook it did not write, unless --force") {
  test::GitSandbox box;
  const std::string repo = box.Init("repo");
  const std::string hook = repo + "/.git/hooks/pre-commit";
  const std::string foreign = "#!/bin/sh\nexec ./run-linters\n";
  test::WriteFile(hook, foreign);

  auto refused = RunSprawl({"install-hook", repo}, "", box.Env());
  CHECK(refused.exit_code == 2);
  CHECK(refused.out.empty());
  CHECK_THAT(refused.err, Contains(hook));
  CHECK_THAT(refused.err, Contains("--force"));
  CHECK(std::count(refused.err.begin(), refused.err.end(), '\n') == 1);  // one line
  CHECK(Slurp(hook) == foreign);

  auto forced = RunSprawl({"install-hook", "--force", repo}, "", box.Env());
  CHECK(forced.exit_code == 0);
  CHECK_THAT(forced.out, Contains("replaced the existing pre-commit hook " + hook));
  CHECK_THAT(Slurp(hook), Contains(kMarker));
  CHECK(Mode(hook) == 0755);
}

TEST_CASE("a symlinked foreign hook is refused, and --force replaces the link, not its target") {
  test::GitSandbox box;
  const std::string repo = box.Init("repo");
  const std::string target = repo + "/tools/hook.sh";
  test::WriteFile(target, "#!/bin/sh\n");
  const std::string hook = repo + "/.git/hooks/pre-commit";
  std::filesystem::create_symlink(target, hook);

  CHECK(RunSprawl({"install-hook", repo}, "", box.Env()).exit_code == 2);
  CHECK(RunSprawl({"install-hook", "--force", repo}, "", box.Env()).exit_code == 0);
  CHECK_FALSE(std::filesystem::is_symlink(hook));
  CHECK_THAT(Slurp(hook), Contains(kMarker));
  CHECK(Slurp(target) == "#!/bin/sh\n");
}

TEST_CASE("re-installing over sprawl's own hook needs no --force and restores it") {
  test::GitSandbox box;
  const std::string repo = box.Init("repo");
  const std::string hook = repo + "/.git/hooks/pre-commit";
  REQUIRE(RunSprawl({"install-hook", repo}, "", box.Env()).exit_code == 0);
  const std::string original = Slurp(hook);
  test::WriteFile(hook, original + "echo edited\n");
  ::chmod(hook.c_str(), 0700);

  auto again = RunSprawl({"install-hook", repo}, "", box.Env());
  CHECK(again.exit_code == 0);
  CHECK_THAT(again.out, Contains("updated pre-commit hook " + hook));
  CHECK(Slurp(hook) == original);
  CHECK(Mode(hook) == 0755);
}

TEST_CASE("install-hook honours core.hooksPath, relative and absolute") {
  test::GitSandbox box;
  const std::string repo = box.Init("repo");

  SECTION("relative to the working tree") {
    box.Must(repo, "git config core.hooksPath .githooks");
    const std::string hook = GitHookPath(box, repo, "pre-commit");
    REQUIRE(hook == repo + "/.githooks/pre-commit");
    // Run from a subdirectory: relative means the top of the working tree, not the cwd.
    test::WriteFile(repo + "/sub/.keep", "");
    auto r = RunSprawl({"install-hook"}, repo + "/sub", box.Env());
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(Exists(hook));
    CHECK(Mode(hook) == 0755);
    CHECK_FALSE(Exists(repo + "/sub/.githooks"));
    CHECK_FALSE(Exists(repo + "/.git/hooks/pre-commit"));
    CHECK_THAT(r.out, Contains(hook));
  }
  SECTION("absolute, in a directory that does not exist yet") {
    const std::string dir = box / "shared hooks/nested";
    box.Must(repo, "git config core.hooksPath " + test::ShQuote(dir));
    const std::string hook = GitHookPath(box, repo, "pre-push");
    REQUIRE(hook == dir + "/pre-push");
    auto r = RunSprawl({"install-hook", "--pre-push", repo}, "", box.Env());
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(Exists(hook));
    CHECK_FALSE(Exists(repo + "/.git/hooks/pre-push"));
  }
  SECTION("a foreign hook there is refused too") {
    box.Must(repo, "git config core.hooksPath .husky");
    test::WriteFile(repo + "/.husky/pre-commit", "#!/bin/sh\nnpx lint-staged\n");
    auto r = RunSprawl({"install-hook", repo}, "", box.Env());
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains(repo + "/.husky/pre-commit"));
  }
}

TEST_CASE("install-hook --pre-push writes a pre-push hook that scans pushed ranges") {
  test::GitSandbox box;
  const std::string repo = box.Init("repo");
  const std::string hook = GitHookPath(box, repo, "pre-push");
  auto r = RunSprawl({"install-hook", "--pre-push", repo}, "", box.Env());
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Contains("installed pre-push hook " + hook));
  REQUIRE(Exists(hook));
  CHECK(Mode(hook) == 0755);
  const std::string script = Slurp(hook);
  CHECK_THAT(script, Contains(kMarker));
  CHECK_THAT(script, Contains("SPRAWL='" + SprawlBinary() + "'\n"));
  CHECK_THAT(script, Contains("git --range \"$base..$head\""));
  CHECK_THAT(script, Contains("git --since-remotes \"$head\""));
  CHECK(script.find("--staged") == std::string::npos);
  CHECK_FALSE(Exists(repo + "/.git/hooks/pre-commit"));
  CHECK(box.Sh(repo, "sh -n .git/hooks/pre-push").exit_code == 0);
}

TEST_CASE("install-hook works in a bare repository (pre-push) and a linked worktree") {
  test::GitSandbox box;
  const std::string bare = box.Init("bare.git", "--bare");
  CHECK(RunSprawl({"install-hook", "--pre-push", bare}, "", box.Env()).exit_code == 0);
  CHECK(Exists(bare + "/hooks/pre-push"));

  const std::string repo = box.Init("repo");
  box.Commit(repo, "a.txt", "a\n");
  box.Must(repo, "git worktree add -q ../wt");
  CHECK(RunSprawl({"install-hook", box / "wt"}, "", box.Env()).exit_code == 0);
  // Hooks are shared by all worktrees: they live in the main repository's git dir.
  CHECK(Exists(repo + "/.git/hooks/pre-commit"));
  CHECK(GitHookPath(box, box / "wt", "pre-commit") == repo + "/.git/hooks/pre-commit");
}

TEST_CASE("install-hook outside a repository is a usage error") {
  test::GitSandbox box;
  test::WriteFile(box / "plain/file.txt", "x\n");
  auto r = RunSprawl({"install-hook", box / "plain"}, "", box.Env());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Contains(box / "plain"));
  CHECK_THAT(r.err, Contains("not in a git repository"));
  CHECK_FALSE(Exists(box / "plain/.git"));

  auto missing = RunSprawl({"install-hook", box / "nope"}, "", box.Env());
  CHECK(missing.exit_code == 2);
}
