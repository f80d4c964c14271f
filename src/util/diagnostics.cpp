#include "util/diagnostics.hpp"

namespace sprawl {

void Diagnostics::Warn(const std::string& message) {
  std::lock_guard<std::mutex> lock(mu_);
  ++warnings_;
  if (sink_) std::fprintf(sink_, "sprawl: warning: %s\n", message.c_str());
}

void Diagnostics::Note(const std::string& message) {
  std::lock_guard<std::mutex> lock(mu_);
  if (sink_ && !quiet_) std::fprintf(sink_, "sprawl: %s\n", message.c_str());
}

}  // namespace sprawl
