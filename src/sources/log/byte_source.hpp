// Where log bytes come from: a file descriptor (file or stdin), gzip-compressed data over
// any other source, or one entry of a zip archive. Each reads forward only, into the
// caller's buffer, so a log of any size streams through constant memory.
#pragma once

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>

#include <zlib.h>

namespace sprawl::logs {

// A read failed or the data is corrupt. The message does not name the log; the caller does.
class LogReadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` bytes into `buf`; returns 0 only at the end. Throws LogReadError.
  virtual std::size_t Read(char* buf, std::size_t n) = 0;
};

// Reads a file descriptor (not closed: the caller owns it).
class FdSource : public ByteSource {
 public:
  explicit FdSource(int fd) : fd_(fd) {}
  std::size_t Read(char* buf, std::size_t n) override;

 private:
  int fd_;
};

// Replays bytes already read (while sniffing the format) before the rest of `inner`.
class PrefixedSource : public ByteSource {
 public:
  PrefixedSource(std::string prefix, ByteSource* inner)
      : prefix_(std::move(prefix)), inner_(inner) {}
  std::size_t Read(char* buf, std::size_t n) override;

 private:
  std::string prefix_;
  std::size_t used_ = 0;
  ByteSource* inner_;
};

// Inflates gzip data (several concatenated members too, as `cat a.gz b.gz` makes).
class GzipSource : public ByteSource {
 public:
  explicit GzipSource(ByteSource* compressed);
  ~GzipSource() override;
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;
  std::size_t Read(char* buf, std::size_t n) override;

 private:
  std::size_t Inflate(char* buf, std::size_t n);

  ByteSource* in_;
  z_stream zs_{};
  std::size_t produced_ = 0;
  std::string pending_error_;
  std::unique_ptr<char[]> input_;
  bool input_done_ = false;
  bool member_done_ = false;
};

enum class LogFormat { kPlain, kGzip, kZip };

// The format named by the first bytes of the data (magic numbers, not file names).
LogFormat SniffFormat(const std::string& head);

}  // namespace sprawl::logs
