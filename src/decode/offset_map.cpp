#include "decode/offset_map.hpp"

#include <algorithm>

namespace sprawl::decode {

const OffsetMap::Anchor* OffsetMap::Find(std::size_t decoded) const {
  if (anchors_.empty()) return nullptr;
  auto it = std::upper_bound(anchors_.begin(), anchors_.end(), decoded,
                             [](std::size_t d, const Anchor& a) { return d < a.decoded; });
  return it == anchors_.begin() ? &anchors_.front() : &*(it - 1);
}

std::size_t OffsetMap::MapBegin(std::size_t decoded) const {
  const Anchor* a = Find(decoded);
  if (!a) return decoded;
  if (a->fixed || decoded < a->decoded) return a->source;
  return a->source + (decoded - a->decoded);
}

std::size_t OffsetMap::MapEnd(std::size_t decoded) const {
  // An anchor sits at the start of every escape's output, so the byte after a secret maps
  // to where its escape begins: exactly the end of the secret in the source. Inside an
  // opaque region the end is the end of the encoded span.
  const Anchor* a = Find(decoded);
  if (!a) return decoded;
  if (a->fixed) return a->decoded == decoded && a != &anchors_.front() ? a->source : a->source_end;
  if (decoded < a->decoded) return a->source;
  return a->source + (decoded - a->decoded);
}

}  // namespace sprawl::decode
