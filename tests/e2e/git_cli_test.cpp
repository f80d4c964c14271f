// `sprawl git` against real repositories built with the git CLI. Every test checks the
// commit ids the findings are attributed to.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/git_repo.hpp"
#include "support/run_binary.hpp"
#include "support/tokens.hpp"

using namespace sprawl;
using Catch::Matchers::Contains;
using test::GitRepo;
using test::RunSprawl;

namespace {

nlohmann::json GitJson(const std::vector<std::string>& args, int expect_exit = 1,
                       std::string* err = nullptr) {
  std::vector<std::string> full = {"git"};
  full.insert(full.end(), args.begin(), args.end());
  full.insert(full.end(), {"-f", "json"});
  auto r = RunSprawl(full, "", test::CliEnv());
  INFO(r.err);
  CHECK(r.exit_code == expect_exit);
  if (err) *err = r.err;
  return nlohmann::json::parse(r.out);
}

std::string Token(std::uint64_t seed) {
  return test::MakeGithubStyleToken("ghp_", seed);
}

}  // namespace

TEST_CASE("git: a secret added then removed is attributed to both commits") {
  GitRepo repo;
  repo.Write("app/config.py", "DEBUG = True\n");
  repo.Commit("initial");
  repo.Write("app/config.py", "DEBUG = True\nTOKEN = '" + Token(1) + "'\n");
  const std::string added = repo.Commit("add token");
  repo.Write("app/config.py", "DEBUG = True\n");
  const std::string removed = repo.Commit("remove token");

  auto doc = GitJson({repo.path()});
  REQUIRE(doc["findings"].size() == 1);
  const auto& f = doc["findings"][0];
  CHECK(f["source"] == "git");
  CHECK(f["path"] == "app/config.py");
  CHECK(f["line"] == 2);
  CHECK(f["git"]["introduced"]["id"] == added);
  CHECK(f["git"]["introduced"]["author_name"] == "Alice Dev");
  CHECK(f["git"]["introduced"]["author_email"] == "alice@example.com");
  CHECK(f["git"]["introduced"]["committer_name"] == "Ci Bot");
  CHECK(f["git"]["introduced"]["summary"] == "add token");
  CHECK(f["git"]["last_present"]["id"] == added);
  CHECK(f["git"]["removed_by"]["id"] == removed);
  CHECK(f["git"]["present_at_head"] == false);
  CHECK(f["git"]["refs_reaching"] == 1);
}

TEST_CASE("git: a secret added in a later edit of an old file is attributed to that edit") {
  GitRepo repo;
  repo.Write("settings.yml", "name: app\nport: 8080\n");
  repo.Commit("create settings");
  repo.Write("settings.yml", "name: app\nport: 8080\n");
  repo.Write("README.md", "docs\n");
  repo.Commit("docs");
  repo.Write("settings.yml", "name: app\nport: 8080\ngithub_token: " + Token(2) + "\n");
  const std::string edit = repo.Commit("wire github");
  repo.Write("settings.yml", "name: app2\nport: 8080\ngithub_token: " + Token(2) + "\n");
  repo.Commit("rename app");

  auto doc = GitJson({repo.path()});
  REQUIRE(doc["findings"].size() == 1);  // later versions of the file carry it too: one finding
  CHECK(doc["findings"][0]["git"]["introduced"]["id"] == edit);
  CHECK(doc["findings"][0]["line"] == 3);
  CHECK(doc["findings"][0]["git"]["present_at_head"] == true);
  CHECK(doc["findings"][0]["git"]["removed_by"].is_null());
}

TEST_CASE("git: a secret in a UTF-16 file is found in history, attributed to its commit") {
  GitRepo repo;
  repo.Write("README.md", "docs\n");
  repo.Commit("initial");
  std::string utf16 = "\xff\xfe";  // PowerShell's default: UTF-16LE with a byte-order mark
  for (const char c : "# deploy\r\n$env:GITHUB_TOKEN = \"" + Token(3) + "\"\r\n")
    utf16 += std::string{c, '\0'};
  repo.Write("deploy.ps1", utf16);
  const std::string added = repo.Commit("deploy script");

  auto doc = GitJson({repo.path()});
  REQUIRE(doc["findings"].size() == 1);
  const auto& f = doc["findings"][0];
  CHECK(f["path"] == "deploy.ps1");
  CHECK(f["rule_id"] == "github-pat-classic");
  CHECK(f["encoding"] == "utf-16le");
  CHECK(f["line"] == 2);
  CHECK(f["column"] == 22);
  CHECK(f["git"]["introduced"]["id"] == added);
}

TEST_CASE("git: a renamed file keeps its history") {
  GitRepo repo;
  repo.Write("old/keys.env", "KEY=" + Token(3) + "\n");
  const std::string intro = repo.Commit("keys");
  repo.Git("mv old new");
  repo.Commit("move dir");
  auto doc = GitJson({repo.path()});
  REQUIRE(doc["findings"].size() == 1);
  const auto& g = doc["findings"][0]["git"];
  CHECK(doc["findings"][0]["path"] == "old/keys.env");
  CHECK(g["introduced"]["id"] == intro);
  CHECK(g["present_at_head"] == true);
  CHECK(g["head_paths"] == nlohmann::json::array({"new/keys.env"}));
}

TEST_CASE("git: branch-only and tag-only secrets are found; --branch limits the walk") {
  GitRepo repo;
  repo.Write("a.txt", "hello\n");
  repo.Commit("base");
  repo.Git("checkout -q -b feature");
  repo.Write("b.env", "T=" + Token(4) + "\n");
  const std::string on_branch = repo.Commit("feature secret");
  repo.Git("checkout -q main");
  repo.Git("checkout -q --detach");
  repo.Write("c.env", "T=" + Token(5) + "\n");
  const std::string tagged = repo.Commit("tagged secret");
  repo.Git("tag v1");
  repo.Git("checkout -q main");

  auto doc = GitJson({repo.path()});
  REQUIRE(doc["findings"].size() == 2);
  std::map<std::string, nlohmann::json> by_path;
  for (const auto& f : doc["findings"])
    by_path[f["path"]] = f;
  CHECK(by_path["b.env"]["git"]["introduced"]["id"] == on_branch);
  CHECK(by_path["b.env"]["git"]["present_at_head"] == false);
  CHECK(by_path["b.env"]["git"]["last_present"].is_null());  // never on main
  CHECK(by_path["b.env"]["git"]["refs_reaching"] == 1);
  CHECK(by_path["c.env"]["git"]["introduced"]["id"] == tagged);

  auto main_only = GitJson({repo.path(), "--branch", "main"}, 0);
  CHECK(main_only["findings"].empty());
  auto feature = GitJson({repo.path(), "--branch", "feature"});
  REQUIRE(feature["findings"].size() == 1);
  CHECK(feature["findings"][0]["git"]["introduced"]["id"] == on_branch);
}

TEST_CASE("git: last present on HEAD's line follows merges, directory moves and reverts") {
  GitRepo repo;
  repo.Write("README.md", "app\n");
  repo.Commit("base");
  repo.Git("checkout -q -b feature");
  repo.Write("conf/s.env", "T=" + Token(20) + "\n");
  const std::string intro = repo.Commit("feature secret");
  repo.Git("checkout -q main");
  // Main has not moved: the merge's tree is the feature's, a tree the walk has already seen.
  repo.Git("merge -q --no-ff -m merge feature");
  repo.Git("mv conf cfg");  // the same subtree under another name: not a removal
  repo.Commit("move conf");
  repo.Git("rm -q -r cfg");
  const std::string first_removal = repo.Commit("drop cfg");
  repo.Git("revert --no-edit HEAD");  // back to a tree seen before
  const std::string restored = repo.Git("rev-parse HEAD");
  repo.Git("rm -q -r cfg");
  const std::string second_removal = repo.Commit("drop cfg again");

  auto doc = GitJson({repo.path()});
  REQUIRE(doc["findings"].size() == 1);
  const auto& g = doc["findings"][0]["git"];
  CHECK(g["introduced"]["id"] == intro);
  CHECK(g["last_present"]["id"] == restored);
  CHECK(g["removed_by"]["id"] == second_removal);
  CHECK(g["removed_by"]["id"] != first_removal);
  CHECK(g["present_at_head"] == false);
}

TEST_CASE("git: --branch away from HEAD still reports presence on HEAD's line") {
  GitRepo repo;
  repo.Write("keys.env", "T=" + Token(21) + "\n");
  const std::string added = repo.Commit("add key");
  repo.Git("branch keep");
  repo.Write("keys.env", "T=unset\n");
  const std::string removed = repo.Commit("remove key");
  repo.Write("other.txt", "later\n");
  repo.Commit("later work");

  auto doc = GitJson({repo.path(), "--branch", "keep"});
  REQUIRE(doc["findings"].size() == 1);
  const auto& g = doc["findings"][0]["git"];
  CHECK(g["introduced"]["id"] == added);
  CHECK(g["last_present"]["id"] == added);
  CHECK(g["removed_by"]["id"] == removed);
  CHECK(g["present_at_head"] == false);
}

TEST_CASE("git: a secret introduced while resolving a merge is attributed to the merge") {
  GitRepo repo;
  repo.Write("conf.ini", "[db]\nuser = app\npassword = none\n");
  repo.Commit("base");
  repo.Git("checkout -q -b other");
  repo.Write("conf.ini", "[db]\nuser = app\npassword = other\n");
  repo.Commit("other side");
  repo.Git("checkout -q main");
  repo.Write("conf.ini", "[db]\nuser = app\npassword = mine\n");
  const std::string base = repo.Commit("main side");
  try {
    repo.Git("merge -q other");
  } catch (const std::exception&) {
    // expected conflict
  }
  repo.Write("conf.ini", "[db]\nuser = app\ntoken = " + Token(6) + "\n");
  const std::string merge = repo.Commit("merge other");

  auto doc = GitJson({repo.path()});
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["git"]["introduced"]["id"] == merge);

  auto range = GitJson({repo.path(), "--range", base + "..HEAD"});
  REQUIRE(range["findings"].size() == 1);
  CHECK(range["findings"][0]["source"] == "range");
  CHECK(range["findings"][0]["git"]["introduced"]["id"] == merge);
  CHECK(range["findings"][0]["line"] == 3);
}

TEST_CASE("git: bare repositories and remote URLs are scanned, clones are cleaned up") {
  GitRepo repo;
  repo.Write("deploy.sh", "export GH=" + Token(7) + "\n");
  const std::string intro = repo.Commit("deploy");
  test::TempDir other;
  const std::string bare = other.path() + "/bare.git";
  repo.Git("clone -q --bare . '" + bare + "'");
  auto doc = GitJson({bare});
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["git"]["introduced"]["id"] == intro);

  test::TempDir tmp;
  auto env = test::CliEnv();
  env["TMPDIR"] = tmp.path();
  auto r = RunSprawl({"git", "file://" + repo.path(), "-f", "json"}, "", env);
  CHECK(r.exit_code == 1);
  auto remote = nlohmann::json::parse(r.out);
  REQUIRE(remote["findings"].size() == 1);
  CHECK(remote["findings"][0]["git"]["introduced"]["id"] == intro);
  CHECK(std::filesystem::is_empty(tmp.path()));  // the temporary clone is gone
}

TEST_CASE("git: shallow clones are scanned and reported as truncated") {
  GitRepo repo;
  repo.Write("a.env", "T=" + Token(8) + "\n");
  repo.Commit("one");
  repo.Write("b.env", "T=" + Token(9) + "\n");
  const std::string tip = repo.Commit("two");
  test::TempDir other;
  const std::string shallow = other.path() + "/shallow";
  repo.Git("clone -q --depth 1 file://" + repo.path() + " '" + shallow + "'");
  std::string err;
  auto doc = GitJson({shallow}, 1, &err);
  CHECK_THAT(err, Contains("shallow"));
  REQUIRE(doc["findings"].size() == 2);  // both files exist in the one commit present
  for (const auto& f : doc["findings"])
    CHECK(f["git"]["introduced"]["id"] == tip);
}

TEST_CASE("git --staged reports only lines the commit would add, with staged line numbers") {
  GitRepo repo;
  SECTION("initial commit (no HEAD)") {
    repo.Write("new.env", "# header\nA=1\nT=" + Token(10) + "\n");
    repo.Git("add new.env");
    auto doc = GitJson({repo.path(), "--staged"});
    REQUIRE(doc["findings"].size() == 1);
    CHECK(doc["findings"][0]["source"] == "staged");
    CHECK(doc["findings"][0]["line"] == 3);
  }
  SECTION("existing secrets are not reported again; new lines are") {
    repo.Write("old.env", "T=" + Token(11) + "\n");
    repo.Commit("old secret");
    repo.Write("old.env", "X=1\nT=" + Token(11) + "\nU=" + Token(12) + "\n");
    repo.Write("unstaged.env", "T=" + Token(13) + "\n");  // not added: not scanned
    repo.Git("add old.env");
    auto doc = GitJson({repo.path(), "--staged"});
    REQUIRE(doc["findings"].size() == 1);
    CHECK(doc["findings"][0]["line"] == 3);
    CHECK(doc["findings"][0]["path"] == "old.env");
  }
  SECTION("nothing staged") {
    repo.Write("a.txt", "x\n");
    repo.Commit("a");
    auto doc = GitJson({repo.path(), "--staged"}, 0);
    CHECK(doc["findings"].empty());
  }
}

TEST_CASE("git --range and --since-commit scan only the commits in the range") {
  GitRepo repo;
  repo.Write("a.env", "T=" + Token(14) + "\n");
  const std::string before = repo.Commit("before the range");
  repo.Write("b.env", "T=" + Token(15) + "\n");
  const std::string first = repo.Commit("first in range");
  repo.Write("b.env", "T=" + Token(15) + "\nV=2\n");
  repo.Write("c.env", "T=" + Token(16) + "\n");
  const std::string second = repo.Commit("second in range");

  auto doc = GitJson({repo.path(), "--range", before + "..HEAD"});
  REQUIRE(doc["findings"].size() == 2);
  std::map<std::string, std::string> intro;
  for (const auto& f : doc["findings"])
    intro[f["path"]] = f["git"]["introduced"]["id"];
  CHECK(intro["b.env"] == first);
  CHECK(intro["c.env"] == second);
  auto since = GitJson({repo.path(), "--since-commit", first});
  REQUIRE(since["findings"].size() == 1);
  CHECK(since["findings"][0]["path"] == "c.env");

  auto bad = RunSprawl({"git", repo.path(), "--range", "nope..HEAD"}, "", test::CliEnv());
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Contains("nope"));
}

TEST_CASE("git: a missing object is named in a warning and the scan goes on") {
  GitRepo repo;
  repo.Write("good.env", "T=" + Token(17) + "\n");
  repo.Write("lost.txt", "this blob will be deleted from the object store\n");
  repo.Commit("two files");
  repo.Write("good.env", "clean\n");
  repo.Commit("clean");
  // Damage the store only after the last commit: git itself refuses to commit over a
  // missing blob (or silently rewrites it when the index entry is racily clean).
  const std::string lost = repo.Git("rev-parse HEAD:lost.txt");
  std::filesystem::remove(repo.path() + "/.git/objects/" + lost.substr(0, 2) + "/" +
                          lost.substr(2));
  std::string err;
  auto doc = GitJson({repo.path()}, 1, &err);
  CHECK_THAT(err, Contains(lost));
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["path"] == "good.env");

  // The old secret is still in history: findings win over the damaged-object exit code.
  auto r = RunSprawl({"git", repo.path(), "--branch", "HEAD", "-q"}, "", test::CliEnv());
  CHECK(r.exit_code == 1);

  // With nothing found, a damaged repository is an I/O error (3), not a clean pass.
  GitRepo clean;
  clean.Write("notes.txt", "nothing secret here\n");
  clean.Commit("notes");
  const std::string gone = clean.Git("rev-parse HEAD:notes.txt");
  std::filesystem::remove(clean.path() + "/.git/objects/" + gone.substr(0, 2) + "/" +
                          gone.substr(2));
  CHECK(RunSprawl({"git", clean.path(), "-q"}, "", test::CliEnv()).exit_code == 3);
}

TEST_CASE("git: submodules are not followed and big blobs are skipped, both said") {
  GitRepo repo;
  repo.Write("big.txt", std::string(4096, 'a') + "\nT=" + Token(18) + "\n");
  repo.Commit("big");
  repo.Git("update-index --add --cacheinfo 160000," + repo.Git("rev-parse HEAD") + ",vendor/lib");
  repo.Git("commit -q -m 'add submodule'");
  std::string err;
  auto doc = GitJson({repo.path(), "--max-file-size", "1KiB"}, 0, &err);
  CHECK(doc["stats"]["skipped_too_large"] == 1);
  CHECK_THAT(err, Contains("submodule"));
  CHECK_THAT(err, Contains("big.txt"));
}

TEST_CASE("git --ci takes the range from a GitHub Actions push event") {
  GitRepo repo;
  repo.Write("old.env", "T=" + Token(19) + "\n");
  const std::string before = repo.Commit("old secret");
  repo.Write("new.env", "T=" + Token(20) + "\n");
  const std::string after = repo.Commit("new secret");
  const std::string event =
      repo.Write(".event.json", "{\"before\": \"" + before + "\", \"after\": \"" + after +
                                    "\", \"ref\": \"refs/heads/main\"}");
  auto env = test::CliEnv();
  env["GITHUB_ACTIONS"] = "true";
  env["GITHUB_EVENT_NAME"] = "push";
  env["GITHUB_EVENT_PATH"] = event;
  auto r = RunSprawl({"git", repo.path(), "--ci", "-f", "json"}, "", env);
  CHECK(r.exit_code == 1);
  auto doc = nlohmann::json::parse(r.out);
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["path"] == "new.env");
  CHECK(doc["findings"][0]["git"]["introduced"]["id"] == after);

  auto none =
      RunSprawl({"git", repo.path(), "--ci"}, "", {{"SPRAWL_CACHE_DIR", SPRAWL_TEST_CACHE_DIR}});
  CHECK(none.exit_code == 2);
  CHECK_THAT(none.err, Contains("--ci"));
}

TEST_CASE("git --since-remotes scans only commits no remote-tracking ref has") {
  GitRepo upstream;
  upstream.Write("a.env", "T=" + Token(21) + "\n");
  upstream.Commit("pushed already");
  test::TempDir other;
  const std::string clone = other.path() + "/clone";
  upstream.Git("clone -q file://" + upstream.path() + " '" + clone + "'");
  GitRepo dummy;  // only for its git wrapper settings
  dummy.Git("-C '" + clone + "' config user.name Bob");
  dummy.Git("-C '" + clone + "' config user.email bob@example.com");
  std::ofstream(clone + "/b.env") << "T=" << Token(22) << "\n";
  dummy.Git("-C '" + clone + "' add b.env");
  dummy.Git("-C '" + clone + "' commit -q -m local");
  const std::string local = dummy.Git("-C '" + clone + "' rev-parse HEAD");
  auto doc = GitJson({clone, "--since-remotes", local});
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["path"] == "b.env");
  CHECK(doc["findings"][0]["git"]["introduced"]["id"] == local);
}

TEST_CASE("git --baseline suppresses known findings and still reports new ones") {
  GitRepo repo;
  repo.Write("a.env", "T=" + Token(23) + "\n");
  repo.Commit("one");
  test::TempDir dir;
  // Made from the work tree at the top level, paths match the repository-relative paths of
  // history findings.
  auto created =
      RunSprawl({"baseline", "create", ".", "-o", dir / "b.json"}, repo.path(), test::CliEnv());
  REQUIRE(created.exit_code == 0);
  auto quiet = RunSprawl({"git", ".", "--baseline", dir / "b.json", "-f", "json"}, repo.path(),
                         test::CliEnv());
  CHECK(quiet.exit_code == 0);
  CHECK(nlohmann::json::parse(quiet.out)["stats"]["suppressed_by_baseline"] == 1);

  repo.Write("b.env", "T=" + Token(24) + "\n");
  const std::string added = repo.Commit("two");
  auto loud = RunSprawl({"git", ".", "--baseline", dir / "b.json", "-f", "json"}, repo.path(),
                        test::CliEnv());
  CHECK(loud.exit_code == 1);
  auto doc = nlohmann::json::parse(loud.out);
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["git"]["introduced"]["id"] == added);
}

TEST_CASE("git --staged reads the index git names in GIT_INDEX_FILE") {
  GitRepo repo;
  repo.Write("a.txt", "x\n");
  repo.Commit("a");
  repo.Write("a.env", "T=" + Token(25) + "\n");
  // Stage into a separate index, as `git commit -a` does for its hooks.
  repo.Git("read-tree HEAD --index-output=.git/alt-index");
  repo.Git("update-index --add a.env");  // default index
  auto env = test::CliEnv();
  env["GIT_INDEX_FILE"] = ".git/alt-index";  // does not have a.env
  auto r = RunSprawl({"git", ".", "--staged", "-f", "json"}, repo.path(), env);
  CHECK(r.exit_code == 0);
  auto plain = RunSprawl({"git", ".", "--staged", "-f", "json"}, repo.path(), test::CliEnv());
  CHECK(plain.exit_code == 1);
  CHECK(nlohmann::json::parse(plain.out)["findings"][0]["path"] == "a.env");
}

// libgit2 and the libraries it needs are loaded when git is read (history, or the owners of
// a finding in a repository), not by every run (src/sources/libgit2_loader.hpp): the
// dynamic loader's own trace says what it loaded.
TEST_CASE("git: libgit2 is loaded when git is read, not by a clean scan of files") {
  GitRepo repo;
  repo.Write("app/settings.py", "DEBUG = True\n");
  repo.Write("app/config.py", "TOKEN = '" + Token(1) + "'\n");
  repo.Commit("add token");
  auto env = test::CliEnv();
  env["LD_DEBUG"] = "files";
  const auto files = test::RunSprawl({"scan", repo.path() + "/app/settings.py", "-q"}, "", env);
  CHECK(files.exit_code == 0);
  CHECK(files.err.find("file=libgit2") == std::string::npos);
  const auto git = test::RunSprawl({"git", repo.path(), "-q"}, "", env);
  CHECK(git.exit_code == 1);
  CHECK_THAT(git.err, Contains("file=libgit2"));
}
