// Ownership hints end to end: real repositories with CODEOWNERS and committed secrets,
// scanned with `sprawl scan` and `sprawl git`.
#include <catch2/catch.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "support/git_repo.hpp"
#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"
#include "support/tokens.hpp"

using namespace sprawl;
using Catch::Matchers::Contains;
using test::GitRepo;
using test::RunSprawl;

namespace {

nlohmann::json Json(const std::vector<std::string>& args, std::string* err = nullptr) {
  std::vector<std::string> full = args;
  full.insert(full.end(), {"-f", "json"});
  auto r = RunSprawl(full, "", test::CliEnv());
  INFO(r.err);
  CHECK(r.exit_code == 1);
  if (err) *err = r.err;
  return nlohmann::json::parse(r.out);
}

// The hints of one kind, as "value|source".
std::vector<std::string> Hints(const nlohmann::json& f, const std::string& kind) {
  std::vector<std::string> out;
  REQUIRE(f.contains("owners"));
  for (const auto& h : f["owners"])
    if (h["kind"] == kind)
      out.push_back(h["value"].get<std::string>() + "|" + h["source"].get<std::string>());
  return out;
}

using HintList = std::vector<std::string>;

// A repository with CODEOWNERS and a token committed in config/app.env line 2.
struct RepoWithSecret {
  GitRepo repo;
  std::string token = test::MakeGithubStyleToken("ghp_", 71);
  std::string commit;
  RepoWithSecret() {
    repo.Write(".github/CODEOWNERS",
               "# owners\n"
               "*          @org/everyone\n"
               "/config/   @org/platform bob@example.com\n");
    repo.Write("config/app.env", "DEBUG=1\nGITHUB_TOKEN=" + token + "\n");
    commit = repo.Commit("add config");
  }
};

const char* kExpiredJwt =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyIsInJvbGUiOiJzZXJ2aWNlIiwia"
    "WF0IjoxNzE2MjAwMDAwLCJleHAiOjE3NDc3MzYwMDB9._sTtciS2WWuwPl05rM3aKbq1uSvNFIkHt6b_Kuw0gpU";

}  // namespace

TEST_CASE("owners: scan of a work tree shows blame first, then CODEOWNERS") {
  RepoWithSecret r;
  auto doc = Json({"scan", r.repo.path()});
  REQUIRE(doc["findings"].size() == 1);
  const auto& f = doc["findings"][0];
  REQUIRE(f["owners"].size() == 3);  // blame, then the two CODEOWNERS owners
  CHECK(f["owners"][0]["kind"] == "blame");
  CHECK(Hints(f, "blame") ==
        HintList{"Alice Dev <alice@example.com>|commit " + r.commit.substr(0, 12)});
  CHECK(Hints(f, "codeowners") ==
        HintList{"@org/platform|.github/CODEOWNERS:3", "bob@example.com|.github/CODEOWNERS:3"});
  CHECK(f["metadata"]["github.token_type"] == "personal access token (classic)");
}

TEST_CASE("owners: a line changed since HEAD gets no blame, CODEOWNERS still applies") {
  RepoWithSecret r;
  r.repo.Write("config/app.env",
               "DEBUG=1\nGITHUB_TOKEN=" + test::MakeGithubStyleToken("ghp_", 72) + "\n");
  auto doc = Json({"scan", r.repo.path() + "/config"});
  REQUIRE(doc["findings"].size() == 1);
  const auto& f = doc["findings"][0];
  CHECK(Hints(f, "blame").empty());
  CHECK(Hints(f, "codeowners").size() == 2);
}

TEST_CASE("owners: sprawl git shows the introducing commit's author and committer") {
  RepoWithSecret r;
  r.repo.Write("README.md", "later commit\n");
  r.repo.Commit("docs");
  auto doc = Json({"git", r.repo.path()});
  REQUIRE(doc["findings"].size() == 1);
  const auto& f = doc["findings"][0];
  const std::string source = "commit " + r.commit.substr(0, 12);
  REQUIRE(!f["owners"].empty());
  CHECK(f["owners"][0]["kind"] == "commit-author");
  CHECK(Hints(f, "commit-author") == HintList{"Alice Dev <alice@example.com>|" + source});
  CHECK(Hints(f, "commit-committer") == HintList{"Ci Bot <ci@example.com>|" + source});
  CHECK(Hints(f, "codeowners") ==
        HintList{"@org/platform|.github/CODEOWNERS:3", "bob@example.com|.github/CODEOWNERS:3"});
}

TEST_CASE("owners: sprawl git --range attributes hints to the commit in the range") {
  RepoWithSecret r;
  const std::string base = r.commit;
  r.repo.Write("deploy/token.txt", "T=" + test::MakeGithubStyleToken("ghp_", 73) + "\n");
  const std::string added = r.repo.Commit("add deploy token");
  auto doc = Json({"git", r.repo.path(), "--range", base + "..HEAD"});
  REQUIRE(doc["findings"].size() == 1);
  const auto& f = doc["findings"][0];
  CHECK(Hints(f, "commit-author") ==
        HintList{"Alice Dev <alice@example.com>|commit " + added.substr(0, 12)});
  CHECK(Hints(f, "codeowners") == HintList{"@org/everyone|.github/CODEOWNERS:2"});
}

TEST_CASE("owners: staged findings get CODEOWNERS but no commit hints") {
  RepoWithSecret r;
  r.repo.Write("config/new.env", "T=" + test::MakeGithubStyleToken("ghp_", 74) + "\n");
  r.repo.Git("add config/new.env");
  auto doc = Json({"git", r.repo.path(), "--staged"});
  REQUIRE(doc["findings"].size() == 1);
  const auto& f = doc["findings"][0];
  CHECK(Hints(f, "commit-author").empty());
  CHECK(Hints(f, "blame").empty());
  CHECK(Hints(f, "codeowners") ==
        HintList{"@org/platform|.github/CODEOWNERS:3", "bob@example.com|.github/CODEOWNERS:3"});
}

TEST_CASE("owners: sprawl git reads the service-account JSON from the blob") {
  RepoWithSecret r;
  r.repo.Write("keys/sa.json",
               "{\"type\": \"service_account\", \"project_id\": \"etl-jobs\", "
               "\"private_key_id\": \"8e98c930cc3f9ff91dbec192cc6245ba67759a6d\", "
               "\"client_email\": \"etl@etl-jobs.iam.gserviceaccount.com\"}\n");
  r.repo.Commit("add key");
  r.repo.Git("rm -q keys/sa.json");
  r.repo.Commit("remove key");  // gone from the work tree: only the blob has it
  auto doc = Json({"git", r.repo.path()});
  bool seen = false;
  for (const auto& f : doc["findings"]) {
    if (f["rule_id"] != "gcp-service-account-key") continue;
    seen = true;
    CHECK(Hints(f, "service-account") == HintList{"etl@etl-jobs.iam.gserviceaccount.com|secret"});
    CHECK(f["metadata"]["gcp.project_id"] == "etl-jobs");
  }
  CHECK(seen);
}

TEST_CASE("owners: a file outside any repository gets only hints from the secret") {
  test::TempDir dir;
  dir.Write("creds/token.txt", std::string("API_TOKEN=") + kExpiredJwt + "\n");
  dir.Write("creds/sa.json",
            "{\n  \"type\": \"service_account\",\n  \"project_id\": \"payments-prod-3021\",\n"
            "  \"private_key_id\": \"ae2d3ce78d0ab6707d97ea3b9125f77ce8cd81cb\",\n"
            "  \"client_email\": \"deployer@payments-prod-3021.iam.gserviceaccount.com\"\n}\n");
  auto doc = Json({"scan", dir / "creds"});
  bool saw_jwt = false, saw_sa = false;
  for (const auto& f : doc["findings"]) {
    for (const auto& h : f["owners"])
      CHECK(h["source"] == "secret");
    if (f["rule_id"] == "jwt") {
      saw_jwt = true;
      CHECK(Hints(f, "jwt-subject") == HintList{"svc-billing|secret"});
      CHECK(f["metadata"]["expired"] == "true");
      CHECK(f["metadata"]["jwt.exp"] == "2025-05-20T10:13:20Z");
    }
    if (f["rule_id"] == "gcp-service-account-key") {
      saw_sa = true;
      CHECK(f["owners"][0]["kind"] == "service-account");
      CHECK(f["owners"][0]["value"] == "deployer@payments-prod-3021.iam.gserviceaccount.com");
      CHECK(Hints(f, "gcp-project") == HintList{"payments-prod-3021|secret"});
      CHECK(f["metadata"]["gcp.private_key_id"] == "ae2d3ce78d0ab6707d97ea3b9125f77ce8cd81cb");
    }
  }
  CHECK(saw_jwt);
  CHECK(saw_sa);
}

TEST_CASE("owners: human output shows the best owner, the count and expired tokens, escaped") {
  RepoWithSecret r;
  r.repo.Write("config/jwt.env", std::string("JWT=") + kExpiredJwt + "\n");
  r.repo.Git("add -A");
  r.repo.Git("commit -q -m jwt --author='Eve \x1b[31mRed <eve@example.com>'");
  const std::string jwt_commit = r.repo.Git("rev-parse HEAD");
  auto res = RunSprawl({"scan", r.repo.path() + "/config"}, "", test::CliEnv());
  INFO(res.err);
  CHECK(res.exit_code == 1);
  CHECK_THAT(res.out, Contains("owner: Alice Dev <alice@example.com> (blame, " +
                               r.commit.substr(0, 12) + ")  +2 more"));
  CHECK_THAT(res.out, Contains("owner: Eve \\x1b[31mRed <eve@example.com> (blame, " +
                               jwt_commit.substr(0, 12) + ")"));
  CHECK_THAT(res.out, Contains("EXPIRED token (exp 2025-05-20T10:13:20Z)"));
  CHECK(res.out.find('\x1b') == std::string::npos);
}

TEST_CASE("owners: sarif results carry owners and metadata properties") {
  RepoWithSecret r;
  auto res = RunSprawl({"scan", r.repo.path(), "-f", "sarif"}, "", test::CliEnv());
  CHECK(res.exit_code == 1);
  auto doc = nlohmann::json::parse(res.out);
  const auto& props = doc["runs"][0]["results"][0]["properties"];
  REQUIRE(props["owners"].size() == 3);
  CHECK(props["owners"][0]["kind"] == "blame");
  CHECK(props["metadata"]["github.token_type"] == "personal access token (classic)");
}

TEST_CASE("owners: a malformed CODEOWNERS line is reported with file and line") {
  RepoWithSecret r;
  r.repo.Write(".github/CODEOWNERS", "*  @org/everyone\n/config/ not-an-owner\n");
  std::string err;
  auto doc = Json({"scan", r.repo.path()}, &err);
  CHECK_THAT(err, Contains(".github/CODEOWNERS:2: invalid owner 'not-an-owner', line skipped"));
  REQUIRE(doc["findings"].size() == 1);
  CHECK(Hints(doc["findings"][0], "codeowners") == HintList{"@org/everyone|.github/CODEOWNERS:1"});
}

TEST_CASE("owners: a bare repository's CODEOWNERS is read from HEAD's tree") {
  RepoWithSecret r;
  test::TempDir bare_parent;
  const std::string bare = bare_parent / "mirror.git";
  r.repo.Git("clone -q --bare . '" + bare + "'");
  auto doc = Json({"git", bare});
  REQUIRE(doc["findings"].size() == 1);
  const auto& f = doc["findings"][0];
  CHECK(Hints(f, "commit-author") ==
        HintList{"Alice Dev <alice@example.com>|commit " + r.commit.substr(0, 12)});
  CHECK(Hints(f, "codeowners") ==
        HintList{"@org/platform|.github/CODEOWNERS:3", "bob@example.com|.github/CODEOWNERS:3"});
}

TEST_CASE("owners: CODEOWNERS locations are searched in order, the first found is used") {
  RepoWithSecret r;
  r.repo.Write("CODEOWNERS", "* @root-file\n");
  r.repo.Write("docs/CODEOWNERS", "* @docs-file\n");
  auto doc = Json({"scan", r.repo.path() + "/config"});
  REQUIRE(doc["findings"].size() == 1);
  CHECK(Hints(doc["findings"][0], "codeowners").size() == 2);  // .github/ wins
  std::remove((r.repo.path() + "/.github/CODEOWNERS").c_str());
  doc = Json({"scan", r.repo.path() + "/config"});
  REQUIRE(doc["findings"].size() == 1);
  CHECK(Hints(doc["findings"][0], "codeowners") == HintList{"@root-file|CODEOWNERS:1"});
}

TEST_CASE("owners: beyond the blame limit files keep their other hints and a note says so") {
  GitRepo repo;
  repo.Write("CODEOWNERS", "* @org/all\n");
  for (int i = 0; i < 301; ++i)
    repo.Write("f" + std::to_string(1000 + i) + ".env",
               "T=" + test::MakeGithubStyleToken("ghp_", 500 + i) + "\n");
  repo.Commit("many");
  std::string err;
  auto doc = Json({"scan", repo.path()}, &err);
  REQUIRE(doc["findings"].size() == 301);
  for (int i = 0; i < 301; ++i) {
    const auto& f = doc["findings"][i];
    INFO(f["path"]);
    CHECK(Hints(f, "blame").size() == (i < 300 ? 1u : 0u));  // path order decides
    CHECK(Hints(f, "codeowners") == HintList{"@org/all|CODEOWNERS:1"});
  }
  CHECK_THAT(err, Contains("blame skipped for 1 file with findings (at most 300"));
}

TEST_CASE("owners: a secret appended in the work tree does not cost the committed one its blame") {
  RepoWithSecret r;
  r.repo.Write("config/app.env", "DEBUG=1\nGITHUB_TOKEN=" + r.token + "\nEXTRA=1\nNEW_TOKEN=" +
                                     test::MakeGithubStyleToken("ghp_", 75) + "\n");
  auto doc = Json({"scan", r.repo.path() + "/config"});
  REQUIRE(doc["findings"].size() == 2);
  CHECK(Hints(doc["findings"][0], "blame") ==
        HintList{"Alice Dev <alice@example.com>|commit " + r.commit.substr(0, 12)});
  CHECK(doc["findings"][1]["line"] == 4);
  CHECK(Hints(doc["findings"][1], "blame").empty());  // not committed yet
}

TEST_CASE("owners: a repository nested in the scanned one answers for its own files") {
  RepoWithSecret r;  // the outer repository's CODEOWNERS gives `*` to @org/everyone
  const std::string inner_token = test::MakeGithubStyleToken("ghp_", 72);
  r.repo.Git("init -q -b main inner");
  r.repo.Write("inner/app.env", "GITHUB_TOKEN=" + inner_token + "\n");
  r.repo.Git("-C inner add -A");
  r.repo.Git("-C inner commit -q --author='Nina Nested <nina@example.com>' -m inner");
  const std::string inner_commit = r.repo.Git("-C inner rev-parse HEAD");
  auto doc = Json({"scan", r.repo.path()});
  REQUIRE(doc["findings"].size() == 2);
  const auto& outer = doc["findings"][0];
  const auto& inner = doc["findings"][1];
  REQUIRE(inner["path"].get<std::string>().find("inner/app.env") != std::string::npos);
  CHECK(Hints(outer, "blame") ==
        HintList{"Alice Dev <alice@example.com>|commit " + r.commit.substr(0, 12)});
  CHECK(Hints(inner, "blame") ==
        HintList{"Nina Nested <nina@example.com>|commit " + inner_commit.substr(0, 12)});
  CHECK(Hints(inner, "codeowners").empty());  // the outer CODEOWNERS does not reach in
}
