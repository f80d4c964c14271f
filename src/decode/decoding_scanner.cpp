#include "decode/decoding_scanner.hpp"

#include <algorithm>
#include <cstring>
#include <set>
#include <tuple>

#include "decode/codecs.hpp"
#include "filters/candidate_filter.hpp"
#include "findings/content_scanner.hpp"
#include "util/text.hpp"

namespace sprawl::decode {
namespace {

std::uint64_t CodePoints(std::string_view s) {
  std::uint64_t n = 0;
  for (unsigned char c : s)
    n += (c & 0xC0) != 0x80;
  return n;
}

// Line and column (1-based, columns in code points) of offsets in a chunk, asked in
// increasing order so newlines are counted once.
class ChunkLocator {
 public:
  ChunkLocator(std::string_view text, const ChunkPosition& pos) : text_(text), pos_(pos) {}

  void Locate(std::size_t at, std::uint64_t* line, std::uint64_t* column) {
    if (at < counted_to_) {  // rare: an end before a later begin; count afresh
      counted_to_ = 0;
      lines_ = 0;
    }
    const char* p = text_.data() + counted_to_;
    const char* end = text_.data() + at;
    while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p))))) {
      ++lines_;
      ++p;
    }
    counted_to_ = at;
    *line = pos_.lines_before + lines_ + 1;
    const std::size_t nl = at == 0 ? std::string_view::npos : text_.rfind('\n', at - 1);
    if (nl != std::string_view::npos) {
      *column = CodePoints(text_.substr(nl + 1, at - nl - 1)) + 1;
    } else {
      *column = pos_.column_base + CodePoints(text_.substr(0, at)) + 1;
    }
  }

 private:
  std::string_view text_;
  const ChunkPosition& pos_;
  std::size_t counted_to_ = 0;
  std::uint64_t lines_ = 0;
};

std::string_view LineAround(std::string_view text, std::size_t at) {
  const std::size_t nl = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
  const std::size_t begin = nl == std::string_view::npos ? 0 : nl + 1;
  std::size_t end = text.find('\n', at);
  if (end == std::string_view::npos) end = text.size();
  return text.substr(begin, end - begin);
}

bool Overlaps(std::size_t b1, std::size_t e1, std::size_t b2, std::size_t e2) {
  return b1 < e2 && b2 < e1;
}

// A character reference in a secret as written, whole or cut at its ';' (a rule whose
// value stops at ';' takes "&quot" with it).
bool ContainsEntity(std::string_view s) {
  for (std::size_t i = s.find('&'); i != std::string_view::npos; i = s.find('&', i + 1)) {
    const std::string_view rest = s.substr(i + 1, 4);
    for (const std::string_view name : {"quot", "amp", "apos", "lt", "gt", "#"}) {
      if (rest.substr(0, name.size()) == name) return true;
    }
  }
  return false;
}

}  // namespace

void DecodingScanner::ScanChunk(std::string_view text, const ChunkPosition& pos,
                                const std::string& path, std::size_t plain_first,
                                std::vector<Finding>* out, ScanStats* stats) {
  if (limits_.depth == 0 || text.size() < kMinAlphabetRun) return;
  Context ctx{text, &path, stats, std::max(limits_.min_budget, text.size()), {}};
  for (std::size_t i = plain_first; i < out->size(); ++i) {
    const Finding& f = (*out)[i];
    // A JWT is generic (no provider) but a known format: its parts decode to its own JSON.
    if (f.rule->IsGeneric() && !f.rule->HasTag("format")) continue;
    const std::size_t b = static_cast<std::size_t>(f.offset - pos.text_offset);
    ctx.specific_spans.emplace_back(b, b + f.secret.size());
  }
  if (levels_.size() < limits_.depth) levels_.resize(limits_.depth);
  if (spans_.size() < limits_.depth + 1) spans_.resize(limits_.depth + 1);
  pending_.clear();
  DecodeSpans(text, pos.keep_begin, pos.keep_end, 1, &ctx);
  if (pending_.empty()) return;

  Report(text, pos, plain_first, out, stats);
}

void DecodingScanner::Report(std::string_view text, const ChunkPosition& pos,
                             std::size_t plain_first, std::vector<Finding>* out, ScanStats* stats) {
  std::sort(pending_.begin(), pending_.end(), [](const Pending& a, const Pending& b) {
    return std::tie(a.begin, a.finding.rule->id, a.finding.secret_sha256, a.end) <
           std::tie(b.begin, b.finding.rule->id, b.finding.secret_sha256, b.end);
  });
  const std::size_t plain_end = out->size();
  std::vector<bool> superseded(plain_end - plain_first, false);
  std::set<std::tuple<std::size_t, const Rule*, std::string>> seen;
  ChunkLocator locator(text, pos);
  for (Pending& p : pending_) {
    Finding& f = p.finding;
    --stats->findings;  // counted by ScanPlain on the decoded text; recounted when kept
    if (!seen.emplace(p.begin, f.rule, f.secret_sha256).second ||
        !CheckAgainstPlain(p, pos, plain_first, plain_end, *out, &superseded)) {
      ++stats_.duplicates;
      continue;
    }
    // A sprawl:allow comment on the encoded span's line covers what it decodes to.
    if (LineAround(text, p.begin).find(kAllowMarker) != std::string_view::npos) {
      ++stats->filtered_allow_comment;
      continue;
    }
    f.offset = pos.text_offset + p.begin;
    locator.Locate(p.begin, &f.line, &f.column);
    ChunkLocator end_locator(text, pos);
    end_locator.Locate(p.end, &f.end_line, &f.end_column);
    ++stats->findings;
    ++stats_.findings;
    out->push_back(std::move(f));
  }
  // Plain findings a decoded one replaces leave; the rest keep their order.
  std::size_t w = plain_first;
  for (std::size_t i = plain_first; i < out->size(); ++i) {
    if (i < plain_end && superseded[i - plain_first]) {
      ++stats->filtered_overlap;
      --stats->findings;
      continue;
    }
    if (w != i) (*out)[w] = std::move((*out)[i]);
    ++w;
  }
  out->resize(w);
}

// Against the chunk's plain findings: a secret found plain where it was also found decoded
// is reported once, as the plain finding (false); so is a decoded secret where the same
// rule matched the encoded form (the rule chose to report it as written: an Azure SAS
// signature with %2B, a PEM key with JSON \n escapes). But a generic rule matching a base64
// or hex value as written (`password: WnE4…`) yields to what the value decodes to, even
// when the same generic rule matches the decoded value: that plain finding is superseded.
bool DecodingScanner::CheckAgainstPlain(const Pending& p, const ChunkPosition& pos,
                                        std::size_t plain_first, std::size_t plain_end,
                                        const std::vector<Finding>& out,
                                        std::vector<bool>* superseded) {
  const Finding& f = p.finding;
  const bool opaque = f.encoding.rfind("base64", 0) == 0 || f.encoding.rfind("hex", 0) == 0;
  std::vector<std::size_t> replaced;
  for (std::size_t i = plain_first; i < plain_end; ++i) {
    const Finding& plain = out[i];
    const std::size_t b = static_cast<std::size_t>(plain.offset - pos.text_offset);
    const std::size_t e = b + plain.secret.size();
    if (!Overlaps(p.begin, std::max(p.end, p.begin + 1), b, e)) continue;
    if (plain.secret_sha256 == f.secret_sha256) {
      // Only a generic rule saw it as written, and the decoded text let a provider's rule
      // name it (`MISTRAL_API_KEY=\"…\"` in a JSON string), or a more confident generic one
      // (a JDBC URL's password rather than `password=`): the decoded finding replaces it, so
      // the owner, revocation steps and live check are the better-informed rule's.
      const bool better = !f.rule->IsGeneric() || f.rule->confidence > plain.rule->confidence;
      if (!plain.rule->IsGeneric() || !better) return false;
      replaced.push_back(i);
      continue;
    }
    if (opaque && plain.rule->IsGeneric() && p.begin <= b && e <= p.end) {
      replaced.push_back(i);
    } else if (plain.rule == f.rule) {
      // No secret holds a character reference: `&quot;pw&quot;` matched as written is the
      // decoded value's rule reaching past its quotes. Other encodings are the rule's choice.
      if (f.encoding != "html-entity" || !ContainsEntity(plain.secret)) return false;
      replaced.push_back(i);
    }
  }
  for (const std::size_t i : replaced)
    (*superseded)[i - plain_first] = true;
  return true;
}

void DecodingScanner::DecodeSpans(std::string_view text, std::size_t keep_begin,
                                  std::size_t keep_end, unsigned depth, Context* ctx) {
  std::vector<EncodedSpan>& spans = spans_[depth];
  spans.clear();
  std::uint64_t rejected = 0;
  FindEncodedSpans(text, keep_begin, keep_end, &spans, &rejected);
  stats_.spans += rejected;
  stats_.not_text += rejected;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const EncodedSpan span = spans[i];
    ++stats_.spans;
    if (ctx->budget == 0) {
      ++stats_.over_budget;
      continue;
    }
    // A token a rule already reported in its encoded form (a provider token, a JWT) need
    // not be decoded: the rule knows what it is.
    if (depth == 1 && span.kind == SpanKind::kAlphabetRun) {
      const bool reported =
          std::any_of(ctx->specific_spans.begin(), ctx->specific_spans.end(),
                      [&](const auto& s) { return s.first <= span.begin && span.end <= s.second; });
      if (reported) continue;
    }
    DecodeSpan(text, span, depth, ctx);
  }
}

void DecodingScanner::DecodeSpan(std::string_view text, const EncodedSpan& span, unsigned depth,
                                 Context* ctx) {
  // Windows keep base64 quads and hex pairs whole: both sizes are multiples of 4.
  // A wrapped value is joined into one window (at most kMaxWrappedSpan plus a line).
  const std::size_t window = span.kind == SpanKind::kWrappedBase64
                                 ? span.end - span.begin
                                 : std::max<std::size_t>(4, limits_.window_bytes / 4 * 4);
  const std::size_t overlap = std::min(window - 4, limits_.window_overlap / 4 * 4);
  for (std::size_t begin = span.begin; begin < span.end; begin += window) {
    if (ctx->budget == 0) {
      ++stats_.over_budget;
      return;
    }
    const std::size_t end = std::min(span.end, begin + window + overlap);
    const bool text_like = DecodeWindow(text, span, begin, end, depth);
    Level& level = levels_[depth - 1];
    if (!text_like) {
      level.inner_begin = 0;
      level.inner_end = level.bytes.size();
    }
    // The budget may be overrun by the last window only: at most window_bytes.
    const std::size_t decoded = level.inner_end - level.inner_begin;
    stats_.bytes_decoded += decoded;
    ctx->budget -= std::min(ctx->budget, decoded);
    if (!text_like) {  // a span whose window is not text is not text further on either
      ++stats_.not_text;
      return;
    }
    ++stats_.windows_decoded;
    stats_.max_depth = std::max<std::uint64_t>(stats_.max_depth, depth);
    ScanLevel(depth, ctx);
    if (depth < limits_.depth) {
      // Only spans inside the decoded bytes: the context around them was searched already.
      DecodeSpans(level.bytes, level.inner_begin, level.inner_end, depth + 1, ctx);
    }
    if (end == span.end) return;
  }
}

// Most alphabet runs are hashes, ids and random blobs that decode to binary: decoding a
// short prefix first rejects them without decoding (and checking) the whole run.
bool DecodingScanner::DecodesToText(std::string_view in,
                                    bool (*decoder)(std::string_view, std::string*)) {
  constexpr std::size_t kPrefix = 64;  // a multiple of 4 (base64) and of 2 (hex)
  if (in.size() > 2 * kPrefix) {
    const std::size_t skip = in.size() > 2 && in[0] == '0' && (in[1] == 'x' || in[1] == 'X');
    const std::string_view prefix = in.substr(0, kPrefix + 2 * skip);
    if (!decoder(prefix, &decoded_) || !LooksLikeText(decoded_)) return false;
  }
  return decoder(in, &decoded_) && LooksLikeText(decoded_);
}

// A line codec decodes the whole line: all of it is the decoded range. Set from the bytes
// just decoded (the level is reused: a range set before decoding was the last line's).
// Whether the line is still text is asked of the bytes the escapes produced (a byte-string
// literal's "\x00\x01…"), held to the odd bytes tolerated in the whole line: the bytes in
// between are the scanned text's own, and checking them again cost more than the rest of
// the line codecs on real code (docs/performance.md).
bool DecodingScanner::DecodedWholeLine(bool decoded, Level* level) {
  level->inner_begin = 0;
  level->inner_end = level->bytes.size();
  if (!decoded) return false;
  const std::size_t allowed = OddBytesAllowed(level->bytes.size());
  std::size_t odd = 0;
  level->map.ForEachProduced([&](std::size_t begin, std::size_t end) {
    if (odd > allowed) return;
    const std::string_view produced(level->bytes.data() + begin, end - begin);
    // Most escapes produce one ASCII character (a quote, a slash, a newline).
    if (std::all_of(produced.begin(), produced.end(),
                    [](char c) { return IsAsciiText(static_cast<unsigned char>(c)); })) {
      return;
    }
    const std::size_t more = OddBytes(produced, false, allowed - odd);
    odd = more == kNul ? kNul : odd + more;
  });
  return odd <= allowed;
}

bool DecodingScanner::DecodeWindow(std::string_view text, const EncodedSpan& span,
                                   std::size_t begin, std::size_t end, unsigned depth) {
  Level& level = levels_[depth - 1];
  const std::string_view in = text.substr(begin, end - begin);
  level.map.Clear();
  switch (span.kind) {
    case SpanKind::kAlphabetRun: {
      bool ok = false;
      // A run of hex digits is hex: base64 of text is never all hex digits.
      if (in.size() >= kMinHexRun && IsHexRun(in)) {
        level.codec = "hex";
        ok = DecodesToText(in, DecodeHex);
      } else {
        level.codec = "base64";
        ok = DecodesToText(in, DecodeBase64);
      }
      if (!ok) {
        level.bytes.swap(decoded_);  // so the caller counts the bytes decoded
        return false;
      }
      SpliceIntoLine(text, begin, end, begin == span.begin && end == span.end, &level);
      return true;
    }
    case SpanKind::kWrappedBase64: {
      level.codec = "base64";
      joined_.clear();
      for (const char c : in) {
        if (c != '\n' && c != '\r' && c != ' ' && c != '\t') joined_.push_back(c);
      }
      if (!DecodesToText(joined_, DecodeBase64)) {
        level.bytes.swap(decoded_);
        return false;
      }
      SpliceIntoLine(text, begin, end, false, &level);
      return true;
    }
    case SpanKind::kEscapedLine: {
      const EscapeKind kind = Unescape(in, begin, &level.bytes, &level.map);
      level.codec = kind == EscapeKind::kJson ? "json-escape" : "escape";
      return DecodedWholeLine(kind != EscapeKind::kNone, &level);
    }
    case SpanKind::kEntityLine:
      level.codec = "html-entity";
      return DecodedWholeLine(DecodeEntities(in, begin, &level.bytes, &level.map), &level);
    case SpanKind::kPercentLine:
      level.codec = "percent";
      return DecodedWholeLine(DecodePercent(in, begin, &level.bytes, &level.map), &level);
  }
  return false;
}

// Whether the text before a value starts a line with a `value` key (`"value": "`,
// `value: `, `"ParameterValue": "`): the value's name is on the line above.
bool DecodingScanner::ValueOfPairAbove(std::string_view line_head) {
  std::size_t i = line_head.find_first_not_of(" \t-");
  if (i == std::string_view::npos) return false;
  if (line_head[i] == '"' || line_head[i] == '\'') ++i;
  std::string_view rest = line_head.substr(i);
  if (StartsWith(rest, "Parameter")) rest.remove_prefix(9);
  if (!StartsWith(rest, "value") && !StartsWith(rest, "Value")) return false;
  rest.remove_prefix(5);
  if (!rest.empty() && (rest[0] == '"' || rest[0] == '\'')) rest.remove_prefix(1);
  const std::size_t op = rest.find_first_not_of(" \t");
  return op != std::string_view::npos && (rest[op] == ':' || rest[op] == '=');
}

void DecodingScanner::SpliceIntoLine(std::string_view text, std::size_t begin, std::size_t end,
                                     bool with_context, Level* level) {
  std::size_t before = begin;
  std::size_t after = end;
  if (with_context) {
    const std::size_t floor = begin > kContextBytes ? begin - kContextBytes : 0;
    while (before > floor && text[before - 1] != '\n')
      --before;
    // A value on a line of its own whose name is on the line above (a HAR or Postman
    // header, a Kubernetes env entry, a CloudFormation parameter) takes that line along:
    // the rules read `"name": "Authorization",` + `"value": "Basic …"` as one pair.
    if (before > 0 && ValueOfPairAbove(text.substr(before, begin - before))) {
      const std::size_t above_floor = before > kContextBytes ? before - kContextBytes : 0;
      for (--before; before > above_floor && text[before - 1] != '\n';)
        --before;
    }
    const std::size_t ceiling = std::min(text.size(), end + kContextBytes);
    while (after < ceiling && text[after] != '\n')
      ++after;
  }
  level->bytes.assign(text.substr(before, begin - before));
  level->map.AddAnchor(0, before);
  level->inner_begin = level->bytes.size();
  level->map.AddOpaque(level->inner_begin, begin, end);
  level->bytes += decoded_;
  level->inner_end = level->bytes.size();
  level->map.AddAnchor(level->inner_end, end);
  level->bytes.append(text.substr(end, after - end));
  level->map.AddAnchor(level->bytes.size(), after);
}

void DecodingScanner::ScanLevel(unsigned depth, Context* ctx) {
  const Level& level = levels_[depth - 1];
  scratch_.clear();
  ChunkPosition whole;
  whole.keep_end = level.bytes.size() + 1;
  content_.ScanPlain(level.bytes, whole, *ctx->path, &scratch_, ctx->stats);
  if (scratch_.empty()) return;
  std::string chain;
  for (unsigned d = 0; d < depth; ++d) {
    if (d > 0) chain += '>';
    chain += levels_[d].codec;
  }
  for (Finding& f : scratch_) {
    std::size_t begin = static_cast<std::size_t>(f.offset);
    std::size_t end = begin + f.secret.size();
    // A secret half in the decoded bytes and half in the line around them (`pk.` + a JWT's
    // decoded payload + `.sig`) is neither text that was written nor text that was encoded.
    const bool straddles = (begin < level.inner_begin && end > level.inner_begin) ||
                           (begin < level.inner_end && end > level.inner_end);
    if (straddles) continue;
    for (unsigned d = depth; d > 0; --d) {
      begin = levels_[d - 1].map.MapBegin(begin);
      end = levels_[d - 1].map.MapEnd(end);
    }
    f.encoding = chain;
    pending_.push_back({std::move(f), begin, std::max(begin, end)});
  }
}

}  // namespace sprawl::decode
