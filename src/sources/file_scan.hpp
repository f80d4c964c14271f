// Scans one file: size limit, binary sniff, chunked reads with overlap, then the content
// scanner. Every file that is not scanned is counted (and large ones named on stderr).
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "findings/content_scanner.hpp"
#include "sources/file_walker.hpp"

namespace sprawl {

struct FileScanOptions {
  static constexpr std::uint64_t kDefaultMaxFileSize = 25ull << 20;
  static constexpr std::size_t kDefaultChunkSize = 8u << 20;
  static constexpr std::size_t kBinarySniffBytes = 8000;  // as git does

  std::uint64_t max_file_size = kDefaultMaxFileSize;
  std::size_t chunk_size = kDefaultChunkSize;  // raised to the engine's overlap if smaller
};

// A worker's reusable read buffer. Unlike std::string it never zero-fills on growth.
class ReadBuffer {
 public:
  char* Prepare(std::size_t n) {
    if (n > capacity_) {
      capacity_ = std::max(n, capacity_ * 2);
      data_.reset(new char[capacity_]);
    }
    return data_.get();
  }
  void set_size(std::size_t n) { size_ = n; }
  std::string_view view() const { return {data_.get(), size_}; }

 private:
  std::unique_ptr<char[]> data_;
  std::size_t capacity_ = 0;
  std::size_t size_ = 0;
};

void ScanFile(const FileEntry& entry, const FileScanOptions& options, ContentScanner& scanner,
              ReadBuffer* buffer, std::vector<Finding>* out, ScanStats* stats, Diagnostics* diag);

// True if the first bytes contain a NUL: the file is treated as binary and skipped.
bool LooksBinary(std::string_view head);

}  // namespace sprawl
