#include "decode/codecs.hpp"

#include <array>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "util/text.hpp"

namespace sprawl::decode {
namespace {

// Decodes the escape at in[i] == '\\': a JSON escape, or the \' and \xHH that other
// languages add. Returns the escape's length (0: not an escape we know) and sets *json when
// it is a JSON escape.
std::size_t DecodeEscape(std::string_view in, std::size_t i, std::string* out, bool* json) {
  if (const std::size_t n = DecodeJsonEscape(in, i, out)) {
    *json = true;
    return n;
  }
  *json = false;
  if (i + 1 >= in.size()) return 0;
  const char c = in[i + 1];
  if (c == '\'') {
    out->push_back('\'');
    return 2;
  }
  if (c == 'x') {
    const int v = HexNumber(in, i + 2, 2);
    if (v < 0) return 0;
    out->push_back(static_cast<char>(v));
    return 4;
  }
  return 0;
}

}  // namespace

std::size_t DecodeJsonEscape(std::string_view in, std::size_t i, std::string* out) {
  if (i + 1 >= in.size()) return 0;
  const char c = in[i + 1];
  switch (c) {
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
      const long hi = HexNumber(in, i + 2, 4);
      if (hi < 0) return 0;
      if (hi >= 0xD800 && hi < 0xDC00 && i + 12 <= in.size() && in[i + 6] == '\\' &&
          in[i + 7] == 'u') {
        const long lo = HexNumber(in, i + 8, 4);
        if (lo >= 0xDC00 && lo < 0xE000) {
          AppendUtf8(static_cast<std::uint32_t>(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)),
                     out);
          return 12;
        }
      }
      AppendUtf8(static_cast<std::uint32_t>(hi), out);
      return 6;
    }
    default:
      return 0;
  }
}

bool DecodeBase64(std::string_view in, std::string* out) {
  out->clear();
  while (!in.empty() && in.back() == '=')
    in.remove_suffix(1);
  if (in.size() % 4 == 1) return false;
  out->reserve(in.size() / 4 * 3 + 2);
  std::uint32_t acc = 0;
  int bits = 0;
  for (const char ch : in) {
    const int v = Base64Value(static_cast<unsigned char>(ch));
    if (v < 0) return false;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out->push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  return true;
}

bool DecodeHex(std::string_view in, std::string* out) {
  out->clear();
  if (in.size() > 2 && in[0] == '0' && (in[1] == 'x' || in[1] == 'X')) in.remove_prefix(2);
  if (in.size() % 2 != 0) return false;
  out->reserve(in.size() / 2);
  for (std::size_t i = 0; i < in.size(); i += 2) {
    const int a = HexValue(static_cast<unsigned char>(in[i]));
    const int b = HexValue(static_cast<unsigned char>(in[i + 1]));
    if (a < 0 || b < 0) return false;
    out->push_back(static_cast<char>(a * 16 + b));
  }
  return true;
}

// Appends in[from, next `stop`) to out in one go (the bytes between escapes are the bulk of
// any text) and returns the position of that `stop`, or in.size() when there is none.
static std::size_t CopyUpTo(std::string_view in, std::size_t from, char stop, std::string* out) {
  const void* hit = std::memchr(in.data() + from, stop, in.size() - from);
  const std::size_t at =
      hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - in.data()) : in.size();
  out->append(in.data() + from, at - from);
  return at;
}

namespace {

// Decodes `in` where a `marker` starts a code `decode_at` knows: decode_at(in, i, &c)
// returns the code's length and sets its character, or returns 0 to keep the marker as
// written. `map` leads from each output byte to its source. False if nothing was decoded.
template <typename DecodeAt>
bool DecodeMarked(std::string_view in, std::size_t source_base, char marker, DecodeAt decode_at,
                  std::string* out, OffsetMap* map) {
  out->clear();
  map->Clear();
  map->AddAnchor(0, source_base);
  bool any = false;
  out->reserve(in.size());
  for (std::size_t i = 0; i < in.size();) {
    const std::size_t at = CopyUpTo(in, i, marker, out);
    if (at == in.size()) break;
    char c = 0;
    const std::size_t n = decode_at(in, at, &c);
    if (n == 0) {
      out->push_back(marker);
      i = at + 1;
      continue;
    }
    map->AddAnchor(out->size(), source_base + at);
    out->push_back(c);
    map->AddAnchor(out->size(), source_base + at + n);
    i = at + n;
    any = true;
  }
  map->AddAnchor(out->size(), source_base + in.size());
  return any;
}

// A %XX at in[i]: its byte, and 3.
std::size_t PercentAt(std::string_view in, std::size_t i, char* decoded) {
  const int v = HexNumber(in, i + 1, 2);
  if (v < 0) return 0;
  *decoded = static_cast<char>(v);
  return 3;
}

}  // namespace

bool DecodePercent(std::string_view in, std::size_t source_base, std::string* out, OffsetMap* map) {
  return DecodeMarked(in, source_base, '%', PercentAt, out, map);
}

std::size_t EntityAt(std::string_view in, std::size_t i, char* decoded) {
  static constexpr struct {
    std::string_view name;
    char c;
  } kNamed[] = {{"&quot;", '"'}, {"&amp;", '&'}, {"&apos;", '\''}, {"&lt;", '<'}, {"&gt;", '>'}};
  const std::string_view rest = in.substr(i, 10);
  for (const auto& e : kNamed) {
    if (rest.substr(0, e.name.size()) == e.name) {
      *decoded = e.c;
      return e.name.size();
    }
  }
  if (rest.size() < 4 || rest[1] != '#') return 0;
  const bool hex = rest[2] == 'x' || rest[2] == 'X';
  std::size_t j = hex ? 3 : 2;
  int value = 0;
  const std::size_t digits_begin = j;
  for (; j < rest.size() && j < digits_begin + 4; ++j) {
    const unsigned char c = static_cast<unsigned char>(rest[j]);
    const int d = hex ? HexValue(c) : (c >= '0' && c <= '9' ? c - '0' : -1);
    if (d < 0) break;
    value = value * (hex ? 16 : 10) + d;
  }
  if (j == digits_begin || j >= rest.size() || rest[j] != ';') return 0;
  if (value < 0x20 || value >= 0x7F) return 0;
  *decoded = static_cast<char>(value);
  return j + 1;
}

bool DecodeEntities(std::string_view in, std::size_t source_base, std::string* out,
                    OffsetMap* map) {
  return DecodeMarked(in, source_base, '&', EntityAt, out, map);
}

EscapeKind Unescape(std::string_view in, std::size_t source_base, std::string* out,
                    OffsetMap* map) {
  out->clear();
  map->Clear();
  map->AddAnchor(0, source_base);
  EscapeKind kind = EscapeKind::kNone;
  out->reserve(in.size());
  for (std::size_t i = 0; i < in.size();) {
    const std::size_t slash = CopyUpTo(in, i, '\\', out);
    if (slash == in.size()) break;
    const std::size_t before = out->size();
    bool json = false;
    const std::size_t len = DecodeEscape(in, slash, out, &json);
    if (len == 0) {  // not an escape we know: the backslash stays
      out->push_back('\\');
      i = slash + 1;
      continue;
    }
    map->AddAnchor(before, source_base + slash);
    map->AddAnchor(out->size(), source_base + slash + len);
    if (!json) kind = EscapeKind::kOther;
    if (json && kind == EscapeKind::kNone) kind = EscapeKind::kJson;
    i = slash + len;
  }
  map->AddAnchor(out->size(), source_base + in.size());
  return kind;
}

#if defined(__SSE2__)
// True when all 16 bytes at p are printable ASCII, tab, LF or CR. Signed compares: bytes
// >= 0x80 are negative and fail the lower bound.
inline bool PlainAscii16(const char* p) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i ok =
      _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(0x1F)), _mm_cmplt_epi8(x, _mm_set1_epi8(0x7F)));
  ok = _mm_or_si128(ok, _mm_cmpeq_epi8(x, _mm_set1_epi8('\n')));
  ok = _mm_or_si128(ok, _mm_cmpeq_epi8(x, _mm_set1_epi8('\t')));
  ok = _mm_or_si128(ok, _mm_cmpeq_epi8(x, _mm_set1_epi8('\r')));
  return _mm_movemask_epi8(ok) == 0xFFFF;
}
#endif

bool LooksLikeText(std::string_view bytes, bool truncated) {
  const std::size_t allowed = OddBytesAllowed(bytes.size());
  return OddBytes(bytes, truncated, allowed) <= allowed;
}

std::size_t OddBytes(std::string_view bytes, bool truncated, std::size_t limit) {
  const std::size_t n = bytes.size();
  std::size_t odd = 0;
  for (std::size_t i = 0; i < n;) {
#if defined(__SSE2__)
    // Whole lines of source code are checked here (every escaped line): skip plain ASCII
    // 16 bytes at a time.
    if (i + 16 <= n && PlainAscii16(bytes.data() + i)) {
      i += 16;
      continue;
    }
#endif
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (IsAsciiText(c)) {
      ++i;
      continue;
    }
    if (c == 0) return kNul;
    // A UTF-8 multi-byte sequence: lead byte, then the right number of continuation bytes.
    const std::size_t len = c >= 0xC2 && c < 0xE0   ? 2
                            : c >= 0xE0 && c < 0xF0 ? 3
                            : c >= 0xF0 && c < 0xF5 ? 4
                                                    : 0;
    bool valid = len > 0 && (i + len <= n || truncated);
    for (std::size_t k = 1; valid && k < len && i + k < n; ++k) {
      valid = (static_cast<unsigned char>(bytes[i + k]) & 0xC0) == 0x80;
    }
    if (valid) {
      i += len;
      continue;
    }
    // \f, \v and ESC (form feeds, terminal colours in logs) are odd but tolerated.
    if (++odd > limit) return odd;
    ++i;
  }
  return odd;
}

}  // namespace sprawl::decode
