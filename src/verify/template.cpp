#include "verify/template.hpp"

#include <cctype>
#include <stdexcept>

#include "util/text.hpp"

namespace sprawl {
namespace {

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

bool IsName(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsNameChar(c)) return false;
  }
  return true;
}

bool IsKnownFilter(std::string_view f) {
  return f == "json" || f == "url" || f == "base64";
}

std::string ApplyFilter(const std::string& filter, const std::string& value) {
  if (filter == "json") return JsonEscape(value);
  if (filter == "url") return PercentEncode(value);
  return Base64Encode(value);
}

// Parses the inside of one "{{ ... }}".
bool ParseExpression(std::string_view inner, TemplatePart* part, std::string* error) {
  std::vector<std::string_view> pieces;
  size_t start = 0;
  while (true) {
    const size_t bar = inner.find('|', start);
    pieces.push_back(Trim(inner.substr(start, bar == std::string_view::npos ? bar : bar - start)));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  if (!IsName(pieces[0])) {
    *error = "bad template variable '{{" + std::string(inner) + "}}'";
    return false;
  }
  part->is_variable = true;
  part->text = std::string(pieces[0]);
  for (size_t i = 1; i < pieces.size(); ++i) {
    if (!IsKnownFilter(pieces[i])) {
      *error =
          "unknown template filter '" + std::string(pieces[i]) + "' (expected json, url, base64)";
      return false;
    }
    part->filters.emplace_back(pieces[i]);
  }
  return true;
}

}  // namespace

std::optional<Template> ParseTemplate(std::string_view text, std::string* error) {
  Template out;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t open = text.find("{{", pos);
    if (open == std::string_view::npos) {
      out.push_back(TemplatePart{false, std::string(text.substr(pos)), {}});
      break;
    }
    if (open > pos)
      out.push_back(TemplatePart{false, std::string(text.substr(pos, open - pos)), {}});
    const size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) {
      *error = "unclosed '{{' in template";
      return std::nullopt;
    }
    TemplatePart part;
    if (!ParseExpression(text.substr(open + 2, close - open - 2), &part, error)) {
      return std::nullopt;
    }
    out.push_back(std::move(part));
    pos = close + 2;
  }
  return out;
}

std::vector<std::string> TemplateVariables(const Template& tpl) {
  std::vector<std::string> out;
  for (const auto& p : tpl) {
    if (p.is_variable) out.push_back(p.text);
  }
  return out;
}

std::string RenderTemplate(const Template& tpl, const TemplateVars& vars) {
  std::string out;
  for (const auto& p : tpl) {
    if (!p.is_variable) {
      out += p.text;
      continue;
    }
    auto it = vars.find(p.text);
    std::string value = it == vars.end() ? std::string() : it->second;
    for (const auto& f : p.filters)
      value = ApplyFilter(f, value);
    out += value;
  }
  return out;
}

std::string RenderTemplateText(std::string_view text, const TemplateVars& vars) {
  std::string error;
  auto tpl = ParseTemplate(text, &error);
  if (!tpl) throw std::invalid_argument(error);
  return RenderTemplate(*tpl, vars);
}

std::string JsonEscape(std::string_view s) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

std::string PercentEncode(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string Base64Encode(std::string_view s) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < s.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(s[i]) << 16) |
                       (static_cast<unsigned char>(s[i + 1]) << 8) |
                       static_cast<unsigned char>(s[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  if (i < s.size()) {
    unsigned v = static_cast<unsigned char>(s[i]) << 16;
    if (i + 1 < s.size()) v |= static_cast<unsigned char>(s[i + 1]) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < s.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

}  // namespace sprawl
