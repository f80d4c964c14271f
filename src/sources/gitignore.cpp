#include "sources/gitignore.hpp"

namespace sprawl {
namespace {

// Matches a [...] class at pattern[p]; advances p past it. Returns false on no match.
bool MatchClass(std::string_view pat, size_t* p, char c, bool* malformed) {
  size_t i = *p + 1;
  bool negate = false;
  if (i < pat.size() && (pat[i] == '!' || pat[i] == '^')) {
    negate = true;
    ++i;
  }
  bool matched = false;
  bool first = true;
  while (i < pat.size() && (pat[i] != ']' || first)) {
    first = false;
    char lo = pat[i];
    if (lo == '\\' && i + 1 < pat.size()) lo = pat[++i];
    char hi = lo;
    if (i + 2 < pat.size() && pat[i + 1] == '-' && pat[i + 2] != ']') {
      hi = pat[i + 2];
      i += 2;
    }
    if (c >= lo && c <= hi) matched = true;
    ++i;
  }
  if (i >= pat.size()) {
    *malformed = true;
    return false;
  }
  *p = i + 1;
  return matched != negate && c != '/';
}

bool Match(std::string_view pat, size_t p, std::string_view s, size_t i) {
  while (p < pat.size()) {
    const char pc = pat[p];
    if (pc == '*') {
      const bool dbl = p + 1 < pat.size() && pat[p + 1] == '*';
      if (dbl) {
        size_t next = p + 2;
        // "**/" may also match zero directories.
        if (next < pat.size() && pat[next] == '/' && Match(pat, next + 1, s, i)) return true;
        for (size_t k = i; k <= s.size(); ++k) {
          if (Match(pat, next, s, k)) return true;
        }
        return false;
      }
      for (size_t k = i; k <= s.size(); ++k) {
        if (Match(pat, p + 1, s, k)) return true;
        if (k < s.size() && s[k] == '/') break;
      }
      return false;
    }
    if (i >= s.size()) return false;
    if (pc == '?') {
      if (s[i] == '/') return false;
      ++p;
      ++i;
      continue;
    }
    if (pc == '[') {
      bool malformed = false;
      size_t q = p;
      if (MatchClass(pat, &q, s[i], &malformed)) {
        p = q;
        ++i;
        continue;
      }
      if (!malformed) return false;
      // A lone '[' matches itself.
    }
    char lit = pc;
    if (pc == '\\' && p + 1 < pat.size()) lit = pat[++p];
    if (lit != s[i]) return false;
    ++p;
    ++i;
  }
  return i == s.size();
}

}  // namespace

bool GlobMatch(std::string_view pattern, std::string_view path) {
  return Match(pattern, 0, path, 0);
}

void IgnoreList::AddText(std::string_view text) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    AddPattern(text.substr(start, nl - start));
    start = nl + 1;
  }
}

void IgnoreList::AddPattern(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  // Trailing spaces are ignored unless escaped.
  while (!line.empty() && line.back() == ' ' &&
         !(line.size() >= 2 && line[line.size() - 2] == '\\')) {
    line.remove_suffix(1);
  }
  if (line.empty() || line.front() == '#') return;
  Pattern p;
  if (line.front() == '!') {
    p.negate = true;
    line.remove_prefix(1);
  } else if (line.front() == '\\' && line.size() > 1 && (line[1] == '#' || line[1] == '!')) {
    line.remove_prefix(1);
  }
  if (!line.empty() && line.back() == '/') {
    p.dir_only = true;
    line.remove_suffix(1);
  }
  if (line.empty()) return;
  if (line.find('/') != std::string_view::npos) p.anchored = true;
  if (line.front() == '/') line.remove_prefix(1);
  p.glob = std::string(line);
  patterns_.push_back(std::move(p));
}

IgnoreList::Verdict IgnoreList::Check(std::string_view rel_path, bool is_dir) const {
  std::string_view base = rel_path;
  if (size_t slash = rel_path.rfind('/'); slash != std::string_view::npos) {
    base = rel_path.substr(slash + 1);
  }
  for (auto it = patterns_.rbegin(); it != patterns_.rend(); ++it) {
    if (it->dir_only && !is_dir) continue;
    const bool hit = it->anchored ? GlobMatch(it->glob, rel_path) : GlobMatch(it->glob, base);
    if (hit) return it->negate ? Verdict::kIncluded : Verdict::kIgnored;
  }
  return Verdict::kNone;
}

}  // namespace sprawl
