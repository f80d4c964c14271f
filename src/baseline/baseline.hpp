// Baselines: the identities of findings a team has accepted (or is still revoking), so a CI
// gate fails only on new secrets. A baseline never holds a secret, only its SHA-256.
//
// A finding is in the baseline when its (rule id, path, secret SHA-256) is: the same
// identity the finding's `fingerprint` hashes. The line is stored as a hint for humans and
// never matched, so moving a secret keeps it suppressed and replacing it does not.
//
// Independent of where findings come from (files scan, git history): callers hand over a
// vector of findings. Docs: docs/baseline.md.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "sprawl/finding.hpp"

namespace sprawl {

inline constexpr int kBaselineVersion = 1;
inline constexpr const char* kDefaultBaselineFile = ".sprawl-baseline.json";

struct BaselineEntry {
  std::string rule_id;
  std::string path;           // as reported (invalid UTF-8 as \xNN escapes)
  std::string secret_sha256;  // lowercase hex
  std::string fingerprint;    // the finding's fingerprint; informational
  std::uint64_t line = 0;     // where it was when recorded; a hint, never matched
};

class Baseline {
 public:
  Baseline() = default;

  // One entry per distinct identity (the first occurrence's line is kept), sorted.
  static Baseline FromFindings(const std::vector<Finding>& findings);
  // Parses a baseline document. Throws UsageError naming `file` (and line:column for JSON
  // syntax errors) when the document is malformed or of an unknown version.
  static Baseline Parse(const std::string& text, const std::string& file);
  // Reads and parses `file`; a missing or unreadable file is a UsageError too.
  static Baseline Load(const std::string& file);

  // The JSON document, entries sorted by path, rule id, secret hash (not by line, so a
  // moved secret changes only its line hint). Ends with a newline.
  std::string ToJson() const;
  // Writes ToJson() atomically; throws UsageError naming `file` if it cannot.
  void Save(const std::string& file) const;

  bool Contains(const Finding& finding) const;
  bool Contains(const BaselineEntry& entry) const;
  const std::vector<BaselineEntry>& entries() const { return entries_; }
  // Entries that match none of `findings`: secrets that were removed (or rotated).
  std::vector<BaselineEntry> Unmatched(const std::vector<Finding>& findings) const;

 private:
  using Key = std::tuple<std::string, std::string, std::string>;  // rule, path, sha256
  static Key KeyOf(const BaselineEntry& e);
  static Key KeyOf(const Finding& f);
  void Index();

  std::vector<BaselineEntry> entries_;
  std::set<Key> keys_;
};

// Removes from `findings` those in `baseline`, keeping the order of the rest. Returns how
// many were removed; the caller adds it to ScanStats::suppressed_by_baseline and takes it
// off ScanStats::findings.
std::size_t RemoveBaselined(const Baseline& baseline, std::vector<Finding>* findings);

}  // namespace sprawl
