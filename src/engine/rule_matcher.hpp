// RE2 side of the engine: confirms Hyperscan hits and captures secrets. Each rule's RE2 is
// compiled lazily, the first time any thread needs it, so start-up pays for none of them.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include "sprawl/engine.hpp"

namespace sprawl {

class RuleMatcher {
 public:
  explicit RuleMatcher(const std::vector<Rule>& rules);

  // Appends every match of `rule` that starts in [begin, end) of `text` and ends by `end`.
  // The whole of `text` is context for \b, ^ and $.
  void FindAll(std::uint32_t rule, std::string_view text, std::size_t begin, std::size_t end,
               std::vector<Candidate>* out) const;

  // Options every rule regex is compiled with: bytes are Latin-1, as Hyperscan sees them.
  static RE2::Options Options();

 private:
  struct Compiled {
    std::unique_ptr<RE2> re;
    std::vector<int> secret_groups;  // SecretGroupsOf: the first that took part holds it
    int groups = 1;                  // groups to extract: the highest of them + 1
  };
  const Compiled& Get(std::uint32_t rule) const;

  const std::vector<Rule>& rules_;
  mutable std::unique_ptr<std::once_flag[]> once_;
  mutable std::vector<Compiled> compiled_;
};

}  // namespace sprawl
