// Counters for one run. Each worker keeps its own; they are summed at the end.
#pragma once

#include <cstdint>

namespace sprawl {

struct ScanStats {
  std::uint64_t files_scanned = 0;
  std::uint64_t bytes_scanned = 0;
  std::uint64_t skipped_binary = 0;
  std::uint64_t skipped_too_large = 0;
  std::uint64_t skipped_allowlisted_paths = 0;
  std::uint64_t skipped_symlinks = 0;
  std::uint64_t skipped_special = 0;
  std::uint64_t read_errors = 0;
  std::uint64_t candidates = 0;
  std::uint64_t filtered_entropy = 0;
  std::uint64_t filtered_placeholder = 0;
  std::uint64_t filtered_checksum = 0;
  std::uint64_t filtered_allow_comment = 0;
  std::uint64_t filtered_allowlist = 0;
  std::uint64_t filtered_overlap = 0;
  std::uint64_t findings = 0;                // reported, after any baseline
  std::uint64_t suppressed_by_baseline = 0;  // findings already in the --baseline file
  double elapsed_seconds = 0.0;

  void Add(const ScanStats& o) {
    files_scanned += o.files_scanned;
    bytes_scanned += o.bytes_scanned;
    skipped_binary += o.skipped_binary;
    skipped_too_large += o.skipped_too_large;
    skipped_allowlisted_paths += o.skipped_allowlisted_paths;
    skipped_symlinks += o.skipped_symlinks;
    skipped_special += o.skipped_special;
    read_errors += o.read_errors;
    candidates += o.candidates;
    filtered_entropy += o.filtered_entropy;
    filtered_placeholder += o.filtered_placeholder;
    filtered_checksum += o.filtered_checksum;
    filtered_allow_comment += o.filtered_allow_comment;
    filtered_allowlist += o.filtered_allowlist;
    filtered_overlap += o.filtered_overlap;
    findings += o.findings;
    suppressed_by_baseline += o.suppressed_by_baseline;
  }
};

}  // namespace sprawl
