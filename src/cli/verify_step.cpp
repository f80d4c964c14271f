#include "cli/verify_step.hpp"

#include <algorithm>
#include <map>

#include "sprawl/error.hpp"
#include "sprawl/exit_codes.hpp"
#include "util/escape.hpp"

namespace sprawl::cli {
namespace {

constexpr int kMaxConcurrency = 64;
constexpr double kMaxTimeoutSeconds = 300;

std::set<VerificationStatus> ParseResults(const std::string& list) {
  std::set<VerificationStatus> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = list.find(',', start);
    const std::string item =
        list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    VerificationStatus s;
    if (!ParseVerificationStatus(item, &s)) {
      throw UsageError("unknown --results status '" + EscapeForTerminal(item) +
                       "' (expected verified, invalid, unknown, not-checked)");
    }
    out.insert(s);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

}  // namespace

void AddVerifyFlags(CLI::App* cmd, VerifyFlags* flags) {
  cmd->add_flag("--verify", flags->verify,
                "Check found secrets live with their provider; each secret goes only to the "
                "host its rule declares (list: sprawl rules endpoints)");
  cmd->add_option("--verify-concurrency", flags->concurrency,
                  "Verification requests in flight at once (default 8)");
  cmd->add_option("--verify-timeout", flags->timeout_seconds,
                  "Seconds before a verification request gives up (default 10)");
  cmd->add_option("--results", flags->results,
                  "Report only findings with these verification statuses, comma-separated: "
                  "verified, invalid, unknown, not-checked (default: all)");
  cmd->add_option("--fail-on", flags->fail_on,
                  "Exit 1 on: any (any finding reported, default) or verified (only a live "
                  "secret; needs --verify)")
      ->capture_default_str();
}

VerificationStep::VerificationStep(const VerifyFlags& flags) : flags_(flags) {
  if (flags.concurrency < 1 || flags.concurrency > kMaxConcurrency) {
    throw UsageError("--verify-concurrency must be in 1.." + std::to_string(kMaxConcurrency));
  }
  if (!(flags.timeout_seconds > 0) || flags.timeout_seconds > kMaxTimeoutSeconds) {
    throw UsageError("--verify-timeout must be in (0, 300] seconds");
  }
  if (flags.fail_on == "verified") {
    fail_on_verified_ = true;
    if (!flags.verify) throw UsageError("--fail-on verified needs --verify");
  } else if (flags.fail_on != "any") {
    throw UsageError("unknown --fail-on '" + EscapeForTerminal(flags.fail_on) +
                     "' (expected any, verified)");
  }
  if (!flags.results.empty()) keep_ = ParseResults(flags.results);
  if (flags.verify) {
    options_.egress = EgressPolicy::FromEnvironment();
    options_.http.concurrency = flags.concurrency;
    options_.http.timeout_seconds = flags.timeout_seconds;
    options_.http.ca_file = options_.egress.ca_file();
  }
}

void VerificationStep::Apply(ScanResult* result) {
  if (flags_.verify) VerifyFindings(&result->findings, options_);
  if (keep_.empty()) return;
  auto& f = result->findings;
  f.erase(std::remove_if(f.begin(), f.end(),
                         [&](const Finding& x) { return !keep_.count(x.verification.status); }),
          f.end());
  result->stats.findings = f.size();
}

int VerificationStep::ExitCode(const ScanResult& result) const {
  const auto& f = result.findings;
  if (!fail_on_verified_) return f.empty() ? kExitClean : kExitFindings;
  const bool live = std::any_of(f.begin(), f.end(), [](const Finding& x) {
    return x.verification.status == VerificationStatus::kVerified;
  });
  return live ? kExitFindings : kExitClean;
}

std::string VerificationStep::Summary(const ScanResult& result) const {
  if (!flags_.verify) return {};
  std::map<VerificationStatus, std::size_t> counts;
  for (const auto& f : result.findings)
    ++counts[f.verification.status];
  std::string out;
  for (auto s : {VerificationStatus::kVerified, VerificationStatus::kInvalid,
                 VerificationStatus::kUnknown, VerificationStatus::kNotChecked}) {
    out += (out.empty() ? "" : ", ") + std::to_string(counts[s]) + " " + ToString(s);
  }
  return out;
}

}  // namespace sprawl::cli
