// Caches compiled Hyperscan databases on disk, keyed by DatabaseKey(): compiling hundreds of
// patterns takes seconds, loading a cached database takes milliseconds. A cache file that
// fails its checksum or does not deserialize is ignored and rewritten.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/hs_database.hpp"

namespace sprawl {

// The cache file used for `rules` under `cache_dir`.
std::string DatabaseCachePath(const std::string& cache_dir, const std::vector<Rule>& rules);

// Loads the database from the cache, or compiles it and stores it (best effort: an
// unwritable cache only costs the next run a compile). `from_cache` tells which happened.
std::unique_ptr<HsDatabase> LoadOrCompileDatabase(const std::vector<Rule>& rules,
                                                  const std::string& cache_dir, bool* from_cache);

}  // namespace sprawl
