// `--verify`, `--verify-concurrency`, `--verify-timeout`, `--results`, `--fail-on`: the live
// verification step every scanning command runs between its scan and its report, and the
// exit-code policy that follows from it (docs/verification.md).
#pragma once

#include <CLI/CLI.hpp>
#include <set>
#include <string>

#include "scan/file_scan_job.hpp"
#include "sprawl/finding.hpp"
#include "verify/verifier.hpp"

namespace sprawl::cli {

struct VerifyFlags {
  bool verify = false;
  int concurrency = 8;
  double timeout_seconds = 10;
  std::string results;          // comma-separated statuses; "" = all
  std::string fail_on = "any";  // any | verified
};

void AddVerifyFlags(CLI::App* cmd, VerifyFlags* flags);

class VerificationStep {
 public:
  // Checks the flags and the test-only egress override; throws UsageError.
  explicit VerificationStep(const VerifyFlags& flags);

  // With --verify, checks every finding whose rule has a verify block; then keeps only the
  // findings whose status --results lists.
  void Apply(ScanResult* result);
  // 1 when the policy says the reported findings fail the run, else 0.
  int ExitCode(const ScanResult& result) const;
  // "2 verified, 1 invalid, 3 unknown, 4 not-checked" after --verify, else "".
  std::string Summary(const ScanResult& result) const;

 private:
  const VerifyFlags& flags_;
  std::set<VerificationStatus> keep_;  // empty = all
  bool fail_on_verified_ = false;
  VerifyOptions options_;
};

}  // namespace sprawl::cli
