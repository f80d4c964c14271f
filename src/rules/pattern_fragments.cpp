#include "rules/pattern_fragments.hpp"

#include <algorithm>
#include <vector>

#include "rules/yaml_field.hpp"

namespace sprawl {
namespace {

using yaml_field::Fail;
using yaml_field::Scalar;

constexpr std::string_view kOpen = "(?&";

bool ValidName(const std::string& name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

// Whether text[at] is escaped: an odd number of backslashes before it. "\(?&x)" is a
// literal parenthesis followed by text, not a reference.
bool Escaped(const std::string& text, std::size_t at) {
  std::size_t n = 0;
  while (n < at && text[at - 1 - n] == '\\')
    ++n;
  return n % 2 == 1;
}

}  // namespace

void PatternFragments::Add(const YAML::Node& map, const std::string& file) {
  if (!map.IsMap()) Fail(file, map.Mark(), "'fragments' must be a map of name: pattern text");
  for (const auto& kv : map) {
    const std::string name = kv.first.Scalar();
    if (!ValidName(name)) {
      Fail(file, kv.first.Mark(),
           "fragment name '" + name + "' must be letters, digits, '_' or '-'");
    }
    const std::string where = file + ":" + std::to_string(kv.first.Mark().line + 1);
    auto [it, added] = fragments_.emplace(name, Fragment{Scalar(kv.second, file, name), where});
    if (!added) {
      Fail(file, kv.first.Mark(),
           "fragment '" + name + "' is already defined at " + it->second.where);
    }
  }
}

std::string PatternFragments::Expand(const std::string& pattern, const std::string& file,
                                     const YAML::Mark& mark) const {
  std::vector<std::string> stack;
  return ExpandNested(pattern, file, mark, &stack);
}

std::string PatternFragments::ExpandNested(const std::string& text, const std::string& file,
                                           const YAML::Mark& mark,
                                           std::vector<std::string>* stack) const {
  std::string out;
  std::size_t from = 0;
  for (std::size_t at; (at = text.find(kOpen, from)) != std::string::npos;) {
    if (Escaped(text, at)) {
      out.append(text, from, at + 1 - from);
      from = at + 1;
      continue;
    }
    const std::size_t close = text.find(')', at + kOpen.size());
    const std::string name = close == std::string::npos
                                 ? std::string()
                                 : text.substr(at + kOpen.size(), close - at - kOpen.size());
    if (!ValidName(name)) {
      Fail(file, mark,
           "malformed fragment reference at '" + text.substr(at, 24) +
               "' (expected (?&name), name of letters, digits, '_' or '-')");
    }
    const auto it = fragments_.find(name);
    if (it == fragments_.end()) Fail(file, mark, "unknown pattern fragment '" + name + "'");
    if (std::find(stack->begin(), stack->end(), name) != stack->end()) {
      std::string chain;
      for (const auto& s : *stack)
        chain += s + " -> ";
      Fail(file, mark, "pattern fragments refer to each other in a cycle: " + chain + name);
    }
    stack->push_back(name);
    out.append(text, from, at - from);
    out += ExpandNested(it->second.text, file, mark, stack);
    stack->pop_back();
    from = close + 1;
  }
  out.append(text, from, std::string::npos);
  return out;
}

}  // namespace sprawl
