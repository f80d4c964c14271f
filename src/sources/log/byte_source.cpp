#include "sources/log/byte_source.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace sprawl::logs {
namespace {

constexpr std::size_t kGzipInput = 256u << 10;

}  // namespace

std::size_t FdSource::Read(char* buf, std::size_t n) {
  for (;;) {
    const ssize_t got = ::read(fd_, buf, n);
    if (got >= 0) return static_cast<std::size_t>(got);
    if (errno == EINTR) continue;
    throw LogReadError(std::string("read failed: ") + std::strerror(errno));
  }
}

std::size_t PrefixedSource::Read(char* buf, std::size_t n) {
  if (used_ < prefix_.size()) {
    const std::size_t k = std::min(n, prefix_.size() - used_);
    std::memcpy(buf, prefix_.data() + used_, k);
    used_ += k;
    return k;
  }
  return inner_->Read(buf, n);
}

GzipSource::GzipSource(ByteSource* compressed) : in_(compressed), input_(new char[kGzipInput]) {
  // 15 + 32: any window size, gzip or zlib header detected automatically.
  if (inflateInit2(&zs_, 15 + 32) != Z_OK) throw LogReadError("cannot initialise zlib");
}

GzipSource::~GzipSource() {
  inflateEnd(&zs_);
}

std::size_t GzipSource::Read(char* buf, std::size_t n) {
  // An error met after some output is reported on the next call, so the bytes before the
  // damage are still scanned.
  if (!pending_error_.empty()) throw LogReadError(pending_error_);
  try {
    return Inflate(buf, n);
  } catch (const LogReadError& e) {
    if (produced_ == 0) throw;
    pending_error_ = e.what();
    return produced_;
  }
}

std::size_t GzipSource::Inflate(char* buf, std::size_t n) {
  produced_ = 0;
  const std::size_t want = std::min<std::size_t>(n, 1u << 30);
  zs_.next_out = reinterpret_cast<Bytef*>(buf);
  zs_.avail_out = static_cast<uInt>(want);
  while (zs_.avail_out > 0) {
    if (zs_.avail_in == 0 && !input_done_) {
      const std::size_t got = in_->Read(input_.get(), kGzipInput);
      if (got == 0) input_done_ = true;
      zs_.next_in = reinterpret_cast<Bytef*>(input_.get());
      zs_.avail_in = static_cast<uInt>(got);
    }
    if (member_done_) {
      // Another member follows the one that ended: start it; trailing nothing is the end.
      if (zs_.avail_in == 0 && input_done_) break;
      if (inflateReset(&zs_) != Z_OK) throw LogReadError("corrupt gzip data");
      member_done_ = false;
    }
    if (zs_.avail_in == 0 && input_done_) {
      throw LogReadError("corrupt gzip data: unexpected end of file");
    }
    const int rc = inflate(&zs_, Z_NO_FLUSH);
    produced_ = want - zs_.avail_out;
    if (rc == Z_STREAM_END) {
      member_done_ = true;
      continue;
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      throw LogReadError(std::string("corrupt gzip data: ") +
                         (zs_.msg ? zs_.msg : "inflate failed"));
    }
  }
  return want - zs_.avail_out;
}

LogFormat SniffFormat(const std::string& head) {
  if (head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
      static_cast<unsigned char>(head[1]) == 0x8b) {
    return LogFormat::kGzip;
  }
  if (head.size() >= 4 && head[0] == 'P' && head[1] == 'K' &&
      ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6))) {
    return LogFormat::kZip;
  }
  return LogFormat::kPlain;
}

}  // namespace sprawl::logs
