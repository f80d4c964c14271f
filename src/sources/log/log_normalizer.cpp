#include "sources/log/log_normalizer.hpp"

#include <algorithm>
#include <cstring>

namespace sprawl::logs {
namespace {

constexpr char kEsc = '\x1b';
constexpr std::size_t kMaxStepName = 200;
constexpr std::size_t kMaxStepDepth = 64;

// UTF-8 code points in [p, p+n): bytes that are not continuation bytes (10xxxxxx), eight
// at a time. This runs over most of every line that has escape sequences.
std::uint64_t CountCodePoints(const char* p, std::size_t n) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  std::uint64_t continuation = 0;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    // One bit per continuation byte, moved to each byte's low bit and summed by a multiply
    // (no popcount instruction is assumed on the build machine).
    const std::uint64_t bits = (w & ~(w << 1) & kHigh) >> 7;
    continuation += (bits * 0x0101010101010101ull) >> 56;
  }
  for (; i < n; ++i)
    continuation += (static_cast<unsigned char>(p[i]) & 0xC0) == 0x80;
  return n - continuation;
}

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

bool Digits(std::string_view s, std::size_t at, std::size_t n) {
  if (at + n > s.size()) return false;
  for (std::size_t i = at; i < at + n; ++i)
    if (!IsDigit(s[i])) return false;
  return true;
}

// Length of `YYYY-MM-DDTHH:MM:SS[.fff][Z|±hh:mm]` at `at`, 0 if there is none.
std::size_t IsoTimestampLength(std::string_view s, std::size_t at) {
  if (s.size() < at + 19 || s[at + 4] != '-' || s[at + 13] != ':') return 0;  // most lines
  if (!Digits(s, at, 4) || s.size() < at + 19 || s[at + 4] != '-' || !Digits(s, at + 5, 2) ||
      s[at + 7] != '-' || !Digits(s, at + 8, 2) || (s[at + 10] != 'T' && s[at + 10] != ' ') ||
      !Digits(s, at + 11, 2) || s[at + 13] != ':' || !Digits(s, at + 14, 2) || s[at + 16] != ':' ||
      !Digits(s, at + 17, 2)) {
    return 0;
  }
  std::size_t i = at + 19;
  if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
    ++i;
    while (i < s.size() && IsDigit(s[i]))
      ++i;
  }
  if (i < s.size() && s[i] == 'Z') {
    ++i;
  } else if (i < s.size() && (s[i] == '+' || s[i] == '-') && Digits(s, i + 1, 2)) {
    i += 3;
    if (i < s.size() && s[i] == ':') ++i;
    if (Digits(s, i, 2)) i += 2;
  }
  return i - at;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && std::memcmp(s.data(), prefix.data(), prefix.size()) == 0;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

std::size_t TimestampPrefixLength(std::string_view line) {
  if (!line.empty() && line[0] == '[') {  // Jenkins timestamper
    const std::size_t n = IsoTimestampLength(line, 1);
    if (n > 0 && line.size() > n + 2 && line[n + 1] == ']' && line[n + 2] == ' ') return n + 3;
    return 0;
  }
  const std::size_t n = IsoTimestampLength(line, 0);
  if (n == 0 || n >= line.size() || line[n] != ' ') return 0;
  std::size_t i = n + 1;
  // GitLab's timestamped job log: "<ts> 00O " or "<ts> 01E+ " (stream, kind, continuation).
  auto hex = [](char c) { return IsDigit(c) || (c >= 'a' && c <= 'f'); };
  if (i + 3 < line.size() && hex(line[i]) && hex(line[i + 1]) &&
      (line[i + 2] == 'O' || line[i + 2] == 'E')) {
    std::size_t k = i + 3;
    if (k < line.size() && line[k] == '+') ++k;
    if (k < line.size() && line[k] == ' ') return k + 1;
  }
  return i;
}

void FindMaskDeclarations(std::string_view text, std::uint64_t text_begin,
                          std::vector<MaskDeclaration>* out) {
  for (std::string_view marker :
       {std::string_view("::add-mask::"), std::string_view("##[add-mask]")}) {
    std::size_t at = 0;
    while ((at = text.find(marker, at)) != std::string_view::npos) {
      const std::size_t begin = at + marker.size();
      std::size_t end = text.find('\n', begin);
      if (end == std::string_view::npos) end = text.size();
      std::string_view value = Trim(text.substr(begin, end - begin));
      // `set -x` echoes `echo '::add-mask::VALUE'`: the closing quote is not the value's.
      while (!value.empty() && (value.back() == '\'' || value.back() == '"'))
        value.remove_suffix(1);
      if (value.size() >= kMinMaskLength && value.find("***") == std::string_view::npos) {
        out->push_back({std::string(value), text_begin + end});
      }
      at = end;
    }
  }
}

LogNormalizer::LogNormalizer(std::string initial_step) : initial_step_(std::move(initial_step)) {
  if (!initial_step_.empty()) {
    step_ = 1;
    next_step_id_ = 2;
  }
  plain_pieces_.push_back({0, 0, true});
}

std::uint64_t LogNormalizer::CodePointAt(std::uint64_t orig_byte) {
  const std::string_view bytes = fragment_->bytes;
  std::size_t idx = orig_byte > fragment_->offset_in_line
                        ? static_cast<std::size_t>(orig_byte - fragment_->offset_in_line)
                        : 0;
  idx = std::min(idx, bytes.size());
  if (idx < cp_cursor_byte_) {
    cp_cursor_byte_ = 0;
    cp_cursor_cp_ = 0;
  }
  cp_cursor_cp_ += CountCodePoints(bytes.data() + cp_cursor_byte_, idx - cp_cursor_byte_);
  cp_cursor_byte_ = idx;
  return line_cp_base_ + cp_cursor_cp_;
}

void LogNormalizer::StartRecord(NormalizedBlock* block) {
  LineRecord r;
  r.norm_begin = block->text_end();
  r.line = fragment_->line;
  r.line_offset = fragment_->line_offset;
  r.first_piece = static_cast<std::uint32_t>(block->pieces.size());
  r.step = step_;
  block->records.push_back(r);
}

void LogNormalizer::CopyRun(const Input& in, std::size_t a, std::size_t b, NormalizedBlock* block) {
  if (a >= b) return;
  const auto& pieces = *in.pieces;
  auto it = std::upper_bound(pieces.begin(), pieces.end(), a,
                             [](std::size_t v, const InPiece& p) { return v < p.in_begin; });
  std::size_t idx = static_cast<std::size_t>(it - pieces.begin()) - 1;
  const std::uint32_t record_first = block->records.back().first_piece;
  for (std::size_t pos = a; pos < b; ++idx) {
    const InPiece& p = pieces[idx];
    const std::size_t next = idx + 1 < pieces.size() ? pieces[idx + 1].in_begin : b;
    const std::size_t run_end = std::min(b, next);
    if (run_end <= pos) continue;  // an empty piece (two escapes in a row)
    const std::uint64_t orig = p.orig_byte + (p.exact ? pos - p.in_begin : 0);
    const std::uint64_t norm = block->text_end();
    bool contiguous = false;
    if (block->pieces.size() > record_first) {
      const OffsetPiece& last = block->pieces.back();
      contiguous = last.exact && p.exact && last.orig_byte + (norm - last.norm_begin) == orig;
    }
    if (!contiguous) block->pieces.push_back({norm, orig, CodePointAt(orig), p.exact});
    block->text.append(in.text.data() + pos, run_end - pos);
    pos = run_end;
  }
}

// Skips the escape sequence at text[j] (an ESC). Hidden payloads (OSC titles and hyperlink
// targets, DCS strings) are remembered: they are in the log even if a terminal hides them.
std::size_t LogNormalizer::SkipEscape(std::string_view text, std::size_t j, std::size_t e) {
  if (j + 1 >= e) return e;
  const char c = text[j + 1];
  if (c == '[') {  // CSI: parameters, intermediates, one final byte
    std::size_t k = j + 2;
    while (k < e && text[k] >= 0x20 && text[k] <= 0x3F)
      ++k;
    if (k >= e) return e;
    if (text[k] < 0x40 || text[k] > 0x7E) return k;  // malformed: drop what was read
    const bool conceal = k == j + 3 && text[j + 2] == '8' && text[k] == 'm';
    ++k;
    // Jenkins console notes: ESC[8mha:<base64 of a serialized object>ESC[0m. Not log text.
    if (conceal && text.substr(k, 3) == "ha:") {
      const std::size_t end = text.find("\x1b[0m", k);
      return end == std::string_view::npos || end >= e ? e : end + 4;
    }
    return k;
  }
  if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') {  // OSC, DCS, SOS, PM, APC
    std::size_t k = j + 2;
    std::size_t term = k;
    std::size_t after = e;
    for (; term < e; ++term) {
      if (text[term] == '\x07') {
        after = term + 1;
        break;
      }
      if (text[term] == kEsc && term + 1 < e && text[term + 1] == '\\') {
        after = term + 2;
        break;
      }
    }
    if (c == ']') {  // "N;payload", hyperlinks "8;params;URI": keep the payload only
      const std::size_t semi = text.substr(k, term - k).find(';');
      if (semi != std::string_view::npos) k += semi + 1;
      if (text[j + 2] == '8' && semi == 1) {
        const std::size_t semi2 = text.substr(k, term - k).find(';');
        if (semi2 != std::string_view::npos) k += semi2 + 1;
      }
    }
    if (k < term) hidden_.emplace_back(k, term);
    return after;
  }
  if (c == '(' || c == ')' || c == '*' || c == '+' || c == '#' || c == '%') {
    return std::min(e, j + 3);
  }
  return j + 2;
}

void LogNormalizer::AddSegment(const Input& in, std::size_t b, std::size_t e, bool newline,
                               NormalizedBlock* block) {
  hidden_.clear();
  StartRecord(block);
  std::size_t run = b;
  for (std::size_t i = b; i < e;) {
    const void* p = std::memchr(in.text.data() + i, kEsc, e - i);
    if (!p) break;
    const std::size_t j = static_cast<std::size_t>(static_cast<const char*>(p) - in.text.data());
    CopyRun(in, run, j, block);
    i = run = SkipEscape(in.text, j, e);
  }
  CopyRun(in, run, e, block);
  if (block->text_end() == block->records.back().norm_begin) {
    block->records.pop_back();  // nothing visible: no record
  } else {
    const std::size_t begin =
        static_cast<std::size_t>(block->records.back().norm_begin - block->text_begin);
    DetectStep(std::string_view(block->text).substr(begin), block);
    block->records.back().step = step_;
    if (newline || !hidden_.empty()) block->text.push_back('\n');
  }
  for (const auto& [hb, he] : std::vector<std::pair<std::size_t, std::size_t>>(hidden_)) {
    StartRecord(block);
    CopyRun(in, hb, he, block);
    block->text.push_back('\n');
  }
}

void LogNormalizer::AddInput(const Input& in, std::size_t begin, bool continues,
                             NormalizedBlock* block) {
  std::size_t seg = begin;
  const std::size_t n = in.text.size();
  while (seg <= n) {
    const void* p = seg < n ? std::memchr(in.text.data() + seg, '\r', n - seg) : nullptr;
    if (!p) {
      AddSegment(in, seg, n, !continues, block);
      return;
    }
    const std::size_t r = static_cast<std::size_t>(static_cast<const char*>(p) - in.text.data());
    AddSegment(in, seg, r, true, block);
    seg = r + 1;
  }
}

void LogNormalizer::Add(const LineFragment& fragment, NormalizedBlock* block) {
  fragment_ = &fragment;
  if (fragment.offset_in_line == 0) line_cp_base_ = 0;
  cp_cursor_byte_ = 0;
  cp_cursor_cp_ = 0;
  std::string_view text = fragment.bytes;
  std::size_t begin = 0;
  if (fragment.offset_in_line == 0) {
    // GitHub's downloaded step logs start with a UTF-8 byte order mark.
    if (fragment.line == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") begin = 3;
    begin += TimestampPrefixLength(text.substr(begin));
  }
  plain_pieces_[0].orig_byte = fragment.offset_in_line;
  if (fragment.offset_in_line == 0 && !fragment.continues && DecodeJson(text, begin)) {
    AddInput(Input{json_text_, &json_pieces_}, 0, false, block);
  } else {
    AddInput(Input{text, &plain_pieces_}, begin, fragment.continues, block);
  }
  if (fragment.continues) line_cp_base_ += CountCodePoints(text.data(), text.size());
  fragment_ = nullptr;
}

void LogNormalizer::NewStep(std::string_view name, bool push, NormalizedBlock* block) {
  name = Trim(name);
  if (name.size() > kMaxStepName) name = name.substr(0, kMaxStepName);
  if (name.empty()) return;
  block->new_steps.emplace_back(name);
  step_ = next_step_id_++;
  if (!push) step_stack_.clear();
  if (step_stack_.size() < kMaxStepDepth) step_stack_.push_back(step_);
}

void LogNormalizer::PopStep() {
  if (!step_stack_.empty()) step_stack_.pop_back();
  step_ = !step_stack_.empty() ? step_stack_.back() : (initial_step_.empty() ? 0 : 1);
}

void LogNormalizer::DetectStep(std::string_view line, NormalizedBlock* block) {
  switch (line[0]) {
    case '#':
      if (StartsWith(line, "##[group]")) NewStep(line.substr(9), false, block);
      if (StartsWith(line, "##[section]Starting: ")) NewStep(line.substr(21), false, block);
      break;
    case ':':
      if (StartsWith(line, "::group::")) NewStep(line.substr(9), false, block);
      break;
    case 's':  // GitLab: section_start:<unix time>:<name>[options]
      if (StartsWith(line, "section_start:")) {
        std::string_view rest = line.substr(14);
        const std::size_t colon = rest.find(':');
        if (colon == std::string_view::npos) break;
        rest = rest.substr(colon + 1);
        NewStep(rest.substr(0, rest.find('[')), true, block);
      } else if (StartsWith(line, "section_end:")) {
        PopStep();
      }
      break;
    case '[':  // Jenkins pipeline: "[Pipeline] { (Build)" opens a stage, "// stage" ends it
      if (StartsWith(line, "[Pipeline] { (")) {
        std::string_view name = line.substr(14);
        const std::size_t close = name.rfind(')');
        if (close != std::string_view::npos) NewStep(name.substr(0, close), true, block);
      } else if (StartsWith(line, "[Pipeline] // stage")) {
        PopStep();
      }
      break;
    case '=':  // CircleCI local/CLI step header
      if (StartsWith(line, "====>> ")) NewStep(line.substr(7), false, block);
      break;
    case 't':  // Travis CI folds: travis_fold:start:NAME … travis_fold:end:NAME
      if (StartsWith(line, "travis_fold:start:")) {
        NewStep(line.substr(18), true, block);
      } else if (StartsWith(line, "travis_fold:end:")) {
        PopStep();
      }
      break;
    default:
      break;
  }
}

}  // namespace sprawl::logs
