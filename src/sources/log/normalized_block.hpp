// The unit that flows from the log normalizer to the log scanner: normalized text plus
// enough bookkeeping to report every byte of it at its place in the original log.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sprawl::logs {

// A run of normalized bytes copied from one original line. Bytes [norm_begin, next piece)
// of the block text come from original bytes starting at `orig_byte` of the line (code
// point `orig_cp`). Inside a run bytes map one to one, except in decoded JSON strings
// (`exact` false), where escapes make the mapping approximate.
struct OffsetPiece {
  std::uint64_t norm_begin = 0;  // absolute offset in the normalized stream
  std::uint64_t orig_byte = 0;   // byte offset in the original line
  std::uint64_t orig_cp = 0;     // code points before orig_byte in the original line
  bool exact = true;
};

// One normalized line (a segment of an original line: `\r` redraws and hidden OSC payloads
// become segments of their own). Pieces of record i are [first_piece, records[i+1].first_piece).
struct LineRecord {
  std::uint64_t norm_begin = 0;   // absolute offset in the normalized stream
  std::uint64_t line = 0;         // 1-based line number in the original log
  std::uint64_t line_offset = 0;  // byte offset of that line's first byte in the original log
  std::uint32_t first_piece = 0;  // index into NormalizedBlock::pieces
  std::uint32_t step = 0;         // index into the step names (0: no step known)
};

// A value the log declared secret (`::add-mask::VALUE`); occurrences after `declared_at`
// (absolute normalized offset) are leaks.
struct MaskDeclaration {
  std::string value;
  std::uint64_t declared_at = 0;
};

// A few MiB of normalized log. Blocks end at record boundaries.
struct NormalizedBlock {
  std::uint64_t text_begin = 0;  // absolute offset of text[0] in the normalized stream
  std::string text;
  std::vector<LineRecord> records;
  std::vector<OffsetPiece> pieces;
  std::uint32_t first_new_step = 0;    // id of new_steps[0]
  std::vector<std::string> new_steps;  // step names first seen in this block, by id
  std::vector<MaskDeclaration> masks;  // declared in this block

  void Reset(std::uint64_t begin, std::uint32_t next_step_id) {
    text_begin = begin;
    text.clear();
    records.clear();
    pieces.clear();
    first_new_step = next_step_id;
    new_steps.clear();
    masks.clear();
  }
  std::uint64_t text_end() const { return text_begin + text.size(); }
};

}  // namespace sprawl::logs
