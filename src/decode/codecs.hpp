// The decoders behind the decoding layer. Each one takes an encoded span and writes the
// decoded bytes to `out` (cleared first); none allocates beyond `out` and the map.
// They are lenient where real data is (URL-safe and standard base64 alphabets, missing
// padding) and strict where garbage would otherwise pass (length, digits).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "decode/offset_map.hpp"

namespace sprawl::decode {

// Base64, standard (+/) or URL-safe (-_) alphabet, '=' padding optional. False when `in`
// holds a byte outside the alphabets or its length cannot be base64 (4n+1 characters).
bool DecodeBase64(std::string_view in, std::string* out);

// Even-length hexadecimal, optionally prefixed by 0x. False on anything else.
bool DecodeHex(std::string_view in, std::string* out);

// %XX sequences decoded, other bytes copied. `map` gets anchors relative to `source_base`.
// False when nothing was decoded.
bool DecodePercent(std::string_view in, std::size_t source_base, std::string* out, OffsetMap* map);

// The character an HTML/XML character reference at in[i] ('&') stands for, and its length:
// the five XML entities (&quot; &amp; &apos; &lt; &gt;) and numeric references (&#39;
// &#x2F;) to printable ASCII. Returns 0 for anything else (other named entities spell
// non-ASCII characters, which no secret or rule context is made of).
std::size_t EntityAt(std::string_view in, std::size_t i, char* decoded);

// Replaces the character references EntityAt knows; false if there were none. `map` leads
// from each output byte to its source byte (source_base + index into `in`).
bool DecodeEntities(std::string_view in, std::size_t source_base, std::string* out, OffsetMap* map);

// What kind of escapes Unescape met.
enum class EscapeKind {
  kNone,  // no escape decoded
  kJson,  // only JSON string escapes: \" \\ \/ \b \f \n \r \t \uXXXX
  kOther  // also \xXX or \' (C, JavaScript, Python string escapes)
};

// Decodes the JSON string escape at in[i] (a backslash) into `out`: \" \\ \/ \b \f \n \r \t,
// and \uXXXX to UTF-8 with a surrogate pair joined into one character (a lone surrogate is
// encoded as is). Returns the bytes consumed; 0, with nothing appended, if there is no
// valid JSON escape at i.
std::size_t DecodeJsonEscape(std::string_view in, std::size_t i, std::string* out);

// Backslash escapes decoded (\uXXXX to UTF-8, surrogate pairs joined); an unknown escape is
// copied as is. `map` gets anchors relative to `source_base`.
EscapeKind Unescape(std::string_view in, std::size_t source_base, std::string* out, OffsetMap* map);

// True for bytes that read as text: printable ASCII, common whitespace, valid UTF-8, with
// at most one odd byte in 32 (and none in short strings). NUL is never text. With
// `truncated`, `bytes` is a prefix: a UTF-8 sequence cut at its end is not held against it.
bool LooksLikeText(std::string_view bytes, bool truncated = false);
// Odd bytes tolerated in text of `size` bytes.
inline std::size_t OddBytesAllowed(std::size_t size) {
  return size < 32 ? 0 : size / 32;
}
// The odd bytes of `bytes` by LooksLikeText's measure, counted until there are more than
// `limit`; kNul when `bytes` holds a NUL. For parts of a longer text.
inline constexpr std::size_t kNul = ~std::size_t{0};
std::size_t OddBytes(std::string_view bytes, bool truncated, std::size_t limit);

namespace detail {
constexpr std::array<std::int8_t, 256> MakeHexValues() {
  std::array<std::int8_t, 256> t{};
  for (auto& v : t)
    v = -1;
  for (int c = '0'; c <= '9'; ++c)
    t[c] = static_cast<std::int8_t>(c - '0');
  for (int c = 'a'; c <= 'f'; ++c)
    t[c] = static_cast<std::int8_t>(c - 'a' + 10);
  for (int c = 'A'; c <= 'F'; ++c)
    t[c] = static_cast<std::int8_t>(c - 'A' + 10);
  return t;
}
inline constexpr auto kHexValues = MakeHexValues();

constexpr std::array<std::int8_t, 256> MakeBase64Values() {
  std::array<std::int8_t, 256> t{};
  for (auto& v : t)
    v = -1;
  for (int i = 0; i < 26; ++i) {
    t['A' + i] = static_cast<std::int8_t>(i);
    t['a' + i] = static_cast<std::int8_t>(26 + i);
  }
  for (int i = 0; i < 10; ++i)
    t['0' + i] = static_cast<std::int8_t>(52 + i);
  t['+'] = t['-'] = 62;  // standard and URL-safe alphabets alike
  t['/'] = t['_'] = 63;
  return t;
}
inline constexpr auto kBase64Values = MakeBase64Values();
}  // namespace detail

// Value of a base64 character (standard or URL-safe alphabet), or -1.
inline int Base64Value(unsigned char c) {
  return detail::kBase64Values[c];
}

// Value of a hex digit, or -1. A table, not range tests: in random hex (hashes, ids: the
// runs the candidate finder sees most) digit-or-letter is a coin toss for the branch
// predictor, and those mispredictions were most of the finder's per-run cost.
inline int HexValue(unsigned char c) {
  return detail::kHexValues[c];
}

// The number spelled by the `digits` hex digits at in[at] (at most 4: \uXXXX), or -1 when
// they are not all there or not all hex.
inline int HexNumber(std::string_view in, std::size_t at, std::size_t digits) {
  if (at + digits > in.size()) return -1;
  int v = 0;
  for (std::size_t k = 0; k < digits; ++k) {
    const int d = HexValue(static_cast<unsigned char>(in[at + k]));
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

}  // namespace sprawl::decode
