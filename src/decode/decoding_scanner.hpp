// The decoding layer: finds encoded spans in scanned content (base64, hex, percent-encoding,
// backslash escapes), decodes them, scans the decoded bytes with the same engine and
// filters, and reports what it finds at the encoded span in the original content, with the
// chain of encodings ("base64", "base64>json-escape", outermost first). Decoded text is
// searched again for encoded spans up to the configured depth.
//
// Cost is bounded whatever the input: a span is decoded at most DecodeLimits::window_bytes
// at a time, a span whose first window is not text is abandoned, and the bytes decoded
// for one scanned text (all depths together) never exceed max(min_budget, text size) by
// more than one window.
// One per ContentScanner, so one per worker thread; not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "decode/candidate_finder.hpp"
#include "decode/offset_map.hpp"
#include "sprawl/finding.hpp"
#include "sprawl/stats.hpp"

namespace sprawl {
class ContentScanner;
struct ChunkPosition;
}  // namespace sprawl

namespace sprawl::decode {

struct DecodeLimits {
  unsigned depth = 2;                     // nesting levels decoded; 0 disables decoding
  std::size_t window_bytes = 1u << 20;    // encoded bytes of one span decoded at once
  std::size_t window_overlap = 8u << 10;  // encoded bytes shared by consecutive windows
  std::size_t min_budget = 1u << 20;      // decoded bytes allowed per text, at least
};

// The decoder's own counters, summed over every text this DecodingScanner saw.
struct DecodeStats {
  std::uint64_t spans = 0;            // encoded spans considered
  std::uint64_t windows_decoded = 0;  // windows that decoded to text and were scanned
  std::uint64_t bytes_decoded = 0;    // bytes produced by the decoders
  std::uint64_t not_text = 0;         // spans abandoned: not an encoding, or binary result
  std::uint64_t over_budget = 0;      // spans not decoded because the budget ran out
  std::uint64_t max_depth = 0;        // deepest nesting level decoded
  std::uint64_t findings = 0;         // findings reported from decoded text
  std::uint64_t duplicates = 0;       // decoded findings dropped as already reported
};

class DecodingScanner {
 public:
  explicit DecodingScanner(ContentScanner& content) : content_(content) {}

  void set_limits(const DecodeLimits& limits) { limits_ = limits; }
  const DecodeLimits& limits() const { return limits_; }
  const DecodeStats& stats() const { return stats_; }

  // Decodes the spans of `text` starting in the chunk's kept range. out[plain_first..] are
  // the plain findings of this chunk (already appended); decoded findings are appended
  // after them unless they repeat one.
  void ScanChunk(std::string_view text, const ChunkPosition& pos, const std::string& path,
                 std::size_t plain_first, std::vector<Finding>* out, ScanStats* stats);

 private:
  // One decoded text in the current chain; `map` leads into the level above it. A base64 or
  // hex span is decoded in place: bytes = line context before the span, the decoded bytes
  // [inner_begin, inner_end), line context after, so rules that key on the text around a
  // value (`password:`, `Authorization: Basic`, `"auth":`) see it decoded.
  struct Level {
    std::string bytes;
    OffsetMap map;
    const char* codec = "";
    std::size_t inner_begin = 0;
    std::size_t inner_end = 0;
  };
  // A decoded finding and its span in the original text.
  struct Pending {
    Finding finding;
    std::size_t begin;
    std::size_t end;
  };
  struct Context {
    std::string_view original;
    const std::string* path;
    ScanStats* stats;
    std::size_t budget;
    std::vector<std::pair<std::size_t, std::size_t>> specific_spans;  // plain, non-generic
  };

  void DecodeSpans(std::string_view text, std::size_t keep_begin, std::size_t keep_end,
                   unsigned depth, Context* ctx);
  void DecodeSpan(std::string_view text, const EncodedSpan& span, unsigned depth, Context* ctx);
  // Decodes text[begin, end) of `span` into level `depth`; false if it is not text.
  bool DecodeWindow(std::string_view text, const EncodedSpan& span, std::size_t begin,
                    std::size_t end, unsigned depth);
  // Decodes `in` into decoded_; true if it is text.
  bool DecodesToText(std::string_view in, bool (*decoder)(std::string_view, std::string*));
  // Level = context before [begin, end) on its line, decoded_, context after.
  // For a line codec: the whole decoded line is the level's range; true if something was
  // decoded and it is text.
  static bool DecodedWholeLine(bool decoded, Level* level);
  static bool ValueOfPairAbove(std::string_view line_head);
  void SpliceIntoLine(std::string_view text, std::size_t begin, std::size_t end, bool with_context,
                      Level* level);
  void ScanLevel(unsigned depth, Context* ctx);
  // Locates the pending findings in the chunk and appends those that are new.
  void Report(std::string_view text, const ChunkPosition& pos, std::size_t plain_first,
              std::vector<Finding>* out, ScanStats* stats);
  bool CheckAgainstPlain(const Pending& p, const ChunkPosition& pos, std::size_t plain_first,
                         std::size_t plain_end, const std::vector<Finding>& out,
                         std::vector<bool>* superseded);

  ContentScanner& content_;
  DecodeLimits limits_;
  // Bytes of line context kept on each side of a decoded base64 or hex span.
  static constexpr std::size_t kContextBytes = 160;
  DecodeStats stats_;
  std::vector<Level> levels_;                    // levels_[d - 1]: the text at depth d
  std::vector<std::vector<EncodedSpan>> spans_;  // spans_[d]: spans found at depth d
  std::vector<Finding> scratch_;
  std::string decoded_;  // a window's decoded bytes before the context goes around them
  std::string joined_;   // a wrapped base64 value without its line breaks
  std::vector<Pending> pending_;
};

}  // namespace sprawl::decode
