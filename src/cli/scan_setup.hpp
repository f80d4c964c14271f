// The files scan as the CLI sets it up: flags, config discovery, rule set, engine and job.
// Shared by `sprawl scan` and `sprawl baseline create|update`, so a baseline is always made
// by exactly the scan that will later be checked against it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/engine_setup.hpp"
#include "config/config.hpp"
#include "filters/candidate_filter.hpp"
#include "rules/rule_set.hpp"
#include "scan/file_scan_job.hpp"
#include "sources/gitignore.hpp"
#include "sprawl/engine.hpp"
#include "util/diagnostics.hpp"

namespace sprawl::cli {

// Flags that decide what a files scan reads and which rules it applies.
struct FilesScanFlags {
  std::vector<std::string> paths;  // default: "."
  unsigned threads = 0;            // 0: all cores
  bool no_ignore = false;
  bool follow_symlinks = false;
  std::string max_file_size;
  std::string chunk_size;
  std::string config;
  bool no_config = false;
  bool quiet = false;
  EngineFlags engine;
};

// Adds the PATH... positional and every FilesScanFlags option to `cmd`.
void AddFilesScanFlags(CLI::App* cmd, FilesScanFlags* flags);

// A ready-to-run files scan. Construction checks the paths, loads the config and extra
// rules and builds (or loads from cache) the engine; it throws UsageError on bad input.
// Pinned in memory: the job points at the allowlists it owns.
class FilesScan {
 public:
  FilesScan(const FilesScanFlags& flags, Diagnostics* diag);
  ~FilesScan();
  FilesScan(const FilesScan&) = delete;
  FilesScan& operator=(const FilesScan&) = delete;

  // Runs the scan; findings come back sorted with FindingLess.
  ScanResult Run();
  const Engine& engine() const { return *prepared_->engine; }

 private:
  Diagnostics* diag_;
  std::unique_ptr<PreparedEngine> prepared_;
  FileScanJob job_;
};

}  // namespace sprawl::cli
