#include "engine/database_cache.hpp"

#include "util/fs.hpp"
#include "util/mapped_file.hpp"

namespace sprawl {

std::string DatabaseCachePath(const std::string& cache_dir, const std::vector<Rule>& rules) {
  return cache_dir + "/hsdb-" + DatabaseKey(rules) + ".bin";
}

std::unique_ptr<HsDatabase> LoadOrCompileDatabase(const std::vector<Rule>& rules,
                                                  const std::string& cache_dir, bool* from_cache) {
  *from_cache = false;
  std::string path;
  if (!cache_dir.empty()) {
    path = DatabaseCachePath(cache_dir, rules);
    if (auto file = MappedFile::Open(path)) {
      if (auto db = HsDatabase::FromImage(std::move(*file), rules.size())) {
        *from_cache = true;
        return db;
      }
    }
  }
  auto db = HsDatabase::Compile(rules);
  if (!path.empty()) {
    const std::string image = db->Image();
    if (!image.empty()) WriteFileAtomic(path, image);
  }
  return db;
}

}  // namespace sprawl
