#include "owners/codeowners.hpp"

#include <fmt/format.h>

#include <cctype>

#include "util/escape.hpp"

namespace sprawl::owners {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
    s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
    s.remove_suffix(1);
  return s;
}

// Whitespace-separated tokens; a backslash keeps the next character (so `\ ` and `\#`
// stay inside a pattern, backslash included, for the matcher to read as literals). An
// unescaped token starting with '#' begins a trailing comment.
std::vector<std::string> Tokens(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
      ++i;
    if (i >= s.size() || s[i] == '#') break;
    std::string token;
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) {
      if (s[i] == '\\' && i + 1 < s.size()) token += s[i++];
      token += s[i++];
    }
    out.push_back(std::move(token));
  }
  return out;
}

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
}

// @user, @org/team, @group/subgroup (GitLab), @@role (GitLab), or an e-mail address.
bool ValidOwner(std::string_view o) {
  if (o.substr(0, 2) == "@@") o.remove_prefix(1);
  if (!o.empty() && o[0] == '@') {
    o.remove_prefix(1);
    if (o.empty() || o.front() == '/' || o.back() == '/') return false;
    for (char c : o)
      if (!IsNameChar(c) && c != '/') return false;
    return true;
  }
  const std::size_t at = o.find('@');
  if (at == std::string_view::npos || at == 0 || o.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const std::string_view domain = o.substr(at + 1);
  const std::size_t dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size();
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

class Parser {
 public:
  Parser(const std::string& label, std::vector<std::string>* warnings)
      : label_(label), warnings_(warnings) {
    sections_.push_back({});
  }

  void Line(std::string_view raw, unsigned n) {
    const std::string_view line = Trim(raw);
    if (line.empty() || line[0] == '#') return;
    if (line[0] == '[' || line.substr(0, 2) == "^[") {
      Section(line, n);
    } else {
      Rule(line, n);
    }
  }

  std::vector<CodeownersSection> Take() { return std::move(sections_); }

 private:
  void Warn(unsigned n, const std::string& why) {
    if (warnings_) warnings_->push_back(fmt::format("{}:{}: {}", label_, n, why));
  }

  bool Owners(const std::vector<std::string>& tokens, std::size_t from, unsigned n,
              std::vector<std::string>* owners) {
    for (std::size_t i = from; i < tokens.size(); ++i) {
      if (!ValidOwner(tokens[i])) {
        Warn(n, "invalid owner '" + EscapeForTerminal(tokens[i]) + "', line skipped");
        return false;
      }
      owners->push_back(tokens[i]);
    }
    return true;
  }

  // [Name], ^[Name], [Name][2], each optionally followed by default owners.
  void Section(std::string_view line, unsigned n) {
    CodeownersSection s;
    if (line[0] == '^') {
      s.optional = true;
      line.remove_prefix(1);
    }
    const std::size_t close = line.find(']');
    if (close == std::string_view::npos || close == 1) {
      Warn(n, "malformed section header, line skipped");
      return;
    }
    s.name = std::string(Trim(line.substr(1, close - 1)));
    line.remove_prefix(close + 1);
    if (!line.empty() && line[0] == '[') {
      const std::size_t end = line.find(']');
      const std::string_view count =
          end == std::string_view::npos ? std::string_view() : line.substr(1, end - 1);
      if (count.empty() || count.find_first_not_of("0123456789") != std::string_view::npos ||
          count.size() > 4) {
        Warn(n, "malformed approval count in section header, line skipped");
        return;
      }
      s.approvals = static_cast<unsigned>(std::stoul(std::string(count)));
      line.remove_prefix(end + 1);
    }
    if (!line.empty() && !std::isspace(static_cast<unsigned char>(line[0]))) {
      Warn(n, "malformed section header, line skipped");
      return;
    }
    if (!Owners(Tokens(line), 0, n, &s.default_owners)) return;
    // Sections with the same name (case-insensitively) are one section.
    for (std::size_t i = 1; i < sections_.size(); ++i) {
      if (Lower(sections_[i].name) == Lower(s.name)) {
        if (!s.default_owners.empty()) sections_[i].default_owners = s.default_owners;
        current_ = i;
        return;
      }
    }
    sections_.push_back(std::move(s));
    current_ = sections_.size() - 1;
  }

  void Rule(std::string_view line, unsigned n) {
    const std::vector<std::string> tokens = Tokens(line);
    if (tokens.empty()) return;
    if (tokens[0][0] == '!') {
      Warn(n, "negated patterns are not supported in CODEOWNERS, line skipped");
      return;
    }
    CodeownersRule rule;
    rule.pattern = tokens[0];
    rule.line = n;
    if (!Owners(tokens, 1, n, &rule.owners)) return;
    sections_[current_].rules.push_back(std::move(rule));
  }

  const std::string& label_;
  std::vector<std::string>* warnings_;
  std::vector<CodeownersSection> sections_;
  std::size_t current_ = 0;
};

}  // namespace

CodeownersIndex CodeownersIndex::Parse(std::string_view text, const std::string& file_label,
                                       std::vector<std::string>* warnings) {
  Parser parser(file_label, warnings);
  unsigned n = 0;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    ++n;
    parser.Line(text.substr(0, nl), n);
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  CodeownersIndex index;
  index.file_label_ = file_label;
  index.sections_ = parser.Take();
  return index;
}

std::vector<CodeownersMatch> CodeownersIndex::Match(std::string_view path) const {
  while (path.substr(0, 2) == "./")
    path.remove_prefix(2);
  std::vector<CodeownersMatch> out;
  for (const CodeownersSection& s : sections_) {
    const CodeownersRule* last = nullptr;
    for (const CodeownersRule& r : s.rules)
      if (CodeownersPatternMatches(r.pattern, path)) last = &r;
    if (!last) continue;
    const auto& owners = last->owners.empty() ? s.default_owners : last->owners;
    if (owners.empty()) continue;  // a rule without owners unsets ownership
    out.push_back({s.name, owners, last->line});
  }
  return out;
}

}  // namespace sprawl::owners
