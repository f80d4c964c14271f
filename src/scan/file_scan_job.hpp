// Runs a files scan: one walker feeding a queue, N workers each with its own Scanner
// (Hyperscan scratch) and read buffer. The only place in the files path with threads.
#pragma once

#include <string>
#include <vector>

#include "filters/candidate_filter.hpp"
#include "sources/file_scan.hpp"
#include "sources/file_walker.hpp"
#include "sprawl/engine.hpp"
#include "sprawl/finding.hpp"
#include "sprawl/stats.hpp"

namespace sprawl {

struct FileScanJob {
  std::vector<std::string> roots;
  WalkOptions walk;
  FileScanOptions file;
  unsigned threads = 1;
  const SecretAllowlist* allowlist = nullptr;
};

struct ScanResult {
  std::vector<Finding> findings;  // sorted with FindingLess
  ScanStats stats;
};

ScanResult RunFileScan(const Engine& engine, const FileScanJob& job, Diagnostics* diag);

}  // namespace sprawl
