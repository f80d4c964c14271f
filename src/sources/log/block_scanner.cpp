#include "sources/log/block_scanner.hpp"

#include <algorithm>
#include <cstring>

#include "filters/entropy.hpp"
#include "util/sha256.hpp"

namespace sprawl::logs {
namespace {

// Bounds on what a hostile log can make us remember.
constexpr std::size_t kMaxSteps = 100000;
constexpr std::size_t kMaxMasks = 1000;
// A finding inside a masked value counts as its leak only if it is this long (not "abc").
constexpr std::size_t kMinMaskedPart = 8;

std::uint64_t CodePoints(const char* p, std::size_t n) {
  std::uint64_t cps = 0;
  for (std::size_t i = 0; i < n; ++i)
    cps += (static_cast<unsigned char>(p[i]) & 0xC0) != 0x80;
  return cps;
}

Rule MakeMaskedValueLeakRule() {
  Rule r;
  r.id = "log-masked-value-leak";
  r.name = "Value declared masked in the log, printed in clear";
  r.provider = "ci-log";
  r.confidence = Confidence::kHigh;
  r.severity = Severity::kHigh;
  r.revocation =
      "The job declared this value secret (::add-mask::) and then printed it unmasked.\n"
      "Rotate the secret at its issuer, then delete the job log (or the whole run).";
  r.tags = {"log"};
  return r;
}

}  // namespace

const Rule& MaskedValueLeakRule() {
  static const Rule rule = MakeMaskedValueLeakRule();
  return rule;
}

BlockScanner::BlockScanner(ContentScanner& content, std::string path, std::string initial_step,
                           std::vector<Finding>* out, ScanStats* stats)
    : content_(content),
      path_(std::move(path)),
      out_(out),
      first_finding_(out->size()),
      stats_(stats) {
  if (!initial_step.empty()) steps_.emplace(1, std::move(initial_step));
}

void BlockScanner::Register(const NormalizedBlock& block) {
  for (std::size_t i = 0; i < block.new_steps.size() && steps_.size() < kMaxSteps; ++i) {
    steps_.emplace(block.first_new_step + static_cast<std::uint32_t>(i), block.new_steps[i]);
  }
  for (const auto& m : block.masks) {
    const bool known = std::any_of(masks_.begin(), masks_.end(),
                                   [&](const MaskDeclaration& k) { return k.value == m.value; });
    if (!known && masks_.size() < kMaxMasks) masks_.push_back(m);
  }
}

void BlockScanner::AddEarlierMasks(const std::vector<MaskDeclaration>& masks) {
  NormalizedBlock carrier;
  for (const auto& m : masks)
    carrier.masks.push_back({m.value, 0});
  Register(carrier);
}

std::vector<MaskDeclaration> BlockScanner::masks() const {
  std::vector<MaskDeclaration> all = masks_;
  for (auto& m : all)
    m.declared_at = 0;
  return all;
}

std::unique_ptr<NormalizedBlock> BlockScanner::Push(std::unique_ptr<NormalizedBlock> block) {
  Register(*block);
  if (!cur_) {
    cur_ = std::move(block);
    return nullptr;
  }
  next_ = std::move(block);
  ScanCurrent(false);
  const std::size_t overlap = content_.engine().max_match_length();
  const std::string& t = cur_->text;
  prev_tail_.assign(t, t.size() > overlap ? t.size() - overlap : 0, std::string::npos);
  std::unique_ptr<NormalizedBlock> done = std::move(cur_);
  cur_ = std::move(next_);
  return done;
}

void BlockScanner::Finish() {
  if (cur_) ScanCurrent(true);
  cur_.reset();
  RedactSecretsInSteps();
}

// A step name is log text too: GitHub names a step after its command line, which may hold
// the very token reported (`Run curl -H "Authorization: token ghp_…"`). Every secret found
// in this log is replaced by its redacted form in every step name, so printing the step
// never prints a secret.
void BlockScanner::RedactSecretsInSteps() {
  std::unordered_map<std::string, std::string> redacted_steps;
  for (std::size_t i = first_finding_; i < out_->size(); ++i) {
    Finding& f = (*out_)[i];
    if (f.step.empty()) continue;
    auto it = redacted_steps.find(f.step);
    if (it == redacted_steps.end()) {
      std::string step = f.step;
      for (std::size_t k = first_finding_; k < out_->size(); ++k) {
        const Finding& other = (*out_)[k];
        if (other.secret.empty()) continue;
        for (std::size_t at = step.find(other.secret); at != std::string::npos;
             at = step.find(other.secret, at + other.redacted.size())) {
          step.replace(at, other.secret.size(), other.redacted);
        }
      }
      it = redacted_steps.emplace(f.step, std::move(step)).first;
    }
    f.step = it->second;
  }
}

void BlockScanner::ScanCurrent(bool last) {
  const std::size_t overlap = content_.engine().max_match_length();
  scan_.assign(prev_tail_);
  const std::size_t keep_begin = scan_.size();
  scan_ += cur_->text;
  const std::size_t keep_end = scan_.size();
  if (next_ && !last) scan_.append(next_->text, 0, std::min(overlap, next_->text.size()));
  const std::uint64_t base = cur_->text_begin - prev_tail_.size();

  ChunkPosition pos;
  pos.keep_begin = keep_begin;
  pos.keep_end = last ? scan_.size() + 1 : keep_end;
  const std::size_t first = out_->size();
  content_.ScanChunk(scan_, pos, path_, out_, stats_);
  for (std::size_t i = first; i < out_->size(); ++i)
    MapFinding(&(*out_)[i], base);
  if (!masks_.empty()) ReportMaskLeaks(first, base, keep_begin, last ? scan_.size() : keep_end);
}

// The original position of normalized byte `abs`, which lies in cur_ or next_.
BlockScanner::Location BlockScanner::Locate(std::uint64_t abs) const {
  const NormalizedBlock* b = cur_.get();
  if (next_ && abs >= next_->text_begin && !next_->records.empty()) b = next_.get();
  if (b->records.empty()) return {};
  auto rit =
      std::upper_bound(b->records.begin(), b->records.end(), abs,
                       [](std::uint64_t v, const LineRecord& r) { return v < r.norm_begin; });
  if (rit != b->records.begin()) --rit;
  const LineRecord& rec = *rit;
  const std::uint32_t piece_end = rit + 1 != b->records.end()
                                      ? (rit + 1)->first_piece
                                      : static_cast<std::uint32_t>(b->pieces.size());
  auto pbegin = b->pieces.begin() + rec.first_piece;
  auto pend = b->pieces.begin() + piece_end;
  auto pit = std::upper_bound(
      pbegin, pend, abs, [](std::uint64_t v, const OffsetPiece& p) { return v < p.norm_begin; });
  if (pit != pbegin) --pit;
  Location loc;
  loc.line = rec.line;
  loc.step = rec.step;
  if (pit == pend) return loc;
  const OffsetPiece& p = *pit;
  const std::uint64_t rel = abs > p.norm_begin ? abs - p.norm_begin : 0;
  std::uint64_t cps = 0;
  if (p.exact && p.norm_begin >= b->text_begin) {
    const std::size_t from = static_cast<std::size_t>(p.norm_begin - b->text_begin);
    const std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(rel),
                                                b->text.size() - std::min(from, b->text.size()));
    cps = CodePoints(b->text.data() + from, n);
  }
  loc.column = p.orig_cp + cps + 1;
  loc.offset = rec.line_offset + p.orig_byte + (p.exact ? rel : 0);
  return loc;
}

void BlockScanner::MapFinding(Finding* f, std::uint64_t base) const {
  const std::uint64_t begin = base + f->offset;
  const Location start = Locate(begin);
  std::uint64_t last = begin + (f->secret.empty() ? 0 : f->secret.size() - 1);
  // The last character's first byte, so a multi-byte character ends one column later.
  std::size_t back = f->secret.empty() ? 0 : f->secret.size() - 1;
  while (back > 0 && (static_cast<unsigned char>(f->secret[back]) & 0xC0) == 0x80) {
    --back;
    --last;
  }
  const Location end = Locate(last);
  f->line = start.line;
  f->column = start.column;
  f->offset = start.offset;
  f->end_line = end.line;
  f->end_column = end.column + 1;
  f->source = "log";
  const auto step = steps_.find(start.step);
  if (step != steps_.end()) f->step = step->second;
  for (const auto& m : masks_) {
    if (begin < m.declared_at) continue;
    if (f->secret.find(m.value) != std::string::npos ||
        (f->secret.size() >= kMinMaskedPart && m.value.find(f->secret) != std::string::npos)) {
      f->masked_leak = true;
    }
  }
}

Finding BlockScanner::MakeMaskFinding(const MaskDeclaration& mask, std::uint64_t abs) const {
  Finding f;
  f.rule = &MaskedValueLeakRule();
  f.path = path_;
  f.offset = abs - cur_->text_begin;  // relative: MapFinding maps it
  f.secret = mask.value;
  f.secret_sha256 = Sha256Hex(mask.value);
  f.redacted = RedactSecret(mask.value);
  f.fingerprint = FindingFingerprint(f.rule->id, path_, f.secret_sha256);
  f.entropy = ShannonEntropy(mask.value);
  f.checksum = "n/a";
  f.masked_leak = true;
  MapFinding(&f, cur_->text_begin);
  return f;
}

void BlockScanner::ReportMaskLeaks(std::size_t first, std::uint64_t base, std::size_t keep_begin,
                                   std::size_t keep_end) {
  const std::size_t rule_findings_end = out_->size();
  for (const auto& m : masks_) {
    std::size_t at = keep_begin;
    while (at < keep_end) {
      const void* p = memmem(scan_.data() + at, scan_.size() - at, m.value.data(), m.value.size());
      if (!p) break;
      const std::size_t i = static_cast<std::size_t>(static_cast<const char*>(p) - scan_.data());
      if (i >= keep_end) break;
      at = i + 1;
      const std::uint64_t abs = base + i;
      if (abs < m.declared_at) continue;
      // A rule already reports these bytes: it carries the masked_leak mark instead.
      bool covered = false;
      Finding probe = MakeMaskFinding(m, abs);
      for (std::size_t k = first; k < rule_findings_end; ++k) {
        const Finding& f = (*out_)[k];
        if (f.line == probe.line && f.offset < probe.offset + m.value.size() &&
            probe.offset < f.offset + f.secret.size()) {
          covered = true;
          (*out_)[k].masked_leak = true;
        }
      }
      if (covered) continue;
      out_->push_back(std::move(probe));
      ++stats_->findings;
    }
  }
}

}  // namespace sprawl::logs
