// The single Hyperscan block-mode database holding every rule, plus each rule's mode.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sprawl/engine.hpp"

struct hs_database;

namespace sprawl {

class HsDatabase {
 public:
  // Compiles `rules` (rule index = Hyperscan id). Patterns Hyperscan rejects are retried in
  // prefilter mode, then left to RE2 alone; none is dropped.
  static std::unique_ptr<HsDatabase> Compile(const std::vector<Rule>& rules);
  // Restores a database from Serialize() bytes; nullptr if the bytes are not a valid one.
  static std::unique_ptr<HsDatabase> Deserialize(std::string_view bytes, size_t rule_count);
  ~HsDatabase();

  std::string Serialize() const;
  // nullptr when no rule is matched by Hyperscan (every rule is RE2-only).
  const hs_database* get() const { return db_; }
  const std::vector<RuleMode>& modes() const { return modes_; }

  // The pattern as Hyperscan should see it (named groups made plain).
  static std::string ToHyperscanSyntax(const std::string& re2_pattern);

 private:
  HsDatabase() = default;
  hs_database* db_ = nullptr;
  std::vector<RuleMode> modes_;
};

// Identifies a database build: rules' patterns, library version, platform. Cache key.
std::string DatabaseKey(const std::vector<Rule>& rules);

}  // namespace sprawl
