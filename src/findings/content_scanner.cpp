#include "findings/content_scanner.hpp"

#include <algorithm>
#include <cstring>

#include "decode/decoding_scanner.hpp"
#include "util/sha256.hpp"

namespace sprawl {
namespace {

std::uint64_t CountNewlines(std::string_view s) {
  std::uint64_t n = 0;
  const char* p = s.data();
  const char* end = p + s.size();
  while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p))))) {
    ++n;
    ++p;
  }
  return n;
}

// Unicode code points in UTF-8 text (invalid bytes count one each).
std::uint64_t CodePoints(std::string_view s) {
  std::uint64_t n = 0;
  for (unsigned char c : s)
    n += (c & 0xC0) != 0x80;
  return n;
}

// The line and column (1-based) of text[pos], given where text sits in its content.
void Locate(std::string_view text, std::size_t pos, const ChunkPosition& chunk,
            std::size_t* scan_from, std::uint64_t* lines_so_far, std::uint64_t* line,
            std::uint64_t* column) {
  *lines_so_far += CountNewlines(text.substr(*scan_from, pos - *scan_from));
  *scan_from = pos;
  *line = chunk.lines_before + *lines_so_far + 1;
  const size_t nl = text.rfind('\n', pos == 0 ? 0 : pos - 1);
  if (pos > 0 && nl != std::string_view::npos) {
    *column = CodePoints(text.substr(nl + 1, pos - nl - 1)) + 1;
  } else {
    *column = chunk.column_base + CodePoints(text.substr(0, pos)) + 1;
  }
}

}  // namespace

std::string RedactSecret(std::string_view secret) {
  size_t keep = secret.size() / 4;
  if (keep > 6) keep = 6;
  // Never reveal a multi-line secret's second line (PEM bodies).
  size_t nl = secret.find('\n');
  if (nl != std::string_view::npos && nl < keep) keep = nl;
  return std::string(secret.substr(0, keep)) + "…";
}

std::string FindingFingerprint(const std::string& rule_id, const std::string& path,
                               const std::string& secret_sha256) {
  Sha256Builder h;
  h.AddField(rule_id);
  h.AddField(path);
  h.AddField(secret_sha256);
  auto d = h.Finish();
  return ToHex(d.data(), 16);
}

ContentScanner::ContentScanner(Scanner& scanner, const SecretAllowlist* allowlist)
    : scanner_(scanner),
      allowlist_(allowlist),
      decoder_(std::make_unique<decode::DecodingScanner>(*this)) {
  decode::DecodeLimits limits;
  limits.depth = scanner.engine().decode_depth();
  decoder_->set_limits(limits);
}

ContentScanner::~ContentScanner() = default;

void ContentScanner::ScanChunk(std::string_view text, const ChunkPosition& pos,
                               const std::string& path, std::vector<Finding>* out,
                               ScanStats* stats) {
  const std::size_t plain_first = out->size();
  ScanPlain(text, pos, path, out, stats);
  decoder_->ScanChunk(text, pos, path, plain_first, out, stats);  // decoding layer
}

void ContentScanner::ScanAll(std::string_view text, const std::string& path,
                             std::vector<Finding>* out, ScanStats* stats) {
  ChunkPosition pos;
  pos.keep_end = text.size() + 1;
  ScanChunk(text, pos, path, out, stats);
}

void ContentScanner::ScanPlain(std::string_view text, const ChunkPosition& chunk,
                               const std::string& path, std::vector<Finding>* out,
                               ScanStats* stats) {
  candidates_.clear();
  scanner_.Scan(text, chunk.keep_begin, chunk.keep_end, &candidates_);
  if (candidates_.empty()) return;
  stats->candidates += candidates_.size();
  std::sort(candidates_.begin(), candidates_.end(), [](const Candidate& a, const Candidate& b) {
    return a.secret_begin != b.secret_begin ? a.secret_begin < b.secret_begin : a.rule < b.rule;
  });

  const auto& rules = scanner_.engine().rules();
  const size_t first = out->size();
  std::vector<std::pair<size_t, size_t>> spans;    // secret span of each kept finding
  std::vector<std::pair<size_t, size_t>> matches;  // whole-match span of each kept finding
  // Secret spans a specific rule matched but rejected (bad checksum, placeholder, …): that
  // rule knows the format, so a generic rule must not report the same bytes.
  std::vector<std::pair<size_t, size_t>> rejected_specific;
  std::size_t scan_from = 0;
  std::uint64_t lines_so_far = 0;
  for (const Candidate& c : candidates_) {
    const Rule& rule = rules[c.rule];
    const std::string_view secret = text.substr(c.secret_begin, c.secret_end - c.secret_begin);
    const size_t line_begin = c.secret_begin == 0 ? 0 : [&] {
      size_t nl = text.rfind('\n', c.secret_begin - 1);
      return nl == std::string_view::npos ? 0 : nl + 1;
    }();
    size_t line_end = text.find('\n', c.secret_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string sha;
    const char before_match = c.match_begin == 0 ? '\n' : text[c.match_begin - 1];
    FilterResult fr = EvaluateCandidate(
        FilterInput{&rule, secret, text.substr(line_begin, line_end - line_begin), before_match},
        allowlist_, &sha);
    if (fr.verdict != FilterVerdict::kKeep && !rule.IsGeneric()) {
      rejected_specific.emplace_back(c.secret_begin, c.secret_end);
    }
    switch (fr.verdict) {
      case FilterVerdict::kKeep:
        break;
      case FilterVerdict::kLowEntropy:
        ++stats->filtered_entropy;
        continue;
      case FilterVerdict::kPlaceholder:
        ++stats->filtered_placeholder;
        continue;
      case FilterVerdict::kBadChecksum:
        ++stats->filtered_checksum;
        continue;
      case FilterVerdict::kAllowComment:
        ++stats->filtered_allow_comment;
        continue;
      case FilterVerdict::kAllowlisted:
        ++stats->filtered_allowlist;
        continue;
    }
    Finding f;
    f.rule = &rule;
    f.path = path;
    f.offset = chunk.text_offset + c.secret_begin;
    Locate(text, c.secret_begin, chunk, &scan_from, &lines_so_far, &f.line, &f.column);
    const std::uint64_t inner_lines = CountNewlines(secret);
    f.end_line = f.line + inner_lines;
    if (inner_lines == 0) {
      f.end_column = f.column + CodePoints(secret);
    } else {
      f.end_column = CodePoints(secret.substr(secret.rfind('\n') + 1)) + 1;
    }
    f.secret = std::string(secret);
    f.secret_sha256 = std::move(sha);
    f.redacted = RedactSecret(secret);
    f.fingerprint = FindingFingerprint(rule.id, path, f.secret_sha256);
    f.entropy = fr.entropy;
    f.checksum = fr.checksum_valid ? "valid" : "n/a";
    out->push_back(std::move(f));
    spans.emplace_back(c.secret_begin, c.secret_end);
    matches.emplace_back(c.match_begin, c.match_end);
  }

  // A generic rule yields to any other finding over the same bytes, and reports a span once.
  std::vector<bool> drop(out->size() - first, false);
  // Two specific rules over the same secret: the one whose match strictly contains the
  // other's saw all of its evidence and more (a `CLERK_SECRET_KEY=` keyword before an
  // `sk_live_` token, an `nf-` prefix before a JWT), so it names the provider; the other yields.
  // But when one's secret holds the other's whole secret and more (a Docker `auth` pair
  // `user:ghp_…`), the inner one is the credential to revoke: the outer one yields.
  auto strictly_inside = [](std::pair<std::size_t, std::size_t> in,
                            std::pair<std::size_t, std::size_t> out_span) {
    return out_span.first <= in.first && in.second <= out_span.second &&
           in.second - in.first < out_span.second - out_span.first;
  };
  for (size_t i = first; i < out->size(); ++i) {
    if ((*out)[i].rule->IsGeneric()) continue;
    const auto [b, e] = spans[i - first];
    const auto [mb, me] = matches[i - first];
    for (size_t j = first; j < out->size(); ++j) {
      if (j == i || (*out)[j].rule->IsGeneric()) continue;
      const auto [ob, oe] = spans[j - first];
      const auto [omb, ome] = matches[j - first];
      const bool overlap = b < oe && ob < e;
      const bool wider = omb <= mb && me <= ome && (ome - omb) > (me - mb);
      const bool holds_other = strictly_inside(spans[j - first], spans[i - first]);
      const bool held_by_other = strictly_inside(spans[i - first], spans[j - first]);
      if (overlap && (holds_other || (wider && !held_by_other))) {
        drop[i - first] = true;
        break;
      }
    }
  }
  for (size_t i = first; i < out->size(); ++i) {
    if (!(*out)[i].rule->IsGeneric() || drop[i - first]) continue;
    const auto [b, e] = spans[i - first];
    for (const auto& [rb, re] : rejected_specific) {
      if (b < re && rb < e) drop[i - first] = true;
    }
    for (size_t j = first; j < out->size() && !drop[i - first]; ++j) {
      if (j == i || drop[j - first]) continue;
      const auto [ob, oe] = spans[j - first];
      const bool overlap = b < oe && ob < e;
      if (!overlap) continue;
      // Of two generic rules on one span the more confident names it (a JWT, not "a token
      // assigned to access_token"); at equal confidence the first reports it.
      const Rule& mine = *(*out)[i].rule;
      const Rule& other = *(*out)[j].rule;
      const bool other_specific = !other.IsGeneric();
      const bool other_ranks =
          other.confidence != mine.confidence ? other.confidence > mine.confidence : j < i;
      if (other_specific || other_ranks) {
        drop[i - first] = true;
        break;
      }
    }
  }
  size_t w = first;
  for (size_t i = first; i < out->size(); ++i) {
    if (drop[i - first]) {
      ++stats->filtered_overlap;
      continue;
    }
    if (w != i) (*out)[w] = std::move((*out)[i]);
    ++w;
  }
  out->resize(w);
  stats->findings += w - first;
}

}  // namespace sprawl
