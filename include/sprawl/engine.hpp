// The matching engine: every rule compiled into one Hyperscan block-mode database, with
// RE2 confirming each hit and capturing the secret. An Engine is immutable and shared by
// all threads; each thread scans through its own Scanner (which owns the Hyperscan scratch).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sprawl/rule.hpp"

namespace sprawl {

class RuleSet;

// How a rule is matched. Hyperscan takes most patterns exactly; some only in prefilter
// mode (a superset of matches, RE2 confirms); a few not at all (RE2 scans for them alone).
enum class RuleMode : std::uint8_t { kHyperscan = 0, kPrefilter = 1, kRe2Only = 2 };
const char* ToString(RuleMode mode);

struct EngineOptions {
  std::string cache_dir;  // where compiled databases are cached; empty disables the cache
  // --- decoding layer (src/decode) ---
  unsigned decode_depth = 2;  // nesting levels of encodings decoded and rescanned; 0: none
  // --- end decoding layer ---
};

// A confirmed regex match, before filters. Offsets are relative to the scanned text.
struct Candidate {
  std::uint32_t rule = 0;
  std::size_t match_begin = 0;
  std::size_t match_end = 0;
  std::size_t secret_begin = 0;
  std::size_t secret_end = 0;
};

class HsDatabase;
class RuleMatcher;

class Engine {
 public:
  // Compiles (or loads from cache) the database for `rules`. Throws UsageError for a rule
  // that cannot be compiled at all, RuntimeError for an engine failure.
  // Takes `rules` by value: pass an rvalue to move them in (copying ~500 rules with their
  // examples was a sixth of a one-file scan's start-up).
  static std::unique_ptr<Engine> Create(RuleSet rules, const EngineOptions& options);
  ~Engine();

  const std::vector<Rule>& rules() const { return rules_; }
  RuleMode mode(std::uint32_t rule) const;
  // The longest match any rule can produce: the overlap needed between chunks.
  std::size_t max_match_length() const { return max_match_length_; }
  // The rules Hyperscan could not take at all, which RE2 searches for on its own.
  const std::vector<std::uint32_t>& re2_only_rules() const { return re2_only_rules_; }
  bool loaded_from_cache() const { return loaded_from_cache_; }
  // Decoding layer: how deep every ContentScanner on this engine decodes (EngineOptions).
  unsigned decode_depth() const { return decode_depth_; }

  const HsDatabase& database() const { return *database_; }
  const RuleMatcher& matcher() const { return *matcher_; }

 private:
  Engine() = default;
  std::vector<Rule> rules_;
  std::unique_ptr<HsDatabase> database_;
  std::unique_ptr<RuleMatcher> matcher_;
  std::size_t max_match_length_ = 0;
  // Listed once here: the scanner runs per decoded window too, thousands of times per file
  // in escaped text, and walking every rule's mode there was most of its own time.
  std::vector<std::uint32_t> re2_only_rules_;
  bool loaded_from_cache_ = false;
  unsigned decode_depth_ = 2;  // decoding layer
};

// Per-thread scanning state. Not thread-safe; create one per worker.
class Scanner {
 public:
  explicit Scanner(const Engine& engine);
  ~Scanner();
  Scanner(const Scanner&) = delete;
  Scanner& operator=(const Scanner&) = delete;

  // Appends to `out` every match in `text` whose match begins in [keep_begin, keep_end).
  // Bytes outside that range are context only (chunk overlap).
  void Scan(std::string_view text, std::size_t keep_begin, std::size_t keep_end,
            std::vector<Candidate>* out);
  void Scan(std::string_view text, std::vector<Candidate>* out) { Scan(text, 0, text.size(), out); }

  const Engine& engine() const { return engine_; }

 private:
  struct Hit {
    std::uint32_t rule;
    std::uint32_t pad;
    std::uint64_t end;
  };
  static int OnMatch(unsigned int id, unsigned long long from, unsigned long long to,
                     unsigned int flags, void* ctx);

  const Engine& engine_;
  void* scratch_ = nullptr;  // hs_scratch_t*
  std::vector<Hit> hits_;
};

}  // namespace sprawl
