#include "sources/log/line_reader.hpp"

#include <algorithm>
#include <cstring>

namespace sprawl::logs {

LineReader::LineReader(ByteSource* source, std::size_t read_buffer_size, std::size_t max_fragment)
    : source_(source),
      buffer_size_(std::max<std::size_t>(1, read_buffer_size)),
      max_fragment_(std::max<std::size_t>(1, max_fragment)),
      buffer_(new char[buffer_size_]) {}

bool LineReader::Refill() {
  if (eof_) return false;
  pos_ = 0;
  end_ = source_->Read(buffer_.get(), buffer_size_);
  bytes_read_ += end_;
  if (end_ == 0) eof_ = true;
  return end_ > 0;
}

void LineReader::Emit(std::string_view bytes, bool continues, LineFragment* out) {
  out->bytes = bytes;
  out->line = line_;
  out->line_offset = line_offset_;
  out->offset_in_line = offset_in_line_;
  out->continues = continues;
  if (continues) {
    offset_in_line_ += bytes.size();
  } else {
    line_offset_ += offset_in_line_ + bytes.size() + 1;
    offset_in_line_ = 0;
    ++line_;
  }
}

bool LineReader::Next(LineFragment* out) {
  if (carry_emitted_) {
    carry_.clear();
    carry_emitted_ = false;
  }
  for (;;) {
    if (pos_ == end_ && !Refill()) {
      if (carry_.empty()) return false;
      carry_emitted_ = true;  // the last line had no newline
      Emit(carry_, false, out);
      return true;
    }
    const char* start = buffer_.get() + pos_;
    const auto* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
    const std::size_t avail = nl ? static_cast<std::size_t>(nl - start) : end_ - pos_;
    const std::size_t room = max_fragment_ - carry_.size();
    if (carry_.empty() && nl && avail <= max_fragment_) {
      pos_ += avail + 1;  // the common case: a whole line inside the buffer, no copy
      Emit({start, avail}, false, out);
      return true;
    }
    if (avail > room || (avail == room && !nl)) {
      // The line outgrows one fragment: hand out what fits and keep reading the line.
      pos_ += room;
      if (carry_.empty()) {
        Emit({start, room}, true, out);
      } else {
        carry_.append(start, room);
        carry_emitted_ = true;
        Emit(carry_, true, out);
      }
      return true;
    }
    carry_.append(start, avail);
    pos_ += avail;
    if (nl) {
      ++pos_;
      carry_emitted_ = true;
      Emit(carry_, false, out);
      return true;
    }
  }
}

}  // namespace sprawl::logs
