// The single Hyperscan block-mode database holding every rule, plus each rule's mode.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sprawl/engine.hpp"
#include "util/mapped_file.hpp"

struct hs_database;
struct hs_scratch;

namespace sprawl {

class HsDatabase {
 public:
  // Compiles `rules` (rule index = Hyperscan id). Patterns Hyperscan rejects are retried in
  // prefilter mode, then left to RE2 alone; none is dropped.
  static std::unique_ptr<HsDatabase> Compile(const std::vector<Rule>& rules);
  // Uses a database written by Image() in place, in the mapped file; nullptr if the bytes
  // are not a valid one for `rule_count` rules.
  static std::unique_ptr<HsDatabase> FromImage(MappedFile file, size_t rule_count);
  ~HsDatabase();

  // The cache file: a header page with the rule modes, then the database exactly as
  // Hyperscan lays it out in memory (at the page boundary), then a CRC-32 of the header
  // page (Hyperscan checks the database's own CRC). Loading maps it and scans from the
  // mapping: no copy, no deserialisation (docs/performance.md). Empty if Hyperscan fails.
  std::string Image() const;
  // nullptr when no rule is matched by Hyperscan (every rule is RE2-only).
  const hs_database* get() const { return db_; }
  // A scratch space for one thread (hs_free_scratch it); nullptr when get() is. The first
  // caller gets the one allocated when the database was loaded (which is also when
  // Hyperscan verified it), later ones a new one: a one-file scan then allocates one
  // scratch, not two (cloning one clears ~220 KiB of fresh pages). Thread-safe.
  hs_scratch* NewScratch() const;
  const std::vector<RuleMode>& modes() const { return modes_; }

  // The pattern as Hyperscan should see it (named groups made plain).
  static std::string ToHyperscanSyntax(const std::string& re2_pattern);

 private:
  HsDatabase() = default;
  const hs_database* db_ = nullptr;
  hs_database* owned_ = nullptr;  // compiled here, freed here
  mutable hs_scratch* first_scratch_ = nullptr;  // until NewScratch hands it out
  mutable std::mutex scratch_mu_;
  std::optional<MappedFile> mapping_;  // or mapped from the cache; db_ points into it
  std::vector<RuleMode> modes_;
};

// Identifies a database build: rules' patterns, library version, platform. Cache key.
std::string DatabaseKey(const std::vector<Rule>& rules);

}  // namespace sprawl
