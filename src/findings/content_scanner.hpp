// Turns bytes into findings: engine scan, filters, then location and hashes for survivors.
// Content larger than a chunk is scanned in overlapping chunks by the caller, which tells
// each call where its text sits in the whole content.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "filters/candidate_filter.hpp"
#include "sprawl/engine.hpp"
#include "sprawl/finding.hpp"
#include "sprawl/stats.hpp"

namespace sprawl {

// --- decoding layer (src/decode) ---
namespace decode {
class DecodingScanner;
}
// --- end decoding layer ---

// Where a chunk of text sits in its content.
struct ChunkPosition {
  std::uint64_t text_offset = 0;       // absolute offset of text[0]
  std::uint64_t lines_before = 0;      // newlines in the content before text[0]
  std::uint64_t column_base = 0;       // bytes from the start of text[0]'s line to text[0]
  std::size_t keep_begin = 0;          // only matches starting in [keep_begin, keep_end)
  std::size_t keep_end = 0;            //   of text belong to this chunk
};

class ContentScanner {
 public:
  // Decodes encoded spans to the engine's decode_depth() (see src/decode).
  ContentScanner(Scanner& scanner, const SecretAllowlist* allowlist);
  ~ContentScanner();
  ContentScanner(const ContentScanner&) = delete;
  ContentScanner& operator=(const ContentScanner&) = delete;

  // Scans one chunk and appends its findings (path set to `path`): the plain text, then the
  // encoded spans in it (decoding layer).
  void ScanChunk(std::string_view text, const ChunkPosition& pos, const std::string& path,
                 std::vector<Finding>* out, ScanStats* stats);

  // Scans one chunk as it is, without decoding anything.
  void ScanPlain(std::string_view text, const ChunkPosition& pos, const std::string& path,
                 std::vector<Finding>* out, ScanStats* stats);

  // --- decoding layer ---
  decode::DecodingScanner& decoder() { return *decoder_; }
  // --- end decoding layer ---

  const Engine& engine() const { return scanner_.engine(); }

  // Scans content held entirely in memory.
  void ScanAll(std::string_view text, const std::string& path, std::vector<Finding>* out,
               ScanStats* stats);

 private:
  Scanner& scanner_;
  const SecretAllowlist* allowlist_;
  std::vector<Candidate> candidates_;
  std::unique_ptr<decode::DecodingScanner> decoder_;  // decoding layer
};

// "ghp_ab…" : enough of the start to recognise the token kind, nothing more.
std::string RedactSecret(std::string_view secret);

// Stable identity of a finding: rule, path and secret hash (not the line).
std::string FindingFingerprint(const std::string& rule_id, const std::string& path,
                               const std::string& secret_sha256);

}  // namespace sprawl
