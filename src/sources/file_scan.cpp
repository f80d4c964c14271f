#include "sources/file_scan.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "sources/log/log_scan.hpp"  // CI logs
#include "sources/text_content.hpp"
#include "util/escape.hpp"
#include "util/text.hpp"

namespace sprawl {
namespace {

// Reads [offset, offset+len) into buffer; returns bytes read or -1 with errno.
ssize_t ReadAt(int fd, std::uint64_t offset, std::size_t len, ReadBuffer* buffer) {
  char* data = buffer->Prepare(len);
  std::size_t done = 0;
  while (done < len) {
    ssize_t n = ::pread(fd, data + done, len - done, static_cast<off_t>(offset + done));
    if (n < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  buffer->set_size(done);
  return static_cast<ssize_t>(done);
}

// One pread of up to `len` bytes at offset 0 (retried only on EINTR); bytes read or -1.
ssize_t ReadOnce(int fd, std::size_t len, ReadBuffer* buffer) {
  char* data = buffer->Prepare(len);
  ssize_t n;
  do {
    n = ::pread(fd, data, len, 0);
  } while (n < 0 && errno == EINTR);
  buffer->set_size(n > 0 ? static_cast<std::size_t>(n) : 0);
  return n;
}

// A read that stopped short of what was asked ended at end of file, unless it stopped on a
// page boundary: that is where a file system that returns partial reads (FUSE, network
// mounts) would stop, so there the size is asked for. (1 file in 4,096 pays an fstat.)
bool ShortReadIsWholeFile(std::size_t got, std::size_t asked) {
  constexpr std::size_t kPage = 4096;
  return got < asked && (got == 0 || got % kPage != 0);
}

std::uint64_t CountNewlines(std::string_view s) {
  return static_cast<std::uint64_t>(std::count(s.begin(), s.end(), '\n'));
}

class FileCloser {
 public:
  explicit FileCloser(int fd) : fd_(fd) {}
  ~FileCloser() {
    if (fd_ >= 0) ::close(fd_);
  }

 private:
  int fd_;
};

// --- CI logs ---
bool IsRoutedToLogScan(const std::string& path) {
  if (logs::IsLogFileName(path)) return true;
  return path.size() > 4 && path.compare(path.size() - 4, 4, ".zip") == 0 &&
         logs::IsActionsLogArchive(path);
}
// --- end CI logs ---

}  // namespace

bool LooksBinary(std::string_view head) {
  return std::memchr(head.data(), '\0',
                     std::min(head.size(), FileScanOptions::kBinarySniffBytes)) != nullptr;
}

void ScanFile(const FileEntry& entry, const FileScanOptions& options, ContentScanner& scanner,
              ReadBuffer* buffer, std::vector<Finding>* out, ScanStats* stats, Diagnostics* diag) {
  const int fd = ::open(entry.path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    ++stats->read_errors;
    diag->Warn("cannot read " + EscapeForTerminal(entry.path) + ": " + std::strerror(errno));
    return;
  }
  FileCloser closer(fd);
  const std::size_t overlap = scanner.engine().max_match_length();
  const std::size_t chunk = std::max(options.chunk_size, overlap);
  auto read_failed = [&] {
    ++stats->read_errors;
    diag->Warn("cannot read " + EscapeForTerminal(entry.path) + ": " + std::strerror(errno));
  };
  // The walk already saw a regular file: one read larger than any single-chunk file tells
  // whether the file fits one chunk and within the size limit, and nearly every file does.
  // That spares an fstat per file, which on a VM costs about what the read does
  // (docs/performance.md). CI logs take the path below: they stream and have their own reader.
  if (entry.regular && !IsRoutedToLogScan(entry.path)) {
    const std::size_t whole =
        static_cast<std::size_t>(std::min<std::uint64_t>(chunk + overlap, options.max_file_size));
    const ssize_t n = ReadOnce(fd, whole + 1, buffer);
    if (n < 0) return read_failed();
    if (ShortReadIsWholeFile(static_cast<std::size_t>(n), whole + 1)) {
      ScanTextContent(buffer->view(), entry.path, scanner, out, stats);  // UTF-8 or UTF-16
      return;
    }
    // Larger than one chunk or than the limit (or a read that may be partial): as below.
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ++stats->skipped_special;
    return;
  }
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > options.max_file_size) {
    ++stats->skipped_too_large;
    diag->Note("skipped " + EscapeForTerminal(entry.path) + ": " + HumanBytes(size) +
               " exceeds --max-file-size " + HumanBytes(options.max_file_size));
    return;
  }
  // --- CI logs: *.log, *.log.gz and GitHub Actions log archives are normalized (ANSI,
  // timestamps, redraws, masks) and streamed; see docs/logs.md.
  if (IsRoutedToLogScan(entry.path)) {
    logs::ScanLogPath(entry.path, logs::LogScanOptions{}, scanner, out, stats, diag);
    return;
  }
  // --- end CI logs ---

  if (size <= chunk + overlap) {
    // The common case: one read of the whole file, as large as fstat said. (Bytes appended
    // after the fstat are not scanned; a file that shrank is scanned as it is now.) Files
    // in /proc and similar report size 0 but have content: read those up to one chunk.
    const std::size_t want = size > 0 ? static_cast<std::size_t>(size) : chunk;
    if (ReadAt(fd, 0, want, buffer) < 0) return read_failed();
    ScanTextContent(buffer->view(), entry.path, scanner, out, stats);  // UTF-8 or UTF-16
    return;
  }

  // Chunk k owns matches starting in [k*chunk, (k+1)*chunk) and is read with `overlap`
  // bytes of context on both sides, so a match crossing a boundary is seen whole once.
  std::uint64_t lines_at_chunk = 0;    // newlines before the owned start of the chunk
  std::uint64_t last_newline_end = 0;  // offset just past the last newline seen so far
  for (std::uint64_t start = 0; start < size; start += chunk) {
    const std::uint64_t region_begin = start >= overlap ? start - overlap : 0;
    const std::uint64_t region_end = std::min<std::uint64_t>(size, start + chunk + overlap);
    if (ReadAt(fd, region_begin, static_cast<std::size_t>(region_end - region_begin), buffer) < 0) {
      return read_failed();
    }
    const std::string_view text = buffer->view();
    if (start == 0 && LooksBinary(text)) {
      ++stats->skipped_binary;
      return;
    }
    ChunkPosition pos;
    pos.text_offset = region_begin;
    pos.keep_begin = static_cast<std::size_t>(start - region_begin);
    pos.keep_end = std::min(text.size(), pos.keep_begin + chunk);
    pos.lines_before = lines_at_chunk - CountNewlines(text.substr(0, pos.keep_begin));
    pos.column_base = region_begin >= last_newline_end ? region_begin - last_newline_end : 0;
    // Only matches of this chunk are kept, but the last chunk owns everything to the end.
    if (start + chunk >= size) pos.keep_end = text.size() + 1;
    scanner.ScanChunk(text, pos, entry.path, out, stats);
    const std::string_view owned =
        text.substr(pos.keep_begin, std::min(text.size(), pos.keep_begin + chunk) - pos.keep_begin);
    lines_at_chunk += CountNewlines(owned);
    if (size_t nl = owned.rfind('\n'); nl != std::string_view::npos) {
      last_newline_end = start + nl + 1;
    }
  }
  ++stats->files_scanned;
  stats->bytes_scanned += size;
}

}  // namespace sprawl
