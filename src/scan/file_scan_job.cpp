#include "scan/file_scan_job.hpp"

#include "scan/batch_queue.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <mutex>
#include <thread>

namespace sprawl {
namespace {

using PathQueue = BatchQueue<FileEntry>;
using Batch = PathQueue::Batch;

struct FileWorkerOutput {
  std::vector<Finding> findings;
  ScanStats stats;
  std::exception_ptr error;
};

}  // namespace

bool FindingLess(const Finding& a, const Finding& b) {
  if (a.path != b.path) return a.path < b.path;
  if (a.line != b.line) return a.line < b.line;
  if (a.column != b.column) return a.column < b.column;
  if (a.rule->id != b.rule->id) return a.rule->id < b.rule->id;
  if (a.offset != b.offset) return a.offset < b.offset;
  return a.secret_sha256 < b.secret_sha256;
}

ScanResult RunFileScan(const Engine& engine, const FileScanJob& job, Diagnostics* diag) {
  const auto started = std::chrono::steady_clock::now();
  const unsigned n = std::max(1u, job.threads);
  PathQueue queue;
  std::vector<FileWorkerOutput> outputs(n);
  std::vector<std::thread> workers;
  auto start_worker = [&] {
    const size_t i = workers.size();
    workers.emplace_back([&, i] {
      FileWorkerOutput& out = outputs[i];
      try {
        Scanner scanner(engine);
        ContentScanner content(scanner, job.allowlist);
        ReadBuffer buffer;
        Batch batch;
        while (queue.Pop(&batch)) {
          for (const FileEntry& entry : batch) {
            ScanFile(entry, job.file, content, &buffer, &out.findings, &out.stats, diag);
          }
        }
      } catch (...) {
        out.error = std::current_exception();
        Batch drain;
        while (queue.Pop(&drain)) {
        }
      }
    });
  };
  // One worker now and another for each further file, up to the thread count: a
  // pre-commit hook scanning one file does not pay for threads and Hyperscan scratch it
  // cannot use, and two large files still get two workers.
  constexpr size_t kBatch = 64;
  start_worker();
  std::uint64_t entries = 0;
  ScanStats walk_stats;
  std::exception_ptr walk_error;
  try {
    Batcher<FileEntry> batcher(&queue, kBatch);
    for (const auto& root : job.roots) {
      WalkPath(
          root, job.walk,
          [&](FileEntry&& e) {
            batcher.Add(std::move(e));
            if (++entries > workers.size() && workers.size() < n) start_worker();
          },
          &walk_stats, diag);
    }
  } catch (...) {
    walk_error = std::current_exception();
  }
  queue.Close();
  for (auto& t : workers)
    t.join();
  if (walk_error) std::rethrow_exception(walk_error);

  ScanResult result;
  result.stats = walk_stats;
  for (auto& o : outputs) {
    if (o.error) std::rethrow_exception(o.error);
    result.stats.Add(o.stats);
    for (auto& f : o.findings)
      result.findings.push_back(std::move(f));
  }
  std::sort(result.findings.begin(), result.findings.end(), FindingLess);
  // The same file named twice (e.g. a directory and a file inside it) is reported once.
  auto same = [](const Finding& a, const Finding& b) {
    // (Decoded findings share the offset of their encoded span: the secret tells them apart.)
    return a.path == b.path && a.offset == b.offset && a.rule == b.rule &&
           a.secret_sha256 == b.secret_sha256;
  };
  const auto end = std::unique(result.findings.begin(), result.findings.end(), same);
  result.stats.findings -= static_cast<std::uint64_t>(result.findings.end() - end);
  result.findings.erase(end, result.findings.end());
  result.stats.elapsed_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace sprawl
