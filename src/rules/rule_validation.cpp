#include "rules/rule_validation.hpp"

#include <re2/re2.h>

#include <set>

#include "filters/checksum.hpp"
#include "rules/verify_spec_validation.hpp"
#include "util/text.hpp"

namespace sprawl {
namespace {

RE2::Options PatternOptions() {
  RE2::Options opts;
  opts.set_encoding(RE2::Options::EncodingLatin1);
  opts.set_log_errors(false);
  opts.set_max_mem(64 << 20);
  return opts;
}

// Extracting the secret costs RE2 time proportional to program size × match length; bounded
// repetition counts inflate the program. Above this, scanning slows measurably.
constexpr int kMaxProgramSize = 4000;

}  // namespace

int SecretGroupIndex(const std::string& pattern) {
  return SecretGroupsOf(RE2(pattern, PatternOptions())).front();
}

std::vector<int> SecretGroupsOf(const RE2& re) {
  if (!re.ok()) return {0};
  const auto& named = re.NamedCapturingGroups();
  std::vector<int> groups;
  for (int k = 1; k <= 9; ++k) {
    auto it = named.find(k == 1 ? std::string("secret") : "secret" + std::to_string(k));
    if (it == named.end()) break;
    groups.push_back(it->second);
  }
  if (!groups.empty()) return groups;
  return {re.NumberOfCapturingGroups() >= 1 ? 1 : 0};
}

std::set<std::string> RuleIds(const std::vector<Rule>& rules) {
  std::set<std::string> ids;
  for (const Rule& r : rules)
    ids.insert(r.id);
  return ids;
}

std::vector<std::string> ValidateRules(const std::vector<Rule>& rules) {
  return ValidateRules(rules, {});
}

std::vector<std::string> ValidateRules(const std::vector<Rule>& rules,
                                       const std::set<std::string>& known_ids) {
  std::vector<std::string> problems;
  std::set<std::string> seen;
  std::set<std::string> all_ids = known_ids;  // companions may name rules defined later
  for (const Rule& r : rules)
    all_ids.insert(r.id);
  for (const Rule& r : rules) {
    const std::string where =
        r.origin.file + ":" + std::to_string(r.origin.line) + ": rule '" + r.id + "': ";
    auto fail = [&](const std::string& msg) { problems.push_back(where + msg); };
    if (!IsKebabCase(r.id)) fail("id must be kebab-case (lowercase letters, digits, '-')");
    if (!seen.insert(r.id).second) fail("duplicate rule id");
    if (Trim(r.name).empty()) fail("name is empty");
    if (Trim(r.provider).empty()) fail("provider is empty");
    if (Trim(r.revocation).empty()) fail("revocation guidance is empty");
    if (r.references.empty()) fail("needs at least one reference");
    for (const auto& ref : r.references) {
      if (!StartsWith(ref, "https://") && !StartsWith(ref, "http://")) {
        fail("reference is not a URL: " + ref);
      }
    }
    ValidateVerification(r, all_ids, fail);
    if (!r.checksum.empty() && !IsKnownChecksum(r.checksum)) {
      fail("unknown checksum '" + r.checksum + "'");
    }
    RE2 re(r.pattern, PatternOptions());
    if (!re.ok()) {
      fail("pattern does not compile with RE2: " + re.error());
      continue;
    }
    if (re.NumberOfCapturingGroups() < 1) fail("pattern must capture the secret in a group");
    // secret2 … secret9 are read in sequence after `secret`: a gap would drop a branch.
    const std::size_t alternatives = SecretGroupsOf(re).size();
    for (const auto& [name, index] : re.NamedCapturingGroups()) {
      const bool numbered = name.size() > 6 && name.compare(0, 6, "secret") == 0 &&
                            name.find_first_not_of("0123456789", 6) == std::string::npos;
      if (numbered && (name.size() != 7 || name[6] < '2' ||
                       static_cast<std::size_t>(name[6] - '0') > alternatives)) {
        fail("secret groups are named secret, secret2 … secret9, in sequence: '" + name + "'");
      }
    }
    if (re.ProgramSize() > kMaxProgramSize) {
      fail("pattern is too costly for RE2 (program size " + std::to_string(re.ProgramSize()) +
           " > " + std::to_string(kMaxProgramSize) +
           "): replace large bounded repetitions such as {100,1000} with {100,} and set "
           "max_length");
    }
    if (RE2::FullMatch("", re)) fail("pattern matches the empty string");
    if (r.examples.empty()) fail("needs at least one example");
    for (const auto& ex : r.examples) {
      if (ex.secret.empty()) fail("an example has an empty secret");
      if (ex.input.find(ex.secret) == std::string::npos) {
        fail("example secret does not occur in its input: " + ex.secret);
      }
    }
  }
  return problems;
}

}  // namespace sprawl
