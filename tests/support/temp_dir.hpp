// A directory under $TMPDIR that is removed with everything in it when the test ends.
#pragma once

#include <string>

namespace sprawl::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // Writes `content` to path()/rel, creating parent directories. Returns the full path.
  std::string Write(const std::string& rel, const std::string& content) const;
  std::string operator/(const std::string& rel) const { return path_ + "/" + rel; }

 private:
  std::string path_;
};

}  // namespace sprawl::test
