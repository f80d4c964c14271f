#include "decode/candidate_finder.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define SPRAWL_HAVE_AVX2_PATH 1
#endif

#include "decode/codecs.hpp"
#include "util/text.hpp"

namespace sprawl::decode {
namespace {

// Character classes of the alphabet, to tell encodings from identifiers.
enum : std::uint8_t { kLower = 1, kUpper = 2, kDigit = 4 };
constexpr std::array<std::uint8_t, 256> MakeClasses() {
  std::array<std::uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c)
    t[c] = kLower;
  for (int c = 'A'; c <= 'Z'; ++c)
    t[c] = kUpper;
  for (int c = '0'; c <= '9'; ++c)
    t[c] = kDigit;
  return t;
}
constexpr auto kClasses = MakeClasses();

// Base64 of twelve or more bytes mixes cases or digits; hex has digits. A run of one case
// and separators only is an identifier (snake_case, kebab-case, a path, CONSTANT_NAME).
bool MayBeEncoded(const char* run, std::size_t n) {
  std::uint8_t seen = 0;
  for (std::size_t i = 0; i < n; ++i) {
    seen |= kClasses[static_cast<unsigned char>(run[i])];
    if ((seen & kDigit) || seen == (kLower | kUpper)) return true;
  }
  return false;
}

// The standard and URL-safe base64 alphabets together: what a run is made of.
inline bool InAlphabet(char c) {
  return Base64Value(static_cast<unsigned char>(c)) >= 0;
}

std::size_t LineStart(std::string_view text, std::size_t pos) {
  if (pos == 0) return 0;
  const std::size_t nl = text.rfind('\n', pos - 1);
  return nl == std::string_view::npos ? 0 : nl + 1;
}

std::size_t LineEnd(std::string_view text, std::size_t pos) {
  const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
  return nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
}

// Base64 of text: the first character of every 4-character group holds the top six bits of
// a byte that is tab, LF, CR, printable ASCII or a UTF-8 lead byte, so it is one of
// C D I-Z a-f w-z 0-9, or g-v for a UTF-8 continuation byte (at most one of the first four
// groups starts inside a character in real text). Checking the first four groups rejects
// most identifiers and random runs with four table lookups.
constexpr std::array<bool, 256> MakeGroupStart() {
  std::array<bool, 256> t{};
  const char* ok = "CDIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  for (const char* c = ok; *c; ++c)
    t[static_cast<unsigned char>(*c)] = true;
  return t;
}
constexpr auto kGroupStart = MakeGroupStart();

bool GroupStartsLikeText(std::string_view run) {
  int continuations = 0;
  for (std::size_t i = 0; i < 16 && i < run.size(); i += 4) {
    const char c = run[i];
    if (!kGroupStart[static_cast<unsigned char>(c)]) return false;
    continuations += c >= 'g' && c <= 'v';
  }
  return continuations <= 1;
}

// Whether the 12 bytes the run's first 16 characters decode to are text. Every character of
// a run is in the base64 alphabets. Decoded here into a stack buffer and checked a byte at a
// time: this runs for thousands of runs per MiB of code (identifiers, paths), nearly all
// of which fail on a control byte; bytes of 0x80 and up (UTF-8) get the full check.
bool HeadDecodesToText(std::string_view run) {
  char bytes[12];
  bool ascii = true;
  for (std::size_t q = 0; q < 4; ++q) {
    std::uint32_t v = 0;
    for (std::size_t k = 0; k < 4; ++k)
      v = v << 6 |
          static_cast<std::uint32_t>(Base64Value(static_cast<unsigned char>(run[4 * q + k])));
    for (std::size_t k = 0; k < 3; ++k) {
      const auto c = static_cast<unsigned char>(v >> (16 - 8 * k));
      if (c < 0x80 && !IsAsciiText(c)) return false;
      ascii = ascii && c < 0x80;
      bytes[3 * q + k] = static_cast<char>(c);
    }
  }
  return ascii || LooksLikeText(std::string_view(bytes, sizeof bytes), true);
}

// The first bytes a run decodes to, as hex when it is all hex and long enough, else as
// base64, are text: most runs (hashes, ids, random blobs, camelCase names) fail on the
// first byte or two, so this is cheap and spares decoding them whole. This runs for every
// long alphabet run of every file: the hex head is checked and decoded in one pass into a
// stack buffer (it was a third of the decoding layer's cost as two passes).
bool StartsLikeEncodedText(std::string_view run) {
  constexpr std::size_t kPrefix = 16;  // 8 bytes of hex, 12 of base64
  const std::size_t skip = run[0] == '0' && (run[1] == 'x' || run[1] == 'X') ? 2 : 0;
  const std::string_view head = run.substr(skip, kPrefix);
  // Hex when the head is hex digits (the whole run is checked if the head decodes to text).
  if (run.size() >= kMinHexRun && head.size() == kPrefix) {
    char bytes[kPrefix / 2];
    bool hex = true;
    for (std::size_t i = 0; i < kPrefix; i += 2) {
      const int hi = HexValue(static_cast<unsigned char>(head[i]));
      const int lo = HexValue(static_cast<unsigned char>(head[i + 1]));
      if ((hi | lo) < 0) {
        hex = false;
        break;
      }
      bytes[i / 2] = static_cast<char>(hi << 4 | lo);
    }
    if (hex) return LooksLikeText(std::string_view(bytes, sizeof bytes), true);
  }
  return GroupStartsLikeText(run) && HeadDecodesToText(run);
}

// Keeps the run text[start, end) (plus up to two '=') if it may encode text. The head test
// goes first: it rejects most runs after a few table lookups, where telling an identifier
// from an encoding walks the whole run.
void AddRun(std::string_view text, std::size_t start, std::size_t end, std::size_t keep_begin,
            std::size_t keep_end, std::vector<EncodedSpan>* out, std::uint64_t* rejected) {
  if (start < keep_begin || start >= keep_end) return;
  const std::string_view run = text.substr(start, end - start);
  if (!StartsLikeEncodedText(run) || !MayBeEncoded(run.data(), run.size())) {
    ++*rejected;
    return;
  }
  std::size_t padded = end;
  while (padded < text.size() && padded < end + 2 && text[padded] == '=')
    ++padded;
  out->push_back({start, padded, SpanKind::kAlphabetRun});
}

// Alphabet masks: bit i of out[k] is set when p[64k + i] is in the alphabet.
void AlphabetMasksScalar(const char* p, std::size_t blocks, std::uint64_t* out) {
  for (std::size_t k = 0; k < blocks; ++k, p += 64) {
    std::uint64_t m = 0;
    for (unsigned i = 0; i < 64; ++i)
      m |= static_cast<std::uint64_t>(InAlphabet(p[i])) << i;
    out[k] = m;
  }
}

#if defined(__SSE2__)
// Bit i set when p[i] is in the alphabet, for 16 bytes. Signed byte compares: bytes >= 0x80
// are negative and fall outside every range.
inline std::uint32_t AlphabetMask16(const char* p) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  auto in_range = [](__m128i v, char lo, char hi) {
    return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(lo - 1))),
                         _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(hi + 1))));
  };
  // Letters: x | 0x20 folds A-Z onto a-z ('@' and '[' land outside).
  __m128i m = in_range(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 'z');
  m = _mm_or_si128(m, in_range(x, '0', '9'));
  m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('+')));
  m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('/')));
  m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('-')));
  m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('_')));
  return static_cast<std::uint32_t>(_mm_movemask_epi8(m));
}

void AlphabetMasksSse2(const char* p, std::size_t blocks, std::uint64_t* out) {
  for (std::size_t k = 0; k < blocks; ++k, p += 64) {
    out[k] = static_cast<std::uint64_t>(AlphabetMask16(p)) |
             static_cast<std::uint64_t>(AlphabetMask16(p + 16)) << 16 |
             static_cast<std::uint64_t>(AlphabetMask16(p + 32)) << 32 |
             static_cast<std::uint64_t>(AlphabetMask16(p + 48)) << 48;
  }
}

#if defined(SPRAWL_HAVE_AVX2_PATH)
// The same with AVX2 and a nibble lookup: a byte is in the alphabet when the class bits its
// low nibble allows meet those its high nibble selects (2: + - /, 3: digits, 4 and 6:
// A-O a-o, 5: P-Z _, 7: p-z). Two shuffles and an AND classify 32 bytes, where SSE2 takes
// thirteen compares and ORs for 16. Bytes >= 0x80 have high nibbles 8-F: class 0.
__attribute__((target("avx2"))) inline std::uint32_t AlphabetMask32Avx2(const char* p) {
  const __m256i lo_classes = _mm256_setr_epi8(
      // low nibble 0 .. F, twice (one table per 128-bit lane)
      0x32, 0x36, 0x36, 0x36, 0x36, 0x36, 0x36, 0x36, 0x36, 0x36, 0x34, 0x05, 0x04, 0x05, 0x04,
      0x15, 0x32, 0x36, 0x36, 0x36, 0x36, 0x36, 0x36, 0x36, 0x36, 0x36, 0x34, 0x05, 0x04, 0x05,
      0x04, 0x15);
  const __m256i hi_classes =
      _mm256_setr_epi8(0, 0, 0x01, 0x02, 0x04, 0x10, 0x04, 0x20, 0, 0, 0, 0, 0, 0, 0, 0,  //
                       0, 0, 0x01, 0x02, 0x04, 0x10, 0x04, 0x20, 0, 0, 0, 0, 0, 0, 0, 0);
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i lo = _mm256_shuffle_epi8(lo_classes, _mm256_and_si256(x, nibble));
  const __m256i hi =
      _mm256_shuffle_epi8(hi_classes, _mm256_and_si256(_mm256_srli_epi16(x, 4), nibble));
  const __m256i none = _mm256_cmpeq_epi8(_mm256_and_si256(lo, hi), _mm256_setzero_si256());
  return ~static_cast<std::uint32_t>(_mm256_movemask_epi8(none));
}

__attribute__((target("avx2"))) void AlphabetMasksAvx2(const char* p, std::size_t blocks,
                                                       std::uint64_t* out) {
  for (std::size_t k = 0; k < blocks; ++k, p += 64) {
    out[k] = static_cast<std::uint64_t>(AlphabetMask32Avx2(p)) |
             static_cast<std::uint64_t>(AlphabetMask32Avx2(p + 32)) << 32;
  }
}
#endif
#endif

using AlphabetMasksFn = void (*)(const char*, std::size_t, std::uint64_t*);

AlphabetMasksFn ChooseAlphabetMasks() {
#if defined(SPRAWL_HAVE_AVX2_PATH)
  if (__builtin_cpu_supports("avx2")) return AlphabetMasksAvx2;
#endif
#if defined(__SSE2__)
  return AlphabetMasksSse2;
#else
  return AlphabetMasksScalar;
#endif
}

// Follows runs of at least kMinAlphabetRun alphabet bytes across consecutive 64-byte
// blocks of alphabet masks, and hands each whole run to `emit` once.
template <typename Emit>
class LongRuns {
 public:
  explicit LongRuns(Emit emit) : emit_(emit) {}

  // The mask of the block at text offset `p` (blocks in order, 64 bytes apart).
  void Block(std::size_t p, std::uint64_t m) {
    // Bit i of r is set when bytes p+i-15 .. p+i are all in the alphabet: four shift-and
    // steps over this block's mask with the last one's above it (bytes before the text
    // count as outside the alphabet).
    std::uint64_t r = m;
    std::uint64_t below = prev_;
    for (unsigned k = 1; k < kMinAlphabetRun; k *= 2) {
      r &= r << k | below >> (64 - k);
      below &= below << k;
    }
    prev_ = m;
    if (open_ != kNone && !(r & 1)) {  // the run went on to the block's first byte only
      emit_(open_, p);
      open_ = kNone;
    }
    while (r) {
      // A segment of set bits [s, e) is one run: it began 15 bytes before bit s (byte
      // p+s-16 is outside the alphabet, or bit s-1 would be set), or is the run still open
      // from the last block; byte p+e is outside the alphabet.
      const unsigned s = static_cast<unsigned>(__builtin_ctzll(r));
      const std::uint64_t rest = ~(r >> s);
      const unsigned e = rest ? s + static_cast<unsigned>(__builtin_ctzll(rest)) : 64;
      const std::size_t start = s == 0 && open_ != kNone ? open_ : p + s - (kMinAlphabetRun - 1);
      open_ = kNone;
      if (e == 64) {  // runs on into the next block
        open_ = start;
        break;
      }
      emit_(start, p + e);
      r &= ~std::uint64_t{0} << e;
    }
  }
  // The text ends at `n`.
  void Finish(std::size_t n) {
    if (open_ != kNone) emit_(open_, n);
    open_ = kNone;
  }

 private:
  static constexpr std::size_t kNone = ~std::size_t{0};
  Emit emit_;
  std::uint64_t prev_ = 0;
  std::size_t open_ = kNone;
};

// Runs of at least kMinAlphabetRun alphabet bytes, in one pass: the text is classified 64
// bytes at a time into bit masks (AVX2, SSE2 or a table), and runs are read off the masks,
// so a block without a long run costs a few instructions and no unpredictable branch, and
// no byte is looked at twice. (Finding each run end and then walking back and forth from it
// cost a run's bytes again and restarted the search after every run: real code has 3,000 to
// 6,000 runs of 16 or more per MiB, identifiers and paths mostly.)
void FindAlphabetRuns(std::string_view text, std::size_t keep_begin, std::size_t keep_end,
                      std::vector<EncodedSpan>* out, std::uint64_t* rejected) {
  static_assert(kMinAlphabetRun == 16, "the shift-and steps find runs of 16");
  static const AlphabetMasksFn masks_of = ChooseAlphabetMasks();
  const std::size_t n = text.size();
  const char* t = text.data();
  LongRuns runs([&](std::size_t start, std::size_t end) {
    AddRun(text, start, end, keep_begin, keep_end, out, rejected);
  });
  constexpr std::size_t kPiece = 64;  // blocks classified per call: 4 KiB of text
  std::uint64_t masks[kPiece];
  const std::size_t blocks = n / 64;
  for (std::size_t b = 0; b < blocks; b += kPiece) {
    const std::size_t count = std::min(kPiece, blocks - b);
    masks_of(t + b * 64, count, masks);
    for (std::size_t k = 0; k < count; ++k)
      runs.Block((b + k) * 64, masks[k]);
  }
  if (const std::size_t tail = n % 64) {  // the last bytes, padded with a non-alphabet byte
    char last[64];
    std::memset(last, ' ', sizeof last);
    std::memcpy(last, t + blocks * 64, tail);
    AlphabetMasksScalar(last, 1, masks);
    runs.Block(blocks * 64, masks[0]);
  }
  runs.Finish(n);
}

// An escape that can hide a secret or break a rule's context: a quote, a backslash, a
// slash, a \u or \x escape of a character rules see, or a \n, \r, \t glued to the next
// word. A lone "\n" before a quote (printf format strings) changes nothing a rule looks at;
// nor does \u4e2d or \xff: most escaped lines in real code escape only non-ASCII text
// (Unicode tables, localised strings, binary literals), and rescanning them was the larger
// part of the decoding layer's cost on real code (docs/performance.md).
bool HidingEscape(std::string_view text, std::size_t i) {
  if (i + 1 >= text.size()) return false;
  const char c = text[i + 1];
  switch (c) {
    case '"':
    case '\'':
    case '\\':
    case '/':
      return true;
    case 'u':
      return IsAsciiText(HexNumber(text, i + 2, 4));
    case 'x':
      return IsAsciiText(HexNumber(text, i + 2, 2));
    case 'n':
    case 'r':
    case 't':
      return i + 2 < text.size() && InAlphabet(text[i + 2]);
    default:
      return false;
  }
}

// A %XX that decodes to a printable character (a printf "%02x" decodes to a control byte).
bool PrintablePercent(std::string_view text, std::size_t i) {
  const int v = HexNumber(text, i + 1, 2);
  return v >= 0x20 && v < 0x7F;
}

// A character reference to printable ASCII (&quot;, &#39;, …): one that can hide a secret's
// quotes or separators, or its characters.
bool KnownEntity(std::string_view text, std::size_t i) {
  char c = 0;
  return EntityAt(text, i, &c) != 0;
}

// Lines holding `marker` at a position `qualifies` accepts, each reported once.
template <typename Qualifies>
void FindLines(std::string_view text, char marker, SpanKind kind, std::size_t keep_begin,
               std::size_t keep_end, Qualifies qualifies, std::vector<EncodedSpan>* out) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const void* hit = std::memchr(text.data() + i, marker, n - i);
    if (!hit) return;
    const auto pos = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
    if (!qualifies(text, pos)) {
      i = pos + (marker == '\\' ? 2 : 1);  // "\\\\" is one escape, not two
      continue;
    }
    const std::size_t begin = LineStart(text, pos);
    if (begin < keep_begin && pos < keep_begin) {  // a later marker may lie in the range
      i = pos + 1;
      continue;
    }
    // The line belongs here if it starts here, or if it starts before the range (decoded
    // bytes spliced into a line: the context before them) and its marker is in it.
    const std::size_t end = LineEnd(text, pos);
    if (begin < keep_end && pos < keep_end) out->push_back({begin, end, kind});
    i = end + 1;
  }
}

}  // namespace

bool IsHexRun(std::string_view s) {
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) s.remove_prefix(2);
  for (const char c : s) {
    if (HexValue(static_cast<unsigned char>(c)) < 0) return false;
  }
  return !s.empty();
}

// The line break between two lines of a wrapped value: "\n" or "\r\n", then the same
// indentation (spaces or tabs only) that `line` has before its run.
bool WrapsTo(std::string_view text, const EncodedSpan& line, std::size_t next_begin) {
  std::size_t p = line.end;
  if (p < text.size() && text[p] == '\r') ++p;
  if (p >= text.size() || text[p] != '\n') return false;
  ++p;
  const std::size_t indent_begin = LineStart(text, line.begin);
  const std::string_view indent = text.substr(indent_begin, line.begin - indent_begin);
  if (indent.find_first_not_of(" \t") != std::string_view::npos) return false;
  return next_begin == p + indent.size() && text.substr(p, indent.size()) == indent;
}

// Joins runs that are the lines of one wrapped base64 value: full lines of one width (a
// multiple of 4, at least kMinWrappedLine, unpadded) at the start of their lines, and a
// last line no longer than them.
void JoinWrappedLines(std::string_view text, std::size_t first, std::vector<EncodedSpan>* out) {
  std::vector<EncodedSpan>& spans = *out;
  std::size_t w = first;
  for (std::size_t i = first; i < spans.size();) {
    EncodedSpan joined = spans[i];
    const std::size_t width = joined.end - joined.begin;
    std::size_t j = i + 1;
    if (width >= kMinWrappedLine && width % 4 == 0 && text[joined.end - 1] != '=') {
      for (EncodedSpan line = joined; j < spans.size(); ++j) {
        const EncodedSpan& next = spans[j];
        const std::size_t len = next.end - next.begin;
        if (!WrapsTo(text, line, next.begin) || len > width ||
            next.end - joined.begin > kMaxWrappedSpan) {
          break;
        }
        joined.kind = SpanKind::kWrappedBase64;
        joined.end = next.end;
        line = next;
        if (len < width || text[next.end - 1] == '=') {  // the last line
          ++j;
          break;
        }
      }
    }
    spans[w++] = joined;
    i = j;
  }
  spans.resize(w);
}

void FindEncodedSpans(std::string_view text, std::size_t keep_begin, std::size_t keep_end,
                      std::vector<EncodedSpan>* out, std::uint64_t* rejected) {
  std::uint64_t ignored = 0;
  const std::size_t first = out->size();
  FindAlphabetRuns(text, keep_begin, keep_end, out, rejected ? rejected : &ignored);
  JoinWrappedLines(text, first, out);
  FindLines(text, '\\', SpanKind::kEscapedLine, keep_begin, keep_end, HidingEscape, out);
  FindLines(text, '%', SpanKind::kPercentLine, keep_begin, keep_end, PrintablePercent, out);
  FindLines(text, '&', SpanKind::kEntityLine, keep_begin, keep_end, KnownEntity, out);
}

}  // namespace sprawl::decode
