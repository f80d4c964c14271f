#include <hs/hs.h>

#include <algorithm>

#include "engine/database_cache.hpp"
#include "engine/hs_database.hpp"
#include "engine/rule_matcher.hpp"
#include "rules/rule_set.hpp"
#include "sprawl/engine.hpp"
#include "sprawl/error.hpp"
#include "util/text.hpp"

namespace sprawl {

std::unique_ptr<Engine> Engine::Create(RuleSet rules, const EngineOptions& options) {
  auto engine = std::unique_ptr<Engine>(new Engine());
  engine->rules_ = std::move(rules).TakeRules();
  engine->database_ =
      LoadOrCompileDatabase(engine->rules_, options.cache_dir, &engine->loaded_from_cache_);
  engine->matcher_ = std::make_unique<RuleMatcher>(engine->rules_);
  engine->decode_depth_ = options.decode_depth;  // decoding layer
  for (std::uint32_t i = 0; i < engine->rules_.size(); ++i) {
    engine->max_match_length_ =
        std::max<std::size_t>(engine->max_match_length_, engine->rules_[i].max_length);
    if (engine->mode(i) == RuleMode::kRe2Only) engine->re2_only_rules_.push_back(i);
  }
  return engine;
}

Engine::~Engine() = default;

RuleMode Engine::mode(std::uint32_t rule) const {
  return database_->modes()[rule];
}

Scanner::Scanner(const Engine& engine)
    : engine_(engine), scratch_(engine.database().NewScratch()) {}

Scanner::~Scanner() {
  if (scratch_) hs_free_scratch(static_cast<hs_scratch_t*>(scratch_));
}

// Hot path: record the raw hit and return; all real work happens after the scan.
int Scanner::OnMatch(unsigned int id, unsigned long long /*from*/, unsigned long long to,
                     unsigned int /*flags*/, void* ctx) {
  static_cast<std::vector<Hit>*>(ctx)->push_back(Hit{id, 0, to});
  return 0;
}

namespace {

bool AnyKeywordPresent(const Rule& rule, std::string_view text) {
  if (rule.keywords.empty()) return true;
  for (const auto& k : rule.keywords) {
    if (ContainsIgnoreCase(text, k)) return true;
  }
  return false;
}

}  // namespace

void Scanner::Scan(std::string_view text, std::size_t keep_begin, std::size_t keep_end,
                   std::vector<Candidate>* out) {
  const auto& rules = engine_.rules();
  const RuleMatcher& matcher = engine_.matcher();
  const std::size_t first_new = out->size();
  hits_.clear();
  if (scratch_ && !text.empty()) {
    // Hyperscan takes 32-bit lengths; callers chunk content well below that.
    hs_error_t rc =
        hs_scan(engine_.database().get(), text.data(), static_cast<unsigned int>(text.size()), 0,
                static_cast<hs_scratch_t*>(scratch_), &Scanner::OnMatch, &hits_);
    if (rc != HS_SUCCESS)
      throw RuntimeError("Hyperscan scan failed (error " + std::to_string(rc) + ")");
  }
  std::sort(hits_.begin(), hits_.end(), [](const Hit& a, const Hit& b) {
    return a.rule != b.rule ? a.rule < b.rule : a.end < b.end;
  });
  // Turn each rule's hit ends into merged windows [end - max_length, end] and let RE2 find
  // the real matches there. Prefilter hits may end anywhere near the match: widen both ways.
  for (std::size_t i = 0; i < hits_.size();) {
    const std::uint32_t rule = hits_[i].rule;
    const std::size_t reach = rules[rule].max_length;
    const bool prefilter = engine_.mode(rule) == RuleMode::kPrefilter;
    std::size_t win_begin = 0, win_end = 0;
    bool open = false;
    auto flush = [&] {
      if (open) matcher.FindAll(rule, text, win_begin, win_end, out);
    };
    for (; i < hits_.size() && hits_[i].rule == rule; ++i) {
      const std::size_t end = static_cast<std::size_t>(hits_[i].end);
      const std::size_t b = end > reach ? end - reach : 0;
      const std::size_t e = prefilter ? std::min(text.size(), end + reach) : end;
      if (open && b <= win_end) {
        win_end = std::max(win_end, e);
      } else {
        flush();
        win_begin = b;
        win_end = e;
        open = true;
      }
    }
    flush();
  }
  for (const std::uint32_t r : engine_.re2_only_rules()) {
    if (AnyKeywordPresent(rules[r], text)) matcher.FindAll(r, text, 0, text.size(), out);
  }
  // Keep only matches owned by this chunk, and each (rule, span) once.
  auto begin = out->begin() + static_cast<std::ptrdiff_t>(first_new);
  auto kept = std::remove_if(begin, out->end(), [&](const Candidate& c) {
    return c.match_begin < keep_begin || c.match_begin >= keep_end;
  });
  out->erase(kept, out->end());
  begin = out->begin() + static_cast<std::ptrdiff_t>(first_new);
  std::sort(begin, out->end(), [](const Candidate& a, const Candidate& b) {
    if (a.match_begin != b.match_begin) return a.match_begin < b.match_begin;
    if (a.rule != b.rule) return a.rule < b.rule;
    return a.match_end < b.match_end;
  });
  out->erase(std::unique(begin, out->end(),
                         [](const Candidate& a, const Candidate& b) {
                           return a.rule == b.rule && a.match_begin == b.match_begin &&
                                  a.match_end == b.match_end;
                         }),
             out->end());
}

}  // namespace sprawl
