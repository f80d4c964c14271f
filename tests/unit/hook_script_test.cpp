// The hook scripts themselves, run by real git against a stand-in for sprawl that logs its
// arguments and exits with a chosen code.
#include <sys/stat.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "hooks/hook_installer.hpp"
#include "support/git_sandbox.hpp"

using namespace sprawl;
using Catch::Matchers::Contains;
using test::ShQuote;

namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A fake sprawl at `path`: appends "$*" to `log`, drains stdin (as a careless tool might:
// the pre-push hook must not let it eat git's remaining ref lines), then exits with the
// number in `code_file` (0 when it does not exist).
void WriteFakeSprawl(const std::string& path, const std::string& log,
                     const std::string& code_file) {
  test::WriteFile(path, "#!/bin/sh\necho \"$*\" >> " + ShQuote(log) +
                            "\ncat >/dev/null\ncode=0\n[ -f " + ShQuote(code_file) +
                            " ] && code=$(cat " + ShQuote(code_file) + ")\nexit \"$code\"\n");
  ::chmod(path.c_str(), 0755);
}

void WriteHook(const std::string& repo, HookKind kind, const std::string& sprawl_path) {
  const std::string path = repo + "/.git/hooks/" + HookFileName(kind);
  test::WriteFile(path, RenderHookScript(kind, sprawl_path));
  ::chmod(path.c_str(), 0755);
}

}  // namespace

TEST_CASE("IsSprawlHook recognises the marker line only") {
  const std::string marker(kHookMarker);
  CHECK(IsSprawlHook("#!/bin/sh\n" + marker + "\nexec true\n"));
  CHECK(IsSprawlHook("#!/bin/sh\r\n" + marker + "\r\n"));
  CHECK(IsSprawlHook("#!/bin/sh\n" + marker));
  CHECK_FALSE(IsSprawlHook("#!/bin/sh\nexec other-tool\n"));
  CHECK_FALSE(IsSprawlHook("#!/bin/sh\necho '" + marker + "'\n"));
  CHECK_FALSE(IsSprawlHook(""));
  CHECK(IsSprawlHook(RenderHookScript(HookKind::kPreCommit, "/x/sprawl")));
  CHECK(IsSprawlHook(RenderHookScript(HookKind::kPrePush, "")));
}

TEST_CASE("rendered hooks are POSIX sh that the shell accepts") {
  test::GitSandbox box;
  for (HookKind kind : {HookKind::kPreCommit, HookKind::kPrePush}) {
    const std::string script = RenderHookScript(kind, "/opt/it's here/sprawl");
    CHECK(script.rfind("#!/bin/sh\n", 0) == 0);
    test::WriteFile(box / "hook", script);
    CHECK(box.Sh(box.dir().path(), "sh -n hook").exit_code == 0);
  }
}

TEST_CASE("the pre-commit hook runs `sprawl git --staged` and its exit code decides") {
  test::GitSandbox box;
  const std::string repo = box.Init("repo");
  // Quotes, a dollar and a space in the path: the hook must quote it right.
  const std::string fake = box / "bin it's \"$HOME\"/sprawl", log = box / "log",
                    code = box / "code";
  WriteFakeSprawl(fake, log, code);
  WriteHook(repo, HookKind::kPreCommit, fake);

  test::WriteFile(code, "1\n");
  test::WriteFile(repo + "/a.txt", "one\n");
  box.Must(repo, "git add a.txt");
  CHECK(box.Sh(repo, "git commit -q -m blocked").exit_code != 0);
  CHECK(box.Sh(repo, "git rev-parse -q --verify HEAD").exit_code != 0);  // no commit made
  CHECK(Slurp(log) == "git --staged\n");

  test::WriteFile(code, "0\n");
  CHECK(box.Sh(repo, "git commit -q -m allowed").exit_code == 0);
  CHECK(box.Sh(repo, "git rev-parse -q --verify HEAD").exit_code == 0);
  CHECK(Slurp(log) == "git --staged\ngit --staged\n");
}

TEST_CASE("the hook falls back to sprawl on PATH, and fails closed without one") {
  test::GitSandbox box;
  const std::string repo = box.Init("repo");
  const std::string bin = box / "bin", log = box / "log";
  WriteFakeSprawl(bin + "/sprawl", log, box / "code");
  test::WriteFile(box / "empty/.keep", "");

  for (const std::string& recorded : {box / "gone \"$HOME\"/sprawl", std::string()}) {
    INFO("recorded path: " << recorded);
    WriteHook(repo, HookKind::kPreCommit, recorded);
    std::remove(log.c_str());
    auto found =
        box.Sh(repo, "PATH=" + ShQuote(bin) + ":\"$PATH\" .git/hooks/pre-commit </dev/null");
    CHECK(found.exit_code == 0);
    CHECK(Slurp(log) == "git --staged\n");

    // Only builtins run before the failure, so an empty PATH is enough.
    auto missing = box.Sh(
        repo, "PATH=" + ShQuote(box / "empty") + " /bin/sh .git/hooks/pre-commit </dev/null 2>&1");
    CHECK(missing.exit_code == 1);
    CHECK_THAT(missing.out, Contains("on PATH; install it"));
    if (!recorded.empty()) CHECK_THAT(missing.out, Contains("'" + recorded + "'"));
  }
}

TEST_CASE("the pre-push hook scans each pushed ref's new commits") {
  test::GitSandbox box;
  box.Init("remote.git", "--bare");
  const std::string repo = box.Init("work");
  box.Must(repo, "git remote add origin ../remote.git");
  const std::string fake = box / "sprawl", log = box / "log", code = box / "code";
  WriteFakeSprawl(fake, log, code);
  WriteHook(repo, HookKind::kPrePush, fake);
  auto next_log = [&, seen = size_t{0}]() mutable {
    const std::string all = Slurp(log);
    std::string fresh = all.substr(std::min(seen, all.size()));
    seen = all.size();
    return fresh;
  };

  // A first push: the remote has nothing and no default branch is known.
  const std::string c1 = box.Commit(repo, "a.txt", "1\n");
  REQUIRE(box.Sh(repo, "git push -q origin main").exit_code == 0);
  CHECK(next_log() == "git --since-remotes " + c1 + "\n");

  // An update of an existing branch: old..new.
  const std::string c2 = box.Commit(repo, "a.txt", "2\n");
  REQUIRE(box.Sh(repo, "git push -q origin main").exit_code == 0);
  CHECK(next_log() == "git --range " + c1 + ".." + c2 + "\n");

  // A new branch once origin/HEAD is known: from the merge-base with it.
  box.Must(repo, "git remote set-head origin main");
  box.Must(repo, "git checkout -q -b feature");
  const std::string c3 = box.Commit(repo, "b.txt", "3\n");
  const std::string c4 = box.Commit(repo, "b.txt", "4\n");
  REQUIRE(box.Sh(repo, "git push -q origin feature").exit_code == 0);
  CHECK(next_log() == "git --range " + c2 + ".." + c4 + "\n");

  // Two refs in one push: one run each.
  const std::string c5 = box.Commit(repo, "b.txt", "5\n");
  box.Must(repo, "git checkout -q main");
  const std::string c6 = box.Commit(repo, "a.txt", "6\n");
  REQUIRE(box.Sh(repo, "git push -q origin main feature").exit_code == 0);
  const std::string both = next_log();
  CHECK_THAT(both, Contains("git --range " + c2 + ".." + c6 + "\n"));
  CHECK_THAT(both, Contains("git --range " + c4 + ".." + c5 + "\n"));
  CHECK(std::count(both.begin(), both.end(), '\n') == 2);

  // An annotated tag is scanned as the commit it names.
  box.Must(repo, "git tag -a -m release v1 " + c6);
  REQUIRE(box.Sh(repo, "git push -q origin v1").exit_code == 0);
  CHECK(next_log() == "git --range " + c6 + ".." + c6 + "\n");

  // Deleting a branch pushes no commits: sprawl is not run.
  REQUIRE(box.Sh(repo, "git push -q origin :feature").exit_code == 0);
  CHECK(next_log().empty());

  // A finding (exit 1) blocks the push and the remote keeps its old tip.
  test::WriteFile(code, "1\n");
  const std::string c7 = box.Commit(repo, "a.txt", "7\n");
  CHECK(box.Sh(repo, "git push -q origin main").exit_code != 0);
  CHECK(next_log() == "git --range " + c6 + ".." + c7 + "\n");
  CHECK(box.Must(box / "remote.git", "git rev-parse main") == c6);
}

TEST_CASE("the pre-push hook treats an unknown remote tip as a new branch") {
  test::GitSandbox box;
  const std::string repo = box.Init("work");
  const std::string fake = box / "sprawl", log = box / "log";
  WriteFakeSprawl(fake, log, box / "code");
  WriteHook(repo, HookKind::kPrePush, fake);
  const std::string c1 = box.Commit(repo, "a.txt", "1\n");
  const std::string unknown(40, 'd');
  // git's stdin protocol, fed by hand: a remote tip this clone has never fetched.
  auto r = box.Sh(repo, "printf 'refs/heads/main " + c1 + " refs/heads/main " + unknown +
                            "\\n' | .git/hooks/pre-push origin url");
  CHECK(r.exit_code == 0);
  CHECK(Slurp(log) == "git --since-remotes " + c1 + "\n");
}
