// The consumer side of a log scan: runs the rule engine over normalized blocks, each with
// the end of the previous block and the start of the next as context (so a secret across
// a block boundary is seen whole, exactly once), maps findings back to original lines and
// columns, and reports values the log declared masked that appear later in clear.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "findings/content_scanner.hpp"
#include "sources/log/normalized_block.hpp"

namespace sprawl::logs {

// The rule of findings that no pattern matched but the log itself declared secret.
const Rule& MaskedValueLeakRule();

class BlockScanner {
 public:
  BlockScanner(ContentScanner& content, std::string path, std::string initial_step,
               std::vector<Finding>* out, ScanStats* stats);

  // Values declared masked before this log began (earlier steps of the same job).
  void AddEarlierMasks(const std::vector<MaskDeclaration>& masks);
  // Every masked value known at the end, as declared before any later log.
  std::vector<MaskDeclaration> masks() const;

  // Takes the next block in stream order; returns a block the caller may reuse (or null).
  std::unique_ptr<NormalizedBlock> Push(std::unique_ptr<NormalizedBlock> block);
  // Scans what is left, then redacts this log's secrets in step names. Call once, after
  // the last Push.
  void Finish();

 private:
  struct Location {
    std::uint64_t line = 0;
    std::uint64_t column = 0;
    std::uint64_t offset = 0;
    std::uint32_t step = 0;
  };
  void Register(const NormalizedBlock& block);
  void ScanCurrent(bool last);
  Location Locate(std::uint64_t abs) const;
  void MapFinding(Finding* f, std::uint64_t base) const;
  void ReportMaskLeaks(std::size_t first, std::uint64_t base, std::size_t keep_begin,
                       std::size_t keep_end);
  Finding MakeMaskFinding(const MaskDeclaration& mask, std::uint64_t abs) const;
  void RedactSecretsInSteps();

  ContentScanner& content_;
  std::string path_;
  std::vector<Finding>* out_;
  const std::size_t first_finding_;  // this log's findings are (*out_)[first_finding_..]
  ScanStats* stats_;
  std::unique_ptr<NormalizedBlock> cur_;
  std::unique_ptr<NormalizedBlock> next_;
  std::string prev_tail_;  // the end of the block before cur_, as context
  std::string scan_;       // prev tail + cur + head of next: what the engine sees
  std::unordered_map<std::uint32_t, std::string> steps_;
  std::vector<MaskDeclaration> masks_;
};

}  // namespace sprawl::logs
