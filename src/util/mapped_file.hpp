// A read-only memory mapping of a whole file. Reading the 3 MB rule-database cache into a
// fresh string cost a page fault per 4 KiB on the standard VM (a sixth of a one-file
// scan's start-up); mapped page-cache pages come in batches and are never copied.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sprawl {

class MappedFile {
 public:
  // nullopt if the file cannot be opened or mapped (an empty file maps to empty bytes).
  static std::optional<MappedFile> Open(const std::string& path);

  MappedFile(MappedFile&& other) noexcept : data_(other.data_), size_(other.size_) {
    other.data_ = nullptr;
    other.size_ = 0;
  }
  MappedFile& operator=(MappedFile&&) = delete;
  MappedFile(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

 private:
  MappedFile(void* data, std::size_t size) : data_(data), size_(size) {}
  void* data_;
  std::size_t size_;
};

}  // namespace sprawl
