// Warnings and notes for stderr, from any thread, one escaped line each.
#pragma once

#include <cstdio>
#include <mutex>
#include <string>

namespace sprawl {

class Diagnostics {
 public:
  explicit Diagnostics(std::FILE* sink = stderr, bool quiet = false)
      : sink_(sink), quiet_(quiet) {}

  // `message` must already be escaped where it quotes untrusted text.
  void Warn(const std::string& message);
  void Note(const std::string& message);
  unsigned long warnings() const { return warnings_; }

 private:
  std::FILE* sink_;
  bool quiet_;
  std::mutex mu_;
  unsigned long warnings_ = 0;
};

}  // namespace sprawl
