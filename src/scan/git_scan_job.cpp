#include "scan/git_scan_job.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <map>
#include <thread>

#include "findings/content_scanner.hpp"
#include "scan/batch_queue.hpp"
#include "sources/file_scan.hpp"
#include "sources/git_provenance.hpp"
#include "sources/git_util.hpp"
#include "sources/text_content.hpp"
#include "sprawl/error.hpp"
#include "util/escape.hpp"
#include "util/text.hpp"

namespace sprawl {
namespace {

struct BlobFinding {
  std::uint32_t blob;
  Finding finding;
};

struct GitWorkerOutput {
  std::vector<BlobFinding> findings;
  ScanStats stats;
  std::exception_ptr error;
};

// Live "objects done / total, MB/s" on stderr, redrawn in place; only on a terminal.
class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled) {
    if (enabled_) thread_ = std::thread([this] { Run(); });
  }
  ~Progress() { Stop(); }
  void Stop() {
    if (!enabled_) return;
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
    std::fprintf(stderr, "\r\x1b[K");
    enabled_ = false;
  }
  std::atomic<std::uint64_t> found{0};  // blobs the history walk has produced so far
  std::atomic<std::uint64_t> done{0};
  std::atomic<std::uint64_t> bytes{0};

 private:
  void Run() {
    const auto start = std::chrono::steady_clock::now();
    std::unique_lock<std::mutex> lock(mu_);
    while (!cv_.wait_for(lock, std::chrono::milliseconds(200), [this] { return stop_; })) {
      const double secs =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::fprintf(stderr, "\rsprawl: %llu / %llu objects, %.1f MB/s\x1b[K",
                   static_cast<unsigned long long>(done.load()),
                   static_cast<unsigned long long>(found.load()), bytes.load() / 1e6 / secs);
    }
  }
  bool enabled_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
};

using IndexedBlob = std::pair<std::uint32_t, HistoryBlob>;

// Starts the workers; they scan blobs from `queue` while the history walk is still
// producing them, and stop when it is closed and drained.
std::vector<std::thread> StartBlobWorkers(const Engine& engine, const GitScanJob& job,
                                          BatchQueue<IndexedBlob>* queue,
                                          std::vector<GitWorkerOutput>* outputs, Progress* progress,
                                          Diagnostics* diag) {
  std::vector<std::thread> workers;
  for (auto& out : *outputs) {
    // The threads outlive this function: capture the pointers themselves, never references
    // to these parameters (a use-after-return that hung `sprawl git` in a unity build).
    workers.emplace_back([&engine, &job, queue, progress, diag, out_ptr = &out] {
      GitWorkerOutput& o = *out_ptr;
      try {
        // libgit2 objects are not shared across threads: each worker has its own handle.
        RepoPtr repo = OpenRepository(job.repo_path);
        git_odb* odb_raw = nullptr;
        if (git_repository_odb(&odb_raw, repo.get()) != 0) {
          throw RuntimeError(GitErrorMessage("cannot open the object database"));
        }
        OdbPtr odb(odb_raw);
        Scanner scanner(engine);
        ContentScanner content(scanner, job.allowlist);
        std::vector<Finding> found;
        BatchQueue<IndexedBlob>::Batch batch;
        while (queue->Pop(&batch)) {
          for (const auto& [i, blob] : batch) {
            size_t size = 0;
            git_object_t type;
            if (git_odb_read_header(&size, &type, odb.get(), &blob.id) != 0) {
              ++o.stats.read_errors;
              diag->Warn(GitErrorMessage("cannot read blob " + OidHex(blob.id) + " (" +
                                         EscapeForTerminal(blob.path) + ")"));
              continue;
            }
            if (size > job.max_file_size) {
              ++o.stats.skipped_too_large;
              diag->Note("skipped blob " + OidHex(blob.id) + " (" + EscapeForTerminal(blob.path) +
                         "): " + HumanBytes(size) + " exceeds --max-file-size " +
                         HumanBytes(job.max_file_size));
              ++progress->done;
              continue;
            }
            git_odb_object* obj = nullptr;
            if (git_odb_read(&obj, odb.get(), &blob.id) != 0) {
              ++o.stats.read_errors;
              diag->Warn(GitErrorMessage("cannot read blob " + OidHex(blob.id) + " (" +
                                         EscapeForTerminal(blob.path) + ")"));
              continue;
            }
            OdbObjectPtr holder(obj);
            const std::string_view data(static_cast<const char*>(git_odb_object_data(obj)),
                                        git_odb_object_size(obj));
            ++progress->done;
            progress->bytes += data.size();
            found.clear();
            ScanTextContent(data, blob.path, content, &found, &o.stats);  // UTF-8 or UTF-16
            for (auto& f : found) {
              f.source = "git";
              o.findings.push_back(BlobFinding{i, std::move(f)});
            }
          }
        }
      } catch (...) {
        o.error = std::current_exception();
        BatchQueue<IndexedBlob>::Batch drain;
        while (queue->Pop(&drain)) {
        }
      }
    });
  }
  return workers;
}

}  // namespace

GitScanResult RunGitHistoryScan(const Engine& engine, const GitScanJob& job, Diagnostics* diag) {
  const auto started = std::chrono::steady_clock::now();
  const ObjectCacheOff cache_off;
  RepoPtr repo = OpenRepository(job.repo_path);
  std::vector<GitWorkerOutput> outputs(std::max(1u, job.threads));
  GitHistory history;
  {
    Progress progress(job.progress);
    BatchQueue<IndexedBlob> queue;
    auto workers = StartBlobWorkers(engine, job, &queue, &outputs, &progress, diag);
    try {
      Batcher<IndexedBlob> batcher(&queue, 256);
      history = EnumerateHistory(repo.get(), job.history, diag,
                                 [&](std::uint32_t index, const HistoryBlob& blob) {
                                   ++progress.found;
                                   batcher.Add({index, blob});
                                 });
    } catch (...) {
      queue.Close();
      for (auto& t : workers)
        t.join();
      throw;
    }
    queue.Close();
    for (auto& t : workers)
      t.join();
  }

  GitScanResult result;
  result.git.commits = history.commits.size();
  result.git.blobs = history.blobs.size();
  result.git.shallow = history.shallow;
  result.git.submodules_skipped = history.submodules_skipped;
  result.git.missing_objects = history.missing_objects;
  result.stats.skipped_symlinks = history.symlinks_skipped;

  std::vector<BlobFinding> all;
  for (auto& o : outputs) {
    if (o.error) std::rethrow_exception(o.error);
    result.stats.Add(o.stats);
    for (auto& f : o.findings)
      all.push_back(std::move(f));
  }

  // One finding per (rule, path, secret): the earliest blob (in history order) wins; later
  // versions of the file that still carry the secret only add to its blob set.
  std::sort(all.begin(), all.end(), [&](const BlobFinding& a, const BlobFinding& b) {
    const auto ca = history.blobs[a.blob].commit, cb = history.blobs[b.blob].commit;
    return ca != cb           ? ca < cb
           : a.blob != b.blob ? a.blob < b.blob
                              : a.finding.offset < b.finding.offset;
  });
  std::map<std::tuple<std::string, std::string, std::string>, size_t> group_of;
  std::vector<ProvenanceRequest> requests;
  for (auto& bf : all) {
    auto key = std::make_tuple(bf.finding.rule->id, bf.finding.path, bf.finding.secret_sha256);
    auto it = group_of.find(key);
    if (it == group_of.end()) {
      group_of.emplace(key, requests.size());
      requests.push_back(ProvenanceRequest{bf.blob, {bf.blob}});
      result.findings.push_back(std::move(bf.finding));
    } else {
      auto& blobs = requests[it->second].blobs;
      if (std::find(blobs.begin(), blobs.end(), bf.blob) == blobs.end()) blobs.push_back(bf.blob);
    }
  }
  // The same secret reached through a renamed copy of an already-reported blob is the
  // same finding: the grouping above keys on the first path, which renames do not change.
  auto provenance = ComputeProvenance(repo.get(), history, requests);
  for (size_t i = 0; i < result.findings.size(); ++i)
    result.findings[i].git = provenance[i];
  std::sort(result.findings.begin(), result.findings.end(), FindingLess);
  result.stats.findings = result.findings.size();
  result.stats.elapsed_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace sprawl
