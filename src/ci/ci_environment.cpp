#include "ci/ci_environment.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>

#include "util/fs.hpp"

namespace sprawl {
namespace {

constexpr const char* kNewBranch = "new branch: scanning pushed commits";

CiRangeResult Error(std::string message) {
  return CiRangeResult{std::nullopt, std::move(message)};
}

CiRangeResult Range(std::string base, std::string head, std::string description) {
  return CiRangeResult{CiRange{std::move(base), std::move(head), std::move(description), {}}, {}};
}

CiRangeResult WithPushedRef(CiRangeResult r, std::string ref) {
  if (r.range) r.range->pushed_ref = std::move(ref);
  return r;
}

// An unset or empty variable is missing: GitLab sets some variables to "".
std::optional<std::string> Get(const GetEnv& getenv, const std::string& name) {
  auto v = getenv(name);
  if (!v || v->empty()) return std::nullopt;
  return v;
}

// git's "no object": a ref that did not exist before the push.
bool IsZeroId(const std::string& id) {
  return !id.empty() && id.find_first_not_of('0') == std::string::npos;
}

// A full SHA-1 or SHA-256 object id.
bool IsCommitId(const std::string& id) {
  return (id.size() == 40 || id.size() == 64) &&
         id.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
}

std::string Quoted(const std::string& s) {
  return "'" + (s.size() > 80 ? s.substr(0, 80) + "..." : s) + "'";
}

// base..head from two ids, base all zeros meaning a new branch. `what` names where each
// came from, for errors.
CiRangeResult FromPair(const std::string& context, const std::string& base,
                       const std::string& base_what, const std::string& head,
                       const std::string& head_what) {
  if (!IsCommitId(head) || IsZeroId(head)) {
    return Error(context + ": " + head_what + " is not a commit id: " + Quoted(head));
  }
  if (IsZeroId(base)) return Range("", head, context + ": " + kNewBranch + " up to " + head);
  if (!IsCommitId(base)) {
    return Error(context + ": " + base_what + " is not a commit id: " + Quoted(base));
  }
  return Range(base, head, context + ": " + base + ".." + head);
}

// The string at `path` (keys) in the event document, or nullptr.
const nlohmann::json* Field(const nlohmann::json& doc, std::initializer_list<const char*> path) {
  const nlohmann::json* node = &doc;
  for (const char* key : path) {
    if (!node->is_object()) return nullptr;
    auto it = node->find(key);
    if (it == node->end()) return nullptr;
    node = &*it;
  }
  return node->is_string() ? node : nullptr;
}

CiRangeResult GitHub(const GetEnv& getenv) {
  const auto event = Get(getenv, "GITHUB_EVENT_NAME");
  if (!event) return Error("GitHub Actions: GITHUB_EVENT_NAME is not set");
  const bool push = *event == "push";
  const bool pr = *event == "pull_request" || *event == "pull_request_target";
  const std::string context = "GitHub Actions " + *event;
  if (!push && !pr) {
    return Error(context +
                 " event has no commit range (looked at GITHUB_EVENT_NAME; --ci supports push, "
                 "pull_request and pull_request_target)");
  }
  const auto path = Get(getenv, "GITHUB_EVENT_PATH");
  if (!path) return Error(context + ": GITHUB_EVENT_PATH is not set");
  const auto text = ReadWholeFile(*path);
  if (!text) {
    return Error(context + ": cannot read the event file GITHUB_EVENT_PATH=" + *path + ": " +
                 std::strerror(errno));
  }
  const auto doc = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    return Error(context + ": the event file GITHUB_EVENT_PATH=" + *path + " is not valid JSON");
  }
  const std::string where = " in the event file GITHUB_EVENT_PATH=" + *path;

  if (push) {
    const auto* before = Field(doc, {"before"});
    const auto* after = Field(doc, {"after"});
    if (!before || !after) {
      return Error(context + ": \"" + (before ? "after" : "before") + "\" is missing" + where);
    }
    if (IsZeroId(after->get<std::string>())) {
      return Error(context + ": the push deletes the ref (\"after\" is all zeros" + where +
                   "); nothing to scan");
    }
    const auto* ref = Field(doc, {"ref"});
    return WithPushedRef(FromPair(context, before->get<std::string>(), "\"before\"" + where,
                                  after->get<std::string>(), "\"after\"" + where),
                         ref ? ref->get<std::string>() : std::string());
  }
  const auto* base = Field(doc, {"pull_request", "base", "sha"});
  const auto* head = Field(doc, {"pull_request", "head", "sha"});
  if (!base || !head) {
    return Error(context + ": \"pull_request." + (base ? "head" : "base") + ".sha\" is missing" +
                 where);
  }
  const std::string b = base->get<std::string>();
  if (IsZeroId(b) || !IsCommitId(b)) {
    return Error(context + ": \"pull_request.base.sha\"" + where +
                 " is not a commit id: " + Quoted(b));
  }
  return FromPair(context, b, "\"pull_request.base.sha\"" + where, head->get<std::string>(),
                  "\"pull_request.head.sha\"" + where);
}

CiRangeResult GitLab(const GetEnv& getenv) {
  const auto source = Get(getenv, "CI_PIPELINE_SOURCE");
  const auto iid = Get(getenv, "CI_MERGE_REQUEST_IID");
  const bool merge_request = iid || (source && *source == "merge_request_event");
  const bool push = !merge_request && source && *source == "push";
  if (!merge_request && !push) {
    return Error(std::string("GitLab CI: ") +
                 (source ? "pipeline source " + Quoted(*source) + " has no commit range"
                         : "CI_PIPELINE_SOURCE is not set") +
                 " (looked at CI_PIPELINE_SOURCE and CI_MERGE_REQUEST_IID; --ci supports push "
                 "and merge_request_event pipelines)");
  }
  const std::string context = merge_request
                                  ? "GitLab CI merge request" + (iid ? " !" + *iid : std::string())
                                  : std::string("GitLab CI push");
  const auto head = Get(getenv, "CI_COMMIT_SHA");
  if (!head) return Error(context + ": CI_COMMIT_SHA is not set");

  if (merge_request) {
    const char* name = "CI_MERGE_REQUEST_DIFF_BASE_SHA";
    auto base = Get(getenv, name);
    if (!base) {
      name = "CI_MERGE_REQUEST_TARGET_BRANCH_SHA";
      base = Get(getenv, name);
    }
    if (!base) {
      return Error(context +
                   ": neither CI_MERGE_REQUEST_DIFF_BASE_SHA nor "
                   "CI_MERGE_REQUEST_TARGET_BRANCH_SHA is set");
    }
    if (IsZeroId(*base) || !IsCommitId(*base)) {
      return Error(context + ": " + name + " is not a commit id: " + Quoted(*base));
    }
    return FromPair(context, *base, name, *head, "CI_COMMIT_SHA");
  }
  const auto before = Get(getenv, "CI_COMMIT_BEFORE_SHA");
  if (!before) return Error(context + ": CI_COMMIT_BEFORE_SHA is not set");
  const auto branch = Get(getenv, "CI_COMMIT_BRANCH");  // unset in tag pipelines
  return WithPushedRef(FromPair(context, *before, "CI_COMMIT_BEFORE_SHA", *head, "CI_COMMIT_SHA"),
                       branch ? "refs/heads/" + *branch : std::string());
}

}  // namespace

CiRangeResult DetectCiRange(const GetEnv& getenv) {
  if (Get(getenv, "GITHUB_ACTIONS") == "true" || Get(getenv, "GITHUB_EVENT_NAME")) {
    return GitHub(getenv);
  }
  if (Get(getenv, "GITLAB_CI") == "true" || Get(getenv, "CI_PIPELINE_SOURCE")) {
    return GitLab(getenv);
  }
  return Error(
      "no supported CI environment: none of GITHUB_ACTIONS, GITHUB_EVENT_NAME, GITLAB_CI, "
      "CI_PIPELINE_SOURCE is set (--ci knows GitHub Actions and GitLab CI; elsewhere pass "
      "--range BASE..HEAD)");
}

CiRangeResult DetectCiRangeFromProcess() {
  return DetectCiRange([](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    if (!v) return std::nullopt;
    return std::string(v);
  });
}

}  // namespace sprawl
