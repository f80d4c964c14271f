// Turns raw CI log lines into the text a human would read, ready for the rule engine:
// timestamps, ANSI/OSC escape sequences and Jenkins console notes removed, `\r` redraws
// split into separate segments (a secret printed and then overwritten still leaked),
// JSON-lines logs reduced to their strings. Every normalized byte keeps the original line
// and column it came from. Also follows the CI step (GitHub groups, GitLab sections,
// Jenkins stages, CircleCI/Buildkite/Azure headers) and collects `::add-mask::` values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sources/log/line_reader.hpp"
#include "sources/log/normalized_block.hpp"

namespace sprawl::logs {

// Bytes of a GitHub Actions / GitLab timestamp prefix at the start of `line` (0 if none):
// `2024-05-01T12:00:00.1234567Z `, optionally followed by GitLab's `00O ` / `00E+ `;
// Jenkins timestamper's `[2024-05-01T12:00:00.123Z] `.
std::size_t TimestampPrefixLength(std::string_view line);

// Masked values declared in `text` (whole normalized lines starting at absolute offset
// `text_begin`): `::add-mask::VALUE` / `##[add-mask]VALUE`, anywhere on a line (as `set -x`
// echoes them). Values shorter than kMinMaskLength are ignored (too common to be secret).
inline constexpr std::size_t kMinMaskLength = 5;
void FindMaskDeclarations(std::string_view text, std::uint64_t text_begin,
                          std::vector<MaskDeclaration>* out);

class LogNormalizer {
 public:
  // The step of lines before any marker (a zip entry's step name); empty for none.
  explicit LogNormalizer(std::string initial_step = "");

  // Appends the normalized form of `fragment` to `block` (records, pieces, new steps).
  void Add(const LineFragment& fragment, NormalizedBlock* block);
  std::uint32_t next_step_id() const { return next_step_id_; }
  // The name of the first step, to seed the first block (empty when none).
  const std::string& initial_step() const { return initial_step_; }

 private:
  // A contiguous run of the input that maps to the original line from `orig_byte`.
  struct InPiece {
    std::size_t in_begin;
    std::uint64_t orig_byte;
    bool exact;
  };
  struct Input {
    std::string_view text;
    const std::vector<InPiece>* pieces;
  };

  void AddInput(const Input& in, std::size_t begin, bool continues, NormalizedBlock* block);
  void AddSegment(const Input& in, std::size_t b, std::size_t e, bool newline,
                  NormalizedBlock* block);
  void CopyRun(const Input& in, std::size_t a, std::size_t b, NormalizedBlock* block);
  std::size_t SkipEscape(std::string_view text, std::size_t j, std::size_t e);
  void StartRecord(NormalizedBlock* block);
  void DetectStep(std::string_view line, NormalizedBlock* block);
  void NewStep(std::string_view name, bool push, NormalizedBlock* block);
  void PopStep();
  std::uint64_t CodePointAt(std::uint64_t orig_byte);
  bool DecodeJson(std::string_view text, std::size_t begin);

  std::string initial_step_;
  std::uint32_t next_step_id_ = 1;
  std::uint32_t step_ = 0;
  std::vector<std::uint32_t> step_stack_;

  // The fragment being normalized.
  const LineFragment* fragment_ = nullptr;
  std::uint64_t line_cp_base_ = 0;  // code points of earlier fragments of the same line
  std::size_t cp_cursor_byte_ = 0;  // CodePointAt's incremental position in the fragment
  std::uint64_t cp_cursor_cp_ = 0;
  std::vector<InPiece> plain_pieces_;
  std::string json_text_;
  std::vector<InPiece> json_pieces_;
  std::vector<std::pair<std::size_t, std::size_t>> hidden_;  // OSC payloads in the segment
};

}  // namespace sprawl::logs
