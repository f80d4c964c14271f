#include "verify/verifier.hpp"

#include <cstdlib>
#include <ctime>
#include <map>
#include <optional>
#include <string>

#include "util/text.hpp"
#include "verify/aws_sigv4.hpp"
#include "verify/request_builder.hpp"
#include "verify/response_matcher.hpp"
#include "verify/verification_cache.hpp"

namespace sprawl {
namespace {

// Findings that came from the same content (a file, or a git blob at a path).
std::string ContentKey(const Finding& f) {
  return f.path + '\0' + (f.git ? f.git->blob_id : "");
}

// The nearest finding of `rule_id` within `within_lines` of `f` in the same content.
const Finding* FindCompanion(const std::vector<Finding>& all,
                             const std::vector<std::size_t>& same_content, const Finding& f,
                             const CompanionSpec& c) {
  const Finding* best = nullptr;
  std::uint64_t best_distance = 0;
  for (std::size_t i : same_content) {
    const Finding& g = all[i];
    if (g.rule->id != c.rule) continue;
    const std::uint64_t d = g.line > f.line ? g.line - f.line : f.line - g.line;
    if (d > static_cast<std::uint64_t>(c.within_lines)) continue;
    if (!best || d < best_distance) {  // ties: the earlier finding (input is sorted)
      best = &g;
      best_distance = d;
    }
  }
  return best;
}

Verification Unknown(const std::string& reason) {
  Verification v;
  v.status = VerificationStatus::kUnknown;
  v.reason = reason;
  return v;
}

struct PendingCall {
  std::string cache_key;
  const VerifySpec* spec;
  std::vector<std::size_t> findings;
};

class BatchVerifier {
 public:
  BatchVerifier(std::vector<Finding>* findings, const VerifyOptions& options)
      : findings_(*findings), options_(options) {
    for (std::size_t i = 0; i < findings_.size(); ++i) {
      by_content_[ContentKey(findings_[i])].push_back(i);
    }
  }

  VerifyStats Run() {
    VerifyStats stats;
    for (std::size_t i = 0; i < findings_.size(); ++i) {
      if (!findings_[i].rule->verify) continue;
      Plan(i);
      ++stats.checked;
    }
    std::vector<HttpRequest> requests;
    for (const auto& call : calls_)
      requests.push_back(call.request);
    stats.requests = requests.size();
    const auto responses = PerformHttpRequests(requests, options_.http);
    for (std::size_t c = 0; c < calls_.size(); ++c) {
      const PendingCall& p = calls_[c].pending;
      const Verification v = p.spec->type == VerifySpec::kTypeAwsSts
                                 ? ClassifyStsResponse(responses[c])
                                 : ClassifyResponse(*p.spec, responses[c]);
      cache_.Store(p.cache_key, v);
      for (std::size_t i : p.findings)
        findings_[i].verification = v;
    }
    return stats;
  }

 private:
  struct Call {
    PendingCall pending;
    HttpRequest request;
  };

  void Plan(std::size_t index) {
    Finding& f = findings_[index];
    const VerifySpec& spec = *f.rule->verify;
    std::map<std::string, std::string> companions;
    for (const auto& c : spec.companions) {
      const Finding* g = FindCompanion(findings_, by_content_[ContentKey(f)], f, c);
      if (!g) {
        f.verification = Unknown("companion " + c.name + " not found within " +
                                 std::to_string(c.within_lines) + " lines");
        return;
      }
      companions[c.name] = g->secret;
    }
    const std::string key = VerificationCache::Key(f.rule->id, f.secret, companions);
    if (const Verification* done = cache_.Find(key)) {
      f.verification = *done;
      return;
    }
    if (auto it = call_by_key_.find(key); it != call_by_key_.end()) {
      calls_[it->second].pending.findings.push_back(index);
      return;
    }
    HttpRequest request;
    std::string error;
    if (!Build(f, spec, companions, &request, &error)) {
      f.verification = Unknown(error);
      cache_.Store(key, f.verification);
      return;
    }
    call_by_key_[key] = calls_.size();
    calls_.push_back(Call{PendingCall{key, &spec, {index}}, std::move(request)});
  }

  bool Build(const Finding& f, const VerifySpec& spec,
             const std::map<std::string, std::string>& companions, HttpRequest* out,
             std::string* error) const {
    if (spec.type == VerifySpec::kTypeAwsSts) {
      if (StartsWith(f.secret, "ASIA")) {
        *error = "temporary AWS key (ASIA...) needs its session token; not sent";
        return false;
      }
      *out = BuildStsRequest(f.secret, companions.at("secret_access_key"), options_.egress,
                             std::time(nullptr));
      return !out->url.empty() || (*error = "egress policy refused the STS URL", false);
    }
    TemplateVars vars(companions.begin(), companions.end());
    vars["secret"] = f.secret;
    return BuildRequest(spec.request, vars, options_.egress, out, error);
  }

  std::vector<Finding>& findings_;
  const VerifyOptions& options_;
  std::map<std::string, std::vector<std::size_t>> by_content_;
  VerificationCache cache_;
  std::map<std::string, std::size_t> call_by_key_;
  std::vector<Call> calls_;
};

}  // namespace

VerifyStats VerifyFindings(std::vector<Finding>* findings, const VerifyOptions& options) {
  BatchVerifier verifier(findings, options);
  return verifier.Run();
}

}  // namespace sprawl
