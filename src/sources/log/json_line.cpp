// JSON-lines logs: one JSON object (or array) per line. Only the strings matter for secrets;
// they are decoded (escapes resolved, so "\u001b[31m" is colour and "\n" a newline) and
// laid out as "key: value value2 …" so keyword rules see a key next to its value.
#include <cstring>

#include "decode/codecs.hpp"
#include "sources/log/log_normalizer.hpp"

namespace sprawl::logs {
namespace {

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
      const std::size_t used = decode::DecodeJsonEscape(text, j, &json_text_);
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
