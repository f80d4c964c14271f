// A confirmed, filtered secret in some content: what every reporter prints.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "sprawl/provenance.hpp"
#include "sprawl/rule.hpp"

namespace sprawl {

// --- live verification result (docs/verification.md) ---
enum class VerificationStatus { kNotChecked, kVerified, kInvalid, kUnknown };
const char* ToString(VerificationStatus s);  // not-checked | verified | invalid | unknown
bool ParseVerificationStatus(const std::string& s, VerificationStatus* out);

struct Verification {
  VerificationStatus status = VerificationStatus::kNotChecked;
  std::string reason;  // why unknown/invalid ("HTTP 500", "timeout"); never holds the secret
  std::vector<std::pair<std::string, std::string>> identity;  // e.g. login=octocat, in rule order
};
// --- end verification ---

struct Finding {
  const Rule* rule = nullptr;  // owned by the RuleSet, which outlives all findings
  std::string path;            // display path of the content (file path, later blob origin)
  std::uint64_t line = 0;      // 1-based, of the first byte of the secret
  std::uint64_t column = 0;    // 1-based, in Unicode code points
  std::uint64_t end_line = 0;
  std::uint64_t end_column = 0;  // exclusive: the column just past the last character
  std::uint64_t offset = 0;      // byte offset of the secret in the content
  std::string secret;            // raw bytes; printed only with --reveal
  std::string secret_sha256;     // hex
  std::string redacted;
  std::string fingerprint;  // hex; rule + path + secret hash, independent of line moves
  double entropy = 0.0;
  std::string checksum;                      // "valid" or "n/a"
  std::string source = "file";               // file | git | staged | range
  std::shared_ptr<const GitProvenance> git;  // set for git sources
  Verification verification;                 // not-checked unless --verify
};

// Stable order used by every reporter: path, line, column, rule id.
bool FindingLess(const Finding& a, const Finding& b);

}  // namespace sprawl
