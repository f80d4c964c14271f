// CI range detection from a fake environment and real event files in a temp dir.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "ci/ci_environment.hpp"
#include "support/temp_dir.hpp"

using namespace sprawl;
using Catch::Matchers::Contains;

namespace {

using Env = std::map<std::string, std::string>;

const std::string kBase(40, 'a');
const std::string kHead = "0123456789abcdef0123456789abcdef01234567";
const std::string kZeros(40, '0');

// Runs detection over `env`, recording every variable it asked for.
CiRangeResult Detect(const Env& env, std::set<std::string>* asked = nullptr) {
  return DetectCiRange([&](const std::string& name) -> std::optional<std::string> {
    if (asked) asked->insert(name);
    auto it = env.find(name);
    if (it == env.end()) return std::nullopt;
    return it->second;
  });
}

Env GitHubEnv(const std::string& event, const std::string& event_path) {
  return {
      {"GITHUB_ACTIONS", "true"}, {"GITHUB_EVENT_NAME", event}, {"GITHUB_EVENT_PATH", event_path}};
}

std::string PushEvent(const std::string& before, const std::string& after) {
  return R"({"ref": "refs/heads/main", "before": ")" + before + R"(", "after": ")" + after +
         R"(", "repository": {"full_name": "o/r"}})";
}

std::string PullRequestEvent(const std::string& base, const std::string& head) {
  return R"({"action": "synchronize", "number": 7, "pull_request": {"base": {"ref": "main", "sha": ")" +
         base + R"("}, "head": {"ref": "topic", "sha": ")" + head + R"("}}})";
}

}  // namespace

TEST_CASE("GitHub Actions push: before..after from the event file") {
  test::TempDir dir;
  const auto event = dir.Write("event.json", PushEvent(kBase, kHead));
  auto r = Detect(GitHubEnv("push", event));
  INFO(r.error);
  REQUIRE(r.ok());
  CHECK(r.error.empty());
  CHECK(r.range->base == kBase);
  CHECK(r.range->head == kHead);
  CHECK_FALSE(r.range->since_remotes());
  CHECK_THAT(r.range->description, Contains("GitHub Actions push"));
  CHECK_THAT(r.range->description, Contains(kBase + ".." + kHead));
}

TEST_CASE("GitHub Actions push of a new branch scans the pushed commits") {
  test::TempDir dir;
  const auto event = dir.Write("event.json", PushEvent(kZeros, kHead));
  auto r = Detect(GitHubEnv("push", event));
  REQUIRE(r.ok());
  CHECK(r.range->base.empty());
  CHECK(r.range->since_remotes());
  CHECK(r.range->head == kHead);
  CHECK(r.range->pushed_ref == "refs/heads/main");
  CHECK_THAT(r.range->description, Contains("new branch: scanning pushed commits"));
}

TEST_CASE("GitHub Actions push: SHA-256 repositories are accepted") {
  test::TempDir dir;
  const std::string base(64, 'b'), head(64, 'c');
  auto r = Detect(GitHubEnv("push", dir.Write("e.json", PushEvent(base, head))));
  REQUIRE(r.ok());
  CHECK(r.range->base == base);
  CHECK(r.range->head == head);
}

TEST_CASE("GitHub Actions push errors name what is missing") {
  test::TempDir dir;
  SECTION("a deleted ref has nothing to scan") {
    auto r = Detect(GitHubEnv("push", dir.Write("e.json", PushEvent(kBase, kZeros))));
    CHECK_FALSE(r.ok());
    CHECK_THAT(r.error, Contains("deletes the ref"));
  }
  SECTION("\"before\" missing") {
    const auto path = dir.Write("e.json", R"({"after": ")" + kHead + R"("})");
    auto r = Detect(GitHubEnv("push", path));
    CHECK_FALSE(r.ok());
    CHECK_THAT(r.error, Contains("\"before\" is missing"));
    CHECK_THAT(r.error, Contains("GITHUB_EVENT_PATH=" + path));
  }
  SECTION("\"after\" is not a string") {
    auto r = Detect(
        GitHubEnv("push", dir.Write("e.json", R"({"before": ")" + kBase + R"(", "after": null})")));
    CHECK_FALSE(r.ok());
    CHECK_THAT(r.error, Contains("\"after\" is missing"));
  }
  SECTION("an id that is not hex") {
    auto r = Detect(GitHubEnv("push", dir.Write("e.json", PushEvent("main", kHead))));
    CHECK_FALSE(r.ok());
    CHECK_THAT(r.error, Contains("\"before\""));
    CHECK_THAT(r.error, Contains("is not a commit id: 'main'"));
  }
  SECTION("a short id") {
    auto r = Detect(GitHubEnv("push", dir.Write("e.json", PushEvent(kBase, "abc1234"))));
    CHECK_FALSE(r.ok());
    CHECK_THAT(r.error, Contains("\"after\""));
    CHECK_THAT(r.error, Contains("'abc1234'"));
  }
  SECTION("GITHUB_EVENT_PATH not set") {
    auto r = Detect({{"GITHUB_ACTIONS", "true"}, {"GITHUB_EVENT_NAME", "push"}});
    CHECK_FALSE(r.ok());
    CHECK_THAT(r.error, Contains("GITHUB_EVENT_PATH is not set"));
  }
  SECTION("GITHUB_EVENT_PATH names no file") {
    auto r = Detect(GitHubEnv("push", dir / "missing.json"));
    CHECK_FALSE(r.ok());
    CHECK_THAT(r.error, Contains("cannot read the event file"));
    CHECK_THAT(r.error, Contains(dir / "missing.json"));
  }
  SECTION("the event file is not JSON") {
    auto r = Detect(GitHubEnv("push", dir.Write("e.json", "{\"before\": ")));
    CHECK_FALSE(r.ok());
    CHECK_THAT(r.error, Contains("is not valid JSON"));
  }
}

TEST_CASE("GitHub Actions pull_request and pull_request_target: base.sha..head.sha") {
  test::TempDir dir;
  const auto event = dir.Write("pr.json", PullRequestEvent(kBase, kHead));
  for (const char* name : {"pull_request", "pull_request_target"}) {
    INFO(name);
    auto r = Detect(GitHubEnv(name, event));
    INFO(r.error);
    REQUIRE(r.ok());
    CHECK(r.range->base == kBase);
    CHECK(r.range->head == kHead);
    CHECK_THAT(r.range->description, Contains(std::string("GitHub Actions ") + name));
    CHECK(r.range->pushed_ref.empty());
  }
}

TEST_CASE("GitHub Actions pull_request errors") {
  test::TempDir dir;
  SECTION("head.sha missing") {
    auto r = Detect(GitHubEnv(
        "pull_request",
        dir.Write("e.json", R"({"pull_request": {"base": {"sha": ")" + kBase + R"("}}})")));
    CHECK_FALSE(r.ok());
    CHECK_THAT(r.error, Contains("\"pull_request.head.sha\" is missing"));
  }
  SECTION("no pull_request object (a push event file)") {
    auto r = Detect(GitHubEnv("pull_request", dir.Write("e.json", PushEvent(kBase, kHead))));
    CHECK_FALSE(r.ok());
    CHECK_THAT(r.error, Contains("\"pull_request.base.sha\" is missing"));
  }
  SECTION("a zero base is not a new branch for a pull request") {
    auto r =
        Detect(GitHubEnv("pull_request", dir.Write("e.json", PullRequestEvent(kZeros, kHead))));
    CHECK_FALSE(r.ok());
    CHECK_THAT(r.error, Contains("pull_request.base.sha"));
  }
}

TEST_CASE("GitHub Actions events without a range are errors naming GITHUB_EVENT_NAME") {
  test::TempDir dir;
  const auto event = dir.Write("e.json", PushEvent(kBase, kHead));
  for (const char* name : {"schedule", "workflow_dispatch", "merge_group"}) {
    INFO(name);
    auto r = Detect(GitHubEnv(name, event));
    CHECK_FALSE(r.ok());
    CHECK_THAT(r.error, Contains(std::string("GitHub Actions ") + name));
    CHECK_THAT(r.error, Contains("GITHUB_EVENT_NAME"));
    CHECK_THAT(r.error, Contains("pull_request"));
  }
  auto unnamed = Detect({{"GITHUB_ACTIONS", "true"}});
  CHECK_FALSE(unnamed.ok());
  CHECK_THAT(unnamed.error, Contains("GITHUB_EVENT_NAME is not set"));
}

TEST_CASE("GitLab CI merge requests: diff base, else target branch sha, ..CI_COMMIT_SHA") {
  Env env = {{"GITLAB_CI", "true"},
             {"CI_PIPELINE_SOURCE", "merge_request_event"},
             {"CI_MERGE_REQUEST_IID", "42"},
             {"CI_COMMIT_SHA", kHead},
             {"CI_COMMIT_BEFORE_SHA", kZeros},
             {"CI_MERGE_REQUEST_DIFF_BASE_SHA", kBase},
             {"CI_MERGE_REQUEST_TARGET_BRANCH_SHA", std::string(40, 'e')}};
  auto r = Detect(env);
  INFO(r.error);
  REQUIRE(r.ok());
  CHECK(r.range->base == kBase);  // the diff base wins over the target branch sha
  CHECK(r.range->head == kHead);
  CHECK_THAT(r.range->description, Contains("GitLab CI merge request !42"));

  env.erase("CI_MERGE_REQUEST_DIFF_BASE_SHA");
  auto target = Detect(env);
  REQUIRE(target.ok());
  CHECK(target.range->base == std::string(40, 'e'));

  env["CI_MERGE_REQUEST_DIFF_BASE_SHA"] = "";  // GitLab sets some variables empty
  auto empty = Detect(env);
  REQUIRE(empty.ok());
  CHECK(empty.range->base == std::string(40, 'e'));

  env.erase("CI_MERGE_REQUEST_TARGET_BRANCH_SHA");
  auto neither = Detect(env);
  CHECK_FALSE(neither.ok());
  CHECK_THAT(neither.error, Contains("CI_MERGE_REQUEST_DIFF_BASE_SHA"));
  CHECK_THAT(neither.error, Contains("CI_MERGE_REQUEST_TARGET_BRANCH_SHA"));
}

TEST_CASE("GitLab CI merge requests are recognised by CI_MERGE_REQUEST_IID alone") {
  auto r = Detect({{"GITLAB_CI", "true"},
                   {"CI_MERGE_REQUEST_IID", "3"},
                   {"CI_COMMIT_SHA", kHead},
                   {"CI_MERGE_REQUEST_DIFF_BASE_SHA", kBase}});
  REQUIRE(r.ok());
  CHECK(r.range->base == kBase);
  CHECK_THAT(r.range->description, Contains("merge request !3"));
}

TEST_CASE("GitLab CI merge request with an invalid base is an error") {
  auto r = Detect({{"CI_PIPELINE_SOURCE", "merge_request_event"},
                   {"CI_COMMIT_SHA", kHead},
                   {"CI_MERGE_REQUEST_DIFF_BASE_SHA", "not-a-sha"}});
  CHECK_FALSE(r.ok());
  CHECK_THAT(r.error, Contains("CI_MERGE_REQUEST_DIFF_BASE_SHA is not a commit id"));
}

TEST_CASE("GitLab CI pushes: CI_COMMIT_BEFORE_SHA..CI_COMMIT_SHA, zeros for a new branch") {
  Env env = {{"GITLAB_CI", "true"},
             {"CI_PIPELINE_SOURCE", "push"},
             {"CI_COMMIT_SHA", kHead},
             {"CI_COMMIT_BEFORE_SHA", kBase}};
  auto r = Detect(env);
  INFO(r.error);
  REQUIRE(r.ok());
  CHECK(r.range->base == kBase);
  CHECK(r.range->head == kHead);
  CHECK_THAT(r.range->description, Contains("GitLab CI push"));

  env["CI_COMMIT_BEFORE_SHA"] = kZeros;
  auto fresh = Detect(env);
  REQUIRE(fresh.ok());
  CHECK(fresh.range->since_remotes());
  CHECK(fresh.range->head == kHead);
  CHECK(fresh.range->pushed_ref.empty());  // CI_COMMIT_BRANCH unset (a tag pipeline)
  env["CI_COMMIT_BRANCH"] = "topic";
  CHECK(Detect(env).range->pushed_ref == "refs/heads/topic");
  CHECK_THAT(fresh.range->description, Contains("new branch: scanning pushed commits"));
}

TEST_CASE("GitLab CI errors name the variables") {
  SECTION("CI_COMMIT_BEFORE_SHA missing") {
    auto r = Detect({{"CI_PIPELINE_SOURCE", "push"}, {"CI_COMMIT_SHA", kHead}});
    CHECK_FALSE(r.ok());
    CHECK_THAT(r.error, Contains("CI_COMMIT_BEFORE_SHA is not set"));
  }
  SECTION("CI_COMMIT_SHA missing") {
    auto r = Detect({{"CI_PIPELINE_SOURCE", "push"}, {"CI_COMMIT_BEFORE_SHA", kBase}});
    CHECK_FALSE(r.ok());
    CHECK_THAT(r.error, Contains("CI_COMMIT_SHA is not set"));
  }
  SECTION("CI_COMMIT_SHA is not an id") {
    auto r = Detect({{"CI_PIPELINE_SOURCE", "push"},
                     {"CI_COMMIT_SHA", "HEAD"},
                     {"CI_COMMIT_BEFORE_SHA", kBase}});
    CHECK_FALSE(r.ok());
    CHECK_THAT(r.error, Contains("CI_COMMIT_SHA is not a commit id: 'HEAD'"));
  }
  SECTION("a scheduled pipeline has no range") {
    auto r = Detect({{"GITLAB_CI", "true"},
                     {"CI_PIPELINE_SOURCE", "schedule"},
                     {"CI_COMMIT_SHA", kHead},
                     {"CI_COMMIT_BEFORE_SHA", kZeros}});
    CHECK_FALSE(r.ok());
    CHECK_THAT(r.error, Contains("'schedule'"));
    CHECK_THAT(r.error, Contains("CI_PIPELINE_SOURCE"));
    CHECK_THAT(r.error, Contains("CI_MERGE_REQUEST_IID"));
  }
  SECTION("GITLAB_CI without CI_PIPELINE_SOURCE") {
    auto r = Detect({{"GITLAB_CI", "true"}, {"CI_COMMIT_SHA", kHead}});
    CHECK_FALSE(r.ok());
    CHECK_THAT(r.error, Contains("CI_PIPELINE_SOURCE is not set"));
  }
}

TEST_CASE("outside GitHub Actions and GitLab CI the error names the variables looked at") {
  for (const Env& env : {Env{}, Env{{"CI", "true"}, {"JENKINS_URL", "http://ci"}},
                         Env{{"GITHUB_ACTIONS", "false"}, {"GITLAB_CI", ""}}}) {
    auto r = Detect(env);
    CHECK_FALSE(r.ok());
    CHECK_FALSE(r.range.has_value());
    for (const char* name :
         {"GITHUB_ACTIONS", "GITHUB_EVENT_NAME", "GITLAB_CI", "CI_PIPELINE_SOURCE"}) {
      CHECK_THAT(r.error, Contains(name));
    }
  }
}

TEST_CASE("GitHub Actions wins when both providers' variables are present") {
  test::TempDir dir;
  Env env = GitHubEnv("push", dir.Write("e.json", PushEvent(kBase, kHead)));
  env["CI_PIPELINE_SOURCE"] = "push";
  env["CI_COMMIT_SHA"] = std::string(40, 'f');
  env["CI_COMMIT_BEFORE_SHA"] = std::string(40, 'e');
  auto r = Detect(env);
  REQUIRE(r.ok());
  CHECK(r.range->head == kHead);
}

TEST_CASE("every variable DetectCiRange reads is documented in docs/ci.md") {
  test::TempDir dir;
  std::set<std::string> asked;
  // Paths that between them reach every lookup.
  Detect(GitHubEnv("push", dir.Write("e.json", PushEvent(kBase, kHead))), &asked);
  Detect({{"CI_PIPELINE_SOURCE", "merge_request_event"}, {"CI_COMMIT_SHA", kHead}}, &asked);
  Detect(
      {{"CI_PIPELINE_SOURCE", "push"}, {"CI_COMMIT_SHA", kHead}, {"CI_COMMIT_BEFORE_SHA", kBase}},
      &asked);
  Detect({}, &asked);
  for (const char* expected :
       {"GITHUB_ACTIONS", "GITHUB_EVENT_NAME", "GITHUB_EVENT_PATH", "GITLAB_CI",
        "CI_PIPELINE_SOURCE", "CI_MERGE_REQUEST_IID", "CI_COMMIT_SHA", "CI_COMMIT_BEFORE_SHA",
        "CI_COMMIT_BRANCH", "CI_MERGE_REQUEST_DIFF_BASE_SHA",
        "CI_MERGE_REQUEST_TARGET_BRANCH_SHA"}) {
    CHECK(asked.count(expected) == 1);
  }
  std::ifstream in(std::string(SPRAWL_SOURCE_DIR) + "/docs/ci.md");
  REQUIRE(in);
  std::stringstream doc;
  doc << in.rdbuf();
  for (const auto& name : asked) {
    INFO(name);
    CHECK_THAT(doc.str(), Contains("`" + name + "`"));
  }
  for (const char* field :
       {"`before`", "`after`", "`pull_request.base.sha`", "`pull_request.head.sha`"}) {
    CHECK_THAT(doc.str(), Contains(field));
  }
}
