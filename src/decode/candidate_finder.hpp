// Finds spans of text that may hide an encoded secret. This runs over every scanned byte,
// so it is built to be cheap on ordinary text: alphabet runs are read off bit masks that
// classify 64 bytes at a time, and a run's head is decoded on the stack to reject it early;
// escapes, percent-encoding and character references are found with memchr.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace sprawl::decode {

enum class SpanKind : std::uint8_t {
  kAlphabetRun,    // base64 (standard or URL-safe) alphabet, '=' padding included; may be hex
  kWrappedBase64,  // consecutive lines of one base64 value wrapped at a fixed width
  kEscapedLine,    // a line holding backslash escapes that can hide text
  kPercentLine,    // a line holding %XX sequences
  kEntityLine,     // a line holding HTML/XML character references (&quot; &#39; &#x2F; …)
};

struct EncodedSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  SpanKind kind = SpanKind::kAlphabetRun;
};

// Shortest alphabet run worth decoding: 16 base64 characters are 12 bytes, the shortest
// credential (a user:password pair) worth reporting.
inline constexpr std::size_t kMinAlphabetRun = 16;
// Shortest line of a wrapped base64 value (GNU base64 wraps at 76, PEM-style at 64).
inline constexpr std::size_t kMinWrappedLine = 48;
// Longest wrapped value joined into one span; the next lines start a new span (every full
// line holds whole 4-character groups, so each span decodes on its own).
inline constexpr std::size_t kMaxWrappedSpan = 1u << 20;

// Shortest hex run decoded as hex: 16 bytes.
inline constexpr std::size_t kMinHexRun = 32;

// Appends the spans of `text` that belong to [keep_begin, keep_end), in order of kind and
// then position: alphabet runs that start in it, and lines that start in it or hold a
// qualifying escape or %XX in it.
// Alphabet runs that cannot be encodings are dropped here and counted in *rejected when it
// is not null: runs whose first bytes do not decode to text (the common case: hashes, ids,
// random blobs) and identifiers of one case.
void FindEncodedSpans(std::string_view text, std::size_t keep_begin, std::size_t keep_end,
                      std::vector<EncodedSpan>* out, std::uint64_t* rejected = nullptr);

// True when every byte of `s` is a hex digit (after an optional 0x).
bool IsHexRun(std::string_view s);

}  // namespace sprawl::decode
