// JSON-lines logs: one JSON object (or array) per line. Only the strings matter for secrets;
// they are decoded (escapes resolved, so "\u001b[31m" is colour and "\n" a newline) and
// laid out as "key: value value2 …" so keyword rules see a key next to its value.
#include <cstring>

#include "sources/log/log_normalizer.hpp"

namespace sprawl::logs {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool ReadHex4(std::string_view s, std::size_t at, unsigned* out) {
  if (at + 4 > s.size()) return false;
  unsigned v = 0;
  for (std::size_t i = at; i < at + 4; ++i) {
    const int h = HexValue(s[i]);
    if (h < 0) return false;
    v = v * 16 + static_cast<unsigned>(h);
  }
  *out = v;
  return true;
}

void AppendUtf8(unsigned cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes the escape at s[at] (a backslash); returns the bytes consumed, 0 if invalid.
std::size_t DecodeEscape(std::string_view s, std::size_t at, std::string* out) {
  if (at + 1 >= s.size()) return 0;
  switch (s[at + 1]) {
    case '"':
      out->push_back('"');
      return 2;
    case '\\':
      out->push_back('\\');
      return 2;
    case '/':
      out->push_back('/');
      return 2;
    case 'b':
      out->push_back('\b');
      return 2;
    case 'f':
      out->push_back('\f');
      return 2;
    case 'n':
      out->push_back('\n');
      return 2;
    case 'r':
      out->push_back('\r');
      return 2;
    case 't':
      out->push_back('\t');
      return 2;
    case 'u': {
      unsigned cp = 0;
      if (!ReadHex4(s, at + 2, &cp)) return 0;
      std::size_t used = 6;
      unsigned low = 0;
      if (cp >= 0xD800 && cp < 0xDC00 && s.substr(at + 6, 2) == "\\u" &&
          ReadHex4(s, at + 8, &low) && low >= 0xDC00 && low < 0xE000) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        used = 12;
      }
      AppendUtf8(cp, out);
      return used;
    }
    default:
      return 0;
  }
}

bool IsJsonStructural(char c) {
  return std::strchr(" \t{}[],:-+.0123456789truefalsnE", c) != nullptr && c != '\0';
}

}  // namespace

bool LogNormalizer::DecodeJson(std::string_view text, std::size_t begin) {
  std::size_t i = begin;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
    ++i;
  std::size_t last = text.size();
  while (last > i && (text[last - 1] == ' ' || text[last - 1] == '\t' || text[last - 1] == '\r'))
    --last;
  if (i >= last) return false;
  const char open = text[i];
  const char close = text[last - 1];
  const bool object = open == '{' && close == '}';
  const bool array =
      open == '[' && close == ']' && last - i > 2 && (text[i + 1] == '{' || text[i + 1] == '"');
  // A member of pretty-printed JSON (CircleCI's step output API): `"message": "…\u001b…",`.
  const bool member = open == '"' && (close == '"' || close == ',') && last - i > 2;
  if (!object && !array && !member) return false;
  json_text_.clear();
  json_pieces_.clear();
  const std::uint64_t base = fragment_->offset_in_line;
  while (i < last) {
    if (text[i] != '"') {
      if (!IsJsonStructural(text[i])) return false;
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    json_pieces_.push_back({json_text_.size(), base + j, true});
    for (;;) {
      if (j >= last) return false;  // unterminated string: not JSON after all
      const char c = text[j];
      if (c == '"') break;
      if (c != '\\') {
        const void* stop = std::memchr(text.data() + j, '"', last - j);
        const void* esc = std::memchr(text.data() + j, '\\', last - j);
        std::size_t run_end = last;
        if (stop) run_end = static_cast<std::size_t>(static_cast<const char*>(stop) - text.data());
        if (esc) {
          run_end = std::min(run_end,
                             static_cast<std::size_t>(static_cast<const char*>(esc) - text.data()));
        }
        json_text_.append(text.data() + j, run_end - j);
        j = run_end;
        continue;
      }
      json_pieces_.push_back({json_text_.size(), base + j, false});
      const std::size_t used = DecodeEscape(text, j, &json_text_);
      if (used == 0) return false;
      j += used;
      json_pieces_.push_back({json_text_.size(), base + j, true});
    }
    std::size_t k = j + 1;
    while (k < last && (text[k] == ' ' || text[k] == '\t'))
      ++k;
    json_pieces_.push_back({json_text_.size(), base + j, false});
    json_text_ += (k < last && text[k] == ':') ? ": " : " ";
    i = j + 1;
  }
  return !json_text_.empty();
}

}  // namespace sprawl::logs
