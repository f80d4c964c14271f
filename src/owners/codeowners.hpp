// CODEOWNERS files (GitHub and GitLab syntax): who owns a path in a repository.
//
// GitHub: one rule per line, `PATTERN OWNER...`; gitignore-style patterns relative to the
// repository root; the last matching line wins; a matching line without owners unsets
// ownership. GitLab adds sections (`[Name]`, `^[Optional]`, `[Name][2]`, default owners
// after the header): each section is evaluated on its own (last match wins inside it) and
// the owners of every matching section are combined. Parsing is done once per repository.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sprawl::owners {

// One parsed rule line.
struct CodeownersRule {
  std::string pattern;              // as written (unescaped)
  std::vector<std::string> owners;  // empty: unsets ownership (or takes section defaults)
  unsigned line = 0;                // 1-based line in the file
};

struct CodeownersSection {
  std::string name;  // "" for rules before any section header
  bool optional = false;
  unsigned approvals = 0;
  std::vector<std::string> default_owners;
  std::vector<CodeownersRule> rules;
};

// The owners one section gives to a path.
struct CodeownersMatch {
  std::string section;
  std::vector<std::string> owners;
  unsigned line = 0;  // the line that decided
};

class CodeownersIndex {
 public:
  // Parses `text`; malformed lines are skipped and described in `warnings` as
  // "FILE:LINE: reason" (`file_label` names the file).
  static CodeownersIndex Parse(std::string_view text, const std::string& file_label,
                               std::vector<std::string>* warnings);

  // For each section whose last matching rule has owners: those owners, in section order.
  // `path` is relative to the repository root, '/'-separated, without a leading "./".
  std::vector<CodeownersMatch> Match(std::string_view path) const;

  const std::string& file_label() const { return file_label_; }
  const std::vector<CodeownersSection>& sections() const { return sections_; }

 private:
  std::string file_label_;
  std::vector<CodeownersSection> sections_;
};

// Where CODEOWNERS may live, in search order; the first that exists is used.
inline constexpr std::string_view kCodeownersLocations[] = {
    ".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS"};

// gitignore-style match of a CODEOWNERS pattern against a repository-relative file path.
bool CodeownersPatternMatches(std::string_view pattern, std::string_view path);

}  // namespace sprawl::owners
