// Where each byte of a decoded text came from in the text it was decoded from.
//
// Transparent encodings (escapes, percent-encoding) keep most bytes in place: the map holds
// an anchor wherever the shift between decoded and source offsets changes and interpolates
// between anchors. Opaque encodings (base64, hex) scramble positions, so a fixed anchor maps
// every decoded byte of its region to the start of the encoded span (and an end offset in
// the region to the span's end).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace sprawl::decode {

class OffsetMap {
 public:
  // Decoded offsets from `decoded` on (until the next anchor) follow source offsets from
  // `source` one for one. Add anchors in increasing decoded order.
  void AddAnchor(std::size_t decoded, std::size_t source) { Add({decoded, source, source, false}); }
  // Decoded offsets from `decoded` on (until the next anchor) all come from the encoded span
  // [source_begin, source_end).
  void AddOpaque(std::size_t decoded, std::size_t source_begin, std::size_t source_end) {
    Add({decoded, source_begin, source_end, true});
  }
  void Clear() { anchors_.clear(); }

  // Calls f(begin, end) for each decoded range that is not a copy of as many source bytes:
  // the output of escapes, %XX or character references (every one is shorter than what it
  // decodes), adjacent outputs joined (a UTF-8 character spelled \xC3\xA9 stays whole).
  // In decoded order.
  template <typename F>
  void ForEachProduced(F f) const {
    std::size_t begin = 0;
    std::size_t end = 0;  // the range gathered so far: [begin, end), empty when equal
    for (std::size_t k = 0; k + 1 < anchors_.size(); ++k) {
      const Anchor& a = anchors_[k];
      const Anchor& b = anchors_[k + 1];
      if (!a.fixed && b.decoded - a.decoded == b.source - a.source) continue;  // a copy
      if (a.decoded != end) {
        if (begin != end) f(begin, end);
        begin = a.decoded;
      }
      end = b.decoded;
    }
    if (begin != end) f(begin, end);
  }

  // Source offset of the decoded byte at `decoded`.
  std::size_t MapBegin(std::size_t decoded) const;
  // Source offset just past the decoded bytes ending at `decoded` (exclusive end).
  std::size_t MapEnd(std::size_t decoded) const;

 private:
  struct Anchor {
    std::size_t decoded;
    std::size_t source;
    std::size_t source_end;  // fixed anchors only
    bool fixed;
  };
  void Add(const Anchor& a) {
    if (!anchors_.empty() && anchors_.back().decoded == a.decoded) {
      anchors_.back() = a;
      return;
    }
    anchors_.push_back(a);
  }
  // The anchor governing `decoded`, or null when there is none.
  const Anchor* Find(std::size_t decoded) const;

  std::vector<Anchor> anchors_;
};

}  // namespace sprawl::decode
