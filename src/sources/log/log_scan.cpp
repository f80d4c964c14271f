#include "sources/log/log_scan.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "sources/log/block_scanner.hpp"
#include "sources/log/line_reader.hpp"
#include "sources/log/log_normalizer.hpp"
#include "sources/log/zip_archive.hpp"
#include "util/escape.hpp"

namespace sprawl::logs {
namespace {

using BlockPtr = std::unique_ptr<NormalizedBlock>;

// Reads the first bytes (for the magic number) and hands back a source that replays them.
std::string ReadHead(ByteSource* raw) {
  std::string head(4, '\0');
  std::size_t got = 0;
  while (got < head.size()) {
    const std::size_t n = raw->Read(head.data() + got, head.size() - got);
    if (n == 0) break;
    got += n;
  }
  head.resize(got);
  return head;
}

// Reads and normalizes the whole stream, handing each full block to `emit`, which returns
// a block to fill next.
template <typename Emit>
void Produce(ByteSource* source, const LogScanOptions& options, LogNormalizer& normalizer,
             BlockPtr block, Emit&& emit, std::uint64_t* bytes_read) {
  LineReader reader(source, options.read_buffer_size, options.max_fragment);
  LineFragment fragment;
  auto finalize = [&] {
    FindMaskDeclarations(block->text, block->text_begin, &block->masks);
    const std::uint64_t end = block->text_end();
    block = emit(std::move(block));
    block->Reset(end, normalizer.next_step_id());
  };
  try {
    while (reader.Next(&fragment)) {
      normalizer.Add(fragment, block.get());
      if (block->text.size() >= options.block_size) finalize();
    }
  } catch (const LogReadError&) {
    *bytes_read = reader.bytes_read();
    if (!block->text.empty()) finalize();
    throw;
  }
  *bytes_read = reader.bytes_read();
  if (!block->text.empty()) finalize();
}

// Blocks in flight between the reader thread and the scanning thread. A fixed number of
// blocks circulate, which bounds memory whatever the log size.
class BlockChannel {
 public:
  explicit BlockChannel(std::size_t blocks) {
    for (std::size_t i = 0; i < blocks; ++i)
      free_.push_back(std::make_unique<NormalizedBlock>());
  }
  struct Cancelled {};  // thrown to the reader thread when the scanner gave up

  BlockPtr TakeFree() {
    BlockPtr b = Take(&free_);
    if (!b) throw Cancelled{};
    return b;
  }
  void Cancel() {
    std::lock_guard<std::mutex> lock(mu_);
    cancelled_ = true;
    cv_.notify_all();
  }
  void PutFree(BlockPtr b) { Put(&free_, std::move(b)); }
  void PutFull(BlockPtr b) { Put(&full_, std::move(b)); }
  BlockPtr TakeFull() { return Take(&full_); }  // null once the producer is done
  void Close(std::exception_ptr error) {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    error_ = error;
    cv_.notify_all();
  }
  std::exception_ptr error() {
    std::lock_guard<std::mutex> lock(mu_);
    return error_;
  }

 private:
  BlockPtr Take(std::deque<BlockPtr>* q) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] {
      return !q->empty() || (q == &full_ && closed_) || (q == &free_ && cancelled_);
    });
    if (q->empty() || (q == &free_ && cancelled_)) return nullptr;
    BlockPtr b = std::move(q->front());
    q->pop_front();
    return b;
  }
  void Put(std::deque<BlockPtr>* q, BlockPtr b) {
    std::lock_guard<std::mutex> lock(mu_);
    q->push_back(std::move(b));
    cv_.notify_all();
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<BlockPtr> free_, full_;
  bool closed_ = false;
  bool cancelled_ = false;
  std::exception_ptr error_;
};

void ScanPipelined(ByteSource* source, const LogScanOptions& options, LogNormalizer& normalizer,
                   BlockScanner& consumer, std::uint64_t* bytes_read) {
  // Two blocks held by the scanner (current and next), one filling, one queued.
  BlockChannel channel(4);
  BlockPtr first = channel.TakeFree();
  first->Reset(0, normalizer.next_step_id());
  std::thread producer([&, first = std::move(first)]() mutable {
    std::exception_ptr error;
    try {
      Produce(
          source, options, normalizer, std::move(first),
          [&](BlockPtr full) {
            channel.PutFull(std::move(full));
            return channel.TakeFree();
          },
          bytes_read);
    } catch (...) {
      error = std::current_exception();
    }
    channel.Close(error);
  });
  try {
    while (BlockPtr b = channel.TakeFull()) {
      if (BlockPtr done = consumer.Push(std::move(b))) channel.PutFree(std::move(done));
    }
  } catch (...) {
    // The scanner failed: stop the reader (it is waiting for a free block, or soon will
    // be) rather than let it read the rest of the log, then report the scanner's error.
    channel.Cancel();
    producer.join();
    throw;
  }
  producer.join();
  consumer.Finish();
  if (auto error = channel.error()) std::rethrow_exception(error);
}

void ScanSerial(ByteSource* source, const LogScanOptions& options, LogNormalizer& normalizer,
                BlockScanner& consumer, std::uint64_t* bytes_read) {
  BlockPtr spare = std::make_unique<NormalizedBlock>();
  BlockPtr first = std::make_unique<NormalizedBlock>();
  first->Reset(0, normalizer.next_step_id());
  std::exception_ptr error;
  try {
    Produce(
        source, options, normalizer, std::move(first),
        [&](BlockPtr full) {
          BlockPtr done = consumer.Push(std::move(full));
          BlockPtr next = std::move(spare);
          spare = done ? std::move(done) : std::make_unique<NormalizedBlock>();
          return next;
        },
        bytes_read);
  } catch (const LogReadError&) {
    error = std::current_exception();
  }
  consumer.Finish();
  if (error) std::rethrow_exception(error);
}

void ReportReadError(const std::string& display, const std::string& why, ScanStats* stats,
                     Diagnostics* diag) {
  ++stats->read_errors;
  diag->Warn("cannot read " + EscapeForTerminal(display) + ": " + EscapeForTerminal(why));
}

void ScanArchive(const std::string& path, const LogScanOptions& options, ContentScanner& content,
                 std::vector<Finding>* out, ScanStats* stats, Diagnostics* diag) {
  ZipArchive archive(path);  // throws LogReadError when it is not a readable zip
  // A job's steps share its masks (`::add-mask::` holds for the rest of the job): step
  // files of one directory are read in step order with the masks declared so far.
  std::string job;
  std::vector<MaskDeclaration> job_masks;
  for (const ZipArchive::Entry& entry : archive.LogEntries()) {
    const std::string display = path + "!" + entry.name;
    const std::size_t slash = entry.name.rfind('/');
    const std::string dir = slash == std::string::npos ? "" : entry.name.substr(0, slash);
    if (dir != job) {
      job = dir;
      job_masks.clear();
    }
    try {
      auto source = archive.Open(entry);
      ScanLogStream(source.get(), display, StepFromEntryName(entry.name), options, content, out,
                    stats, &job_masks);
    } catch (const LogReadError& e) {
      ReportReadError(display, e.what(), stats, diag);
    }
  }
}

}  // namespace

void ScanLogStream(ByteSource* raw, const std::string& display_path,
                   const std::string& initial_step, const LogScanOptions& options,
                   ContentScanner& content, std::vector<Finding>* out, ScanStats* stats,
                   std::vector<MaskDeclaration>* masks) {
  const std::string head = ReadHead(raw);
  const LogFormat format = SniffFormat(head);
  if (format == LogFormat::kZip) {
    throw LogReadError("a zip archive can only be read from a file, not from a stream");
  }
  PrefixedSource replay(head, raw);
  std::unique_ptr<GzipSource> gzip;
  ByteSource* source = &replay;
  if (format == LogFormat::kGzip) {
    gzip = std::make_unique<GzipSource>(&replay);
    source = gzip.get();
  }
  LogNormalizer normalizer(initial_step);
  BlockScanner consumer(content, display_path, initial_step, out, stats);
  if (masks) consumer.AddEarlierMasks(*masks);
  std::uint64_t bytes_read = 0;
  ++stats->files_scanned;
  try {
    if (options.pipelined) {
      ScanPipelined(source, options, normalizer, consumer, &bytes_read);
    } else {
      ScanSerial(source, options, normalizer, consumer, &bytes_read);
    }
  } catch (...) {
    stats->bytes_scanned += bytes_read;
    if (masks) *masks = consumer.masks();
    throw;
  }
  stats->bytes_scanned += bytes_read;
  if (masks) *masks = consumer.masks();
}

void ScanLogPath(const std::string& path, const LogScanOptions& options, ContentScanner& content,
                 std::vector<Finding>* out, ScanStats* stats, Diagnostics* diag) {
  const bool is_stdin = path == "-";
  const int fd = is_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return ReportReadError(path, std::strerror(errno), stats, diag);
  struct Closer {
    int fd;
    bool owned;
    ~Closer() {
      if (owned) ::close(fd);
    }
  } closer{fd, !is_stdin};
  try {
    FdSource raw(fd);
    if (!is_stdin) {
      char magic[4] = {};
      const ssize_t n = ::pread(fd, magic, sizeof magic, 0);
      if (n > 0 &&
          SniffFormat(std::string(magic, static_cast<std::size_t>(n))) == LogFormat::kZip) {
        return ScanArchive(path, options, content, out, stats, diag);
      }
    }
    ScanLogStream(&raw, path, "", options, content, out, stats);
  } catch (const LogReadError& e) {
    ReportReadError(path, e.what(), stats, diag);
  }
}

bool IsLogFileName(std::string_view path) {
  auto ends = [&](std::string_view suffix) {
    return path.size() > suffix.size() && path.substr(path.size() - suffix.size()) == suffix;
  };
  return ends(".log") || ends(".log.gz");
}

std::string StepFromEntryName(std::string_view entry) {
  const std::size_t slash = entry.rfind('/');
  std::string_view base = slash == std::string_view::npos ? entry : entry.substr(slash + 1);
  if (base.size() > 4 && base.substr(base.size() - 4) == ".txt") base.remove_suffix(4);
  std::size_t digits = 0;
  while (digits < base.size() && base[digits] >= '0' && base[digits] <= '9')
    ++digits;
  if (digits > 0 && digits < base.size() && base[digits] == '_') base.remove_prefix(digits + 1);
  return std::string(base);
}

bool IsActionsLogArchive(const std::string& path) {
  try {
    ZipArchive archive(path);
    const auto entries = archive.LogEntries();
    if (entries.empty()) return false;
    for (const auto& e : entries) {
      const std::size_t slash = e.name.rfind('/');
      const std::string_view base = slash == std::string::npos
                                        ? std::string_view(e.name)
                                        : std::string_view(e.name).substr(slash + 1);
      std::size_t digits = 0;
      while (digits < base.size() && base[digits] >= '0' && base[digits] <= '9')
        ++digits;
      const bool txt = base.size() > 4 && base.substr(base.size() - 4) == ".txt";
      if (digits == 0 || digits >= base.size() || base[digits] != '_' || !txt) return false;
    }
    return true;
  } catch (const LogReadError&) {
    return false;
  }
}

}  // namespace sprawl::logs
