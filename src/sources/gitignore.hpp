// gitignore-style pattern matching: used for .gitignore files while walking and for the
// path allowlist in .sprawl.yml. Supports negation (!), directory-only patterns (trailing /),
// anchoring (a / at the start or in the middle), *, ?, [classes] and **.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sprawl {

// Matches a glob against a '/'-separated path. '*' and '?' do not cross '/', '**' does.
bool GlobMatch(std::string_view pattern, std::string_view path);

class IgnoreList {
 public:
  enum class Verdict { kNone, kIgnored, kIncluded };

  // Parses gitignore text; blank lines and comments are skipped.
  void AddText(std::string_view text);
  void AddPattern(std::string_view line);
  bool empty() const { return patterns_.empty(); }

  // `rel_path` is relative to the directory the patterns belong to. Last match wins.
  Verdict Check(std::string_view rel_path, bool is_dir) const;

 private:
  struct Pattern {
    std::string glob;
    bool negate = false;
    bool dir_only = false;
    bool anchored = false;
  };
  std::vector<Pattern> patterns_;
};

}  // namespace sprawl
