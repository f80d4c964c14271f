// A minimal valid rule for engine-level tests: the fields a loaded rule always has, with the
// pattern under test.
#pragma once

#include <string>

#include "sprawl/rule.hpp"

namespace sprawl::test {

inline Rule TestRule(const std::string& id, const std::string& pattern,
                     std::uint32_t max_length = Rule::kDefaultMaxLength) {
  Rule r;
  r.id = id;
  r.name = id;
  r.provider = "Test";
  r.pattern = pattern;
  r.max_length = max_length;
  r.revocation = "revoke";
  r.references = {"https://example.com"};
  return r;
}

}  // namespace sprawl::test
