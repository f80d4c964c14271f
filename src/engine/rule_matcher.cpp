#include "engine/rule_matcher.hpp"

#include "rules/rule_validation.hpp"

#include <algorithm>

namespace sprawl {

RE2::Options RuleMatcher::Options() {
  RE2::Options opts;
  opts.set_encoding(RE2::Options::EncodingLatin1);
  opts.set_log_errors(false);
  opts.set_max_mem(64 << 20);
  return opts;
}

RuleMatcher::RuleMatcher(const std::vector<Rule>& rules)
    : rules_(rules), once_(new std::once_flag[rules.size()]), compiled_(rules.size()) {}

const RuleMatcher::Compiled& RuleMatcher::Get(std::uint32_t rule) const {
  std::call_once(once_[rule], [&] {
    auto& c = compiled_[rule];
    c.re = std::make_unique<RE2>(rules_[rule].pattern, Options());
    c.secret_groups = SecretGroupsOf(*c.re);
    c.groups = *std::max_element(c.secret_groups.begin(), c.secret_groups.end()) + 1;
  });
  return compiled_[rule];
}

void RuleMatcher::FindAll(std::uint32_t rule, std::string_view text, std::size_t begin,
                          std::size_t end, std::vector<Candidate>* out) const {
  const Compiled& c = Get(rule);
  if (!c.re->ok()) return;  // validated at load time; defensive only
  const int n = c.groups;
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(n));
  const re2::StringPiece whole(text.data(), text.size());
  std::size_t pos = begin;
  while (pos <= end && c.re->Match(whole, pos, end, RE2::UNANCHORED, groups.data(), n)) {
    const auto match_begin = static_cast<std::size_t>(groups[0].data() - text.data());
    const auto match_end = match_begin + groups[0].size();
    re2::StringPiece secret;
    for (const int g : c.secret_groups) {
      if (groups[static_cast<std::size_t>(g)].data() != nullptr) {
        secret = groups[static_cast<std::size_t>(g)];
        break;
      }
    }
    if (secret.data() != nullptr && !secret.empty()) {
      Candidate cand;
      cand.rule = rule;
      cand.match_begin = match_begin;
      cand.match_end = match_end;
      cand.secret_begin = static_cast<std::size_t>(secret.data() - text.data());
      cand.secret_end = cand.secret_begin + secret.size();
      out->push_back(cand);
    }
    // A match that ends at the window's end leaves nothing after it to search: skip the
    // call that would fail (RE2's fixed cost per call is the larger part of confirming).
    if (match_end >= end) break;
    pos = match_end > match_begin ? match_end : match_begin + 1;
  }
}

}  // namespace sprawl
