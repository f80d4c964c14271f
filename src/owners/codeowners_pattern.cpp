// gitignore-style pattern matching as CODEOWNERS uses it.
#include "owners/codeowners.hpp"

namespace sprawl::owners {
namespace {

// [abc], [a-z], [!x] / [^x] at p[0] == '['; sets `len` to the class length. A '[' without
// a closing ']' is a literal (returns nullopt).
std::optional<bool> ClassMatches(std::string_view p, char c, std::size_t* len) {
  std::size_t i = 1;
  bool negate = false;
  if (i < p.size() && (p[i] == '!' || p[i] == '^')) {
    negate = true;
    ++i;
  }
  bool matched = false;
  bool first = true;
  for (; i < p.size(); ++i) {
    if (p[i] == ']' && !first) {
      *len = i + 1;
      return matched != negate && c != '/';
    }
    first = false;
    char lo = p[i];
    if (lo == '\\' && i + 1 < p.size()) lo = p[++i];
    char hi = lo;
    if (i + 2 < p.size() && p[i + 1] == '-' && p[i + 2] != ']') {
      hi = p[i + 2];
      i += 2;
    }
    if (c >= lo && c <= hi) matched = true;
  }
  return std::nullopt;
}

// '*' = [^/]*, '?' = [^/], "**/" = zero or more directories, other "**" = anything,
// '\x' = a literal x. Patterns are a few dozen bytes: plain backtracking is enough.
bool Glob(std::string_view p, std::string_view s) {
  std::size_t pi = 0, si = 0;
  while (pi < p.size()) {
    const char c = p[pi];
    if (c == '*') {
      if (pi + 1 < p.size() && p[pi + 1] == '*') {
        const std::string_view rest = p.substr(pi + 2);
        if (!rest.empty() && rest[0] == '/') {
          const std::string_view after = rest.substr(1);
          if (Glob(after, s.substr(si))) return true;
          for (std::size_t k = si; k < s.size(); ++k)
            if (s[k] == '/' && Glob(after, s.substr(k + 1))) return true;
          return false;
        }
        for (std::size_t k = si; k <= s.size(); ++k)
          if (Glob(rest, s.substr(k))) return true;
        return false;
      }
      for (std::size_t k = si; k <= s.size(); ++k) {
        if (Glob(p.substr(pi + 1), s.substr(k))) return true;
        if (k < s.size() && s[k] == '/') break;
      }
      return false;
    }
    if (si >= s.size()) return false;
    if (c == '?') {
      if (s[si] == '/') return false;
      ++pi, ++si;
      continue;
    }
    if (c == '[') {
      std::size_t len = 0;
      if (auto m = ClassMatches(p.substr(pi), s[si], &len)) {
        if (!*m) return false;
        pi += len, ++si;
        continue;
      }
    }
    char literal = c;
    if (c == '\\' && pi + 1 < p.size()) literal = p[++pi];
    if (literal != s[si]) return false;
    ++pi, ++si;
  }
  return si == s.size();
}

}  // namespace

bool CodeownersPatternMatches(std::string_view pattern, std::string_view path) {
  std::string p(pattern);
  bool dir_only = false;
  while (p.size() > 1 && p.back() == '/') {
    p.pop_back();
    dir_only = true;
  }
  bool anchored = false;
  if (!p.empty() && p[0] == '/') {
    p.erase(0, 1);
    anchored = true;
  }
  if (p.find('/') != std::string::npos) anchored = true;
  if (p.empty()) return false;
  if (!anchored) p = "**/" + p;  // a bare name matches at any depth
  if (!dir_only && Glob(p, path)) return true;
  // A pattern that names a directory owns everything below it, except `dir/*`, which
  // GitHub documents as matching only the files directly in dir.
  const bool last_segment_is_star = p.size() >= 2 && p.compare(p.size() - 2, 2, "/*") == 0;
  if (last_segment_is_star) return false;
  for (std::size_t k = 0; k < path.size(); ++k) {
    if (path[k] == '/' && Glob(p, path.substr(0, k))) return true;
  }
  return false;
}

}  // namespace sprawl::owners
