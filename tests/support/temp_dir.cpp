#include "support/temp_dir.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace sprawl::test {

TempDir::TempDir() {
  std::string tmpl = std::filesystem::temp_directory_path().string() + "/sprawl-test-XXXXXX";
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  // Restore permissions a test may have removed, so cleanup can descend.
  for (auto it = std::filesystem::recursive_directory_iterator(
           path_, std::filesystem::directory_options::skip_permission_denied, ec);
       it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    std::filesystem::permissions(it->path(), std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ec);
  }
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::Write(const std::string& rel, const std::string& content) const {
  const std::filesystem::path full = std::filesystem::path(path_) / rel;
  std::filesystem::create_directories(full.parent_path());
  std::ofstream f(full, std::ios::binary);
  f << content;
  if (!f) throw std::runtime_error("cannot write " + full.string());
  return full.string();
}

}  // namespace sprawl::test
