// Splits a byte stream into lines without ever holding more than one read buffer and one
// bounded partial line. A line longer than the fragment limit comes out in fragments (the
// scanner joins them again with overlap), so a 10 GB line costs no more memory than a short one.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "sources/log/byte_source.hpp"

namespace sprawl::logs {

struct LineFragment {
  std::string_view bytes;            // without the '\n'; valid until the next call
  std::uint64_t line = 0;            // 1-based
  std::uint64_t line_offset = 0;     // byte offset of the line's first byte in the stream
  std::uint64_t offset_in_line = 0;  // bytes of the line before `bytes`
  bool continues = false;            // the line goes on in the next fragment (or the stream ends)
};

class LineReader {
 public:
  LineReader(ByteSource* source, std::size_t read_buffer_size, std::size_t max_fragment);

  // The next line or fragment; false at the end of the stream. Throws LogReadError.
  bool Next(LineFragment* out);
  std::uint64_t bytes_read() const { return bytes_read_; }

 private:
  bool Refill();
  void Emit(std::string_view bytes, bool continues, LineFragment* out);

  ByteSource* source_;
  std::size_t buffer_size_;
  std::size_t max_fragment_;
  std::unique_ptr<char[]> buffer_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
  std::string carry_;  // the start of a line that crossed the end of the buffer
  bool carry_emitted_ = false;
  std::uint64_t line_ = 1;
  std::uint64_t line_offset_ = 0;
  std::uint64_t offset_in_line_ = 0;
  std::uint64_t bytes_read_ = 0;
};

}  // namespace sprawl::logs
