// A zip archive of CI logs (GitHub Actions' "Download log archive": one file per step,
// `job/N_step name.txt`), read entry by entry with libzip.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sources/log/byte_source.hpp"

struct zip;

namespace sprawl::logs {

class ZipArchive {
 public:
  struct Entry {
    std::string name;
    std::uint64_t index = 0;
  };

  // Throws LogReadError when `path` is not a readable zip archive.
  explicit ZipArchive(const std::string& path);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // The files in the archive (not directories): by directory, then step number, then name.
  std::vector<Entry> LogEntries() const;
  // A stream of one entry's bytes; a damaged entry throws LogReadError when read.
  std::unique_ptr<ByteSource> Open(const Entry& entry);

 private:
  struct zip* archive_ = nullptr;
};

}  // namespace sprawl::logs
