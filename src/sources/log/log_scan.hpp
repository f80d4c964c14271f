// Scanning CI logs: a file, stdin, a .gz log or a GitHub Actions log archive (.zip, one
// file per step) streams through LineReader → LogNormalizer → BlockScanner in constant
// memory. Used by `sprawl log` and, for *.log / *.log.gz / Actions log archives, by `sprawl scan`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "findings/content_scanner.hpp"
#include "sources/log/byte_source.hpp"
#include "sources/log/normalized_block.hpp"
#include "util/diagnostics.hpp"

namespace sprawl::logs {

struct LogScanOptions {
  std::size_t read_buffer_size = 1u << 20;  // bytes per read from the file or decompressor
  std::size_t max_fragment = 1u << 20;      // longer lines are cut into fragments
  std::size_t block_size = 2u << 20;        // normalized bytes per engine scan
  bool pipelined = false;                   // a second thread reads and normalizes
};

// Scans one stream of (plain or gzip) log bytes; findings get `display_path`. Throws
// LogReadError when the stream breaks, after scanning everything read before the break.
// `masks`, when given, holds values declared masked before this stream (earlier steps of
// the same job) and receives those declared in it.
void ScanLogStream(ByteSource* raw, const std::string& display_path,
                   const std::string& initial_step, const LogScanOptions& options,
                   ContentScanner& content, std::vector<Finding>* out, ScanStats* stats,
                   std::vector<MaskDeclaration>* masks = nullptr);

// Scans `path` ("-" for stdin): plain, gzip, or a zip archive of step logs. A log that
// cannot be read is one warning naming it, counted in stats->read_errors; never a throw.
void ScanLogPath(const std::string& path, const LogScanOptions& options, ContentScanner& content,
                 std::vector<Finding>* out, ScanStats* stats, Diagnostics* diag);

// Names `sprawl scan` routes through the log pipeline: *.log and *.log.gz.
bool IsLogFileName(std::string_view path);
// A zip whose files are all named like GitHub Actions step logs: `[job/]N_step name.txt`.
bool IsActionsLogArchive(const std::string& path);
// "build/3_Run tests.txt" → "Run tests".
std::string StepFromEntryName(std::string_view entry);

}  // namespace sprawl::logs
