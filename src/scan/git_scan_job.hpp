// Runs a full-history scan: enumerate unique blobs, scan each once in parallel (each worker
// with its own libgit2 repository handle and Hyperscan scratch), group findings by secret,
// and attach provenance to what is reported.
#pragma once

#include <string>
#include <vector>

#include "filters/candidate_filter.hpp"
#include "scan/file_scan_job.hpp"
#include "sources/git_history.hpp"
#include "sprawl/engine.hpp"
#include "util/diagnostics.hpp"

namespace sprawl {

struct GitScanJob {
  std::string repo_path;  // a work tree or bare repository
  HistoryOptions history;
  std::uint64_t max_file_size = FileScanOptions::kDefaultMaxFileSize;
  unsigned threads = 1;
  const SecretAllowlist* allowlist = nullptr;
  bool progress = false;  // live progress on stderr
};

struct GitScanSummary {
  std::uint64_t commits = 0;
  std::uint64_t blobs = 0;
  bool shallow = false;
  std::uint64_t submodules_skipped = 0;
  std::uint64_t missing_objects = 0;
};

struct GitScanResult {
  std::vector<Finding> findings;
  ScanStats stats;
  GitScanSummary git;
};

GitScanResult RunGitHistoryScan(const Engine& engine, const GitScanJob& job, Diagnostics* diag);

}  // namespace sprawl
