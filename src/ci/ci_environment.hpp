// Which commits a CI job should scan, from the CI system's environment (GitHub Actions,
// GitLab CI). Pure logic over an injected getenv; the only I/O is reading GitHub's event file.
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace sprawl {

// The commits to scan: those reachable from `head` and not from `base`.
struct CiRange {
  std::string base;  // empty: a new branch; scan the commits not on any remote-tracking ref
  std::string head;
  std::string description;  // one line for the user, e.g. "GitHub Actions push: a1b2..c3d4"
  // For a push, the ref pushed ("refs/heads/topic"; empty when unknown). CI clones fetch
  // the pushed branch itself as refs/remotes/<remote>/topic, so when `base` is empty that
  // tracking ref must not count as "already on a remote" or nothing would be scanned.
  std::string pushed_ref;

  bool since_remotes() const { return base.empty(); }
};

// Either a range or an error saying which variables (or event file fields) were looked at
// and what was missing.
struct CiRangeResult {
  std::optional<CiRange> range;
  std::string error;

  bool ok() const { return range.has_value(); }
};

using GetEnv = std::function<std::optional<std::string>(const std::string&)>;

// Reads, by provider (every variable is listed in docs/ci.md):
//   GitHub Actions (GITHUB_ACTIONS=true or GITHUB_EVENT_NAME set): GITHUB_EVENT_NAME,
//     GITHUB_EVENT_PATH; push: "before"/"after"/"ref"; pull_request, pull_request_target:
//     pull_request.base.sha / pull_request.head.sha.
//   GitLab CI (GITLAB_CI=true or CI_PIPELINE_SOURCE set): CI_PIPELINE_SOURCE, CI_COMMIT_SHA;
//     merge requests (CI_MERGE_REQUEST_IID set or source merge_request_event):
//     CI_MERGE_REQUEST_DIFF_BASE_SHA, else CI_MERGE_REQUEST_TARGET_BRANCH_SHA;
//     pushes: CI_COMMIT_BEFORE_SHA, CI_COMMIT_BRANCH.
// A base of all zeros means a new branch (CiRange::base empty). Commit ids must be 40 or 64
// hex digits.
CiRangeResult DetectCiRange(const GetEnv& getenv);

// DetectCiRange over the process environment.
CiRangeResult DetectCiRangeFromProcess();

}  // namespace sprawl
