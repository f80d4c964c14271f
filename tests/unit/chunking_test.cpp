// Large content is scanned in overlapping chunks: a secret anywhere, including exactly
// across a chunk boundary, is found once with its true line and column.
#include <catch2/catch.hpp>

#include "rules/rule_set.hpp"
#include "sources/file_scan.hpp"
#include "support/temp_dir.hpp"

using namespace sprawl;

namespace {

Rule TokRule() {
  Rule r;
  r.id = "tok";
  r.name = "tok";
  r.provider = "Test";
  r.pattern = "\\b(tok_[a-z0-9]{16})\\b";
  r.max_length = 64;
  r.revocation = "revoke";
  r.references = {"https://example.com"};
  return r;
}

std::vector<Finding> ScanFileWithChunk(const std::string& path, std::size_t chunk) {
  RuleSet rules({TokRule()});
  auto engine = Engine::Create(rules, {});
  Scanner scanner(*engine);
  ContentScanner content(scanner, nullptr);
  FileScanOptions opts;
  opts.chunk_size = chunk;
  ReadBuffer buffer;
  std::vector<Finding> out;
  ScanStats stats;
  Diagnostics diag(nullptr);
  ScanFile(FileEntry{path}, opts, content, &buffer, &out, &stats, &diag);
  std::sort(out.begin(), out.end(), FindingLess);
  return out;
}

}  // namespace

TEST_CASE("a secret straddling a chunk boundary at every offset is found exactly once") {
  const std::string token = "tok_a1b2c3d4e5f6g7h8";
  const std::size_t chunk = 256;
  test::TempDir dir;
  // Lines of 10 bytes before the token so line/column are checkable.
  for (std::size_t shift = 0; shift <= token.size() + 1; ++shift) {
    const std::size_t start = 3 * chunk - shift;  // token begins `shift` bytes before a boundary
    std::string text;
    while (text.size() + 10 <= start) text += "123456789\n";
    const std::size_t col0 = start - text.size();
    text += std::string(col0, ' ') + token + "\n";
    while (text.size() < 6 * chunk) text += "abcdefghi\n";
    const std::string path = dir.Write("f" + std::to_string(shift) + ".txt", text);
    auto found = ScanFileWithChunk(path, chunk);
    INFO("shift " << shift);
    REQUIRE(found.size() == 1);
    CHECK(found[0].secret == token);
    CHECK(found[0].offset == start);
    CHECK(found[0].line == start / 10 + 1);
    CHECK(found[0].column == col0 + 1);
  }
}

TEST_CASE("chunked and whole-file scans agree") {
  test::TempDir dir;
  std::string text;
  std::vector<std::size_t> offsets;
  for (int i = 0; i < 200; ++i) {
    text += "line " + std::to_string(i) + " of filler text that is not a secret\n";
    if (i % 7 == 3) {
      offsets.push_back(text.size() + 4);
      text += "key tok_" + std::string(1, static_cast<char>('a' + i % 26)) + "1b2c3d4e5f6g7h8\n";
    }
  }
  const std::string path = dir.Write("big.txt", text);
  auto whole = ScanFileWithChunk(path, 1 << 20);
  REQUIRE(whole.size() == offsets.size());
  for (std::size_t chunk : {64u, 100u, 257u, 1000u, 4096u}) {
    auto chunked = ScanFileWithChunk(path, chunk);
    INFO("chunk " << chunk);
    REQUIRE(chunked.size() == whole.size());
    for (std::size_t i = 0; i < whole.size(); ++i) {
      CHECK(chunked[i].offset == whole[i].offset);
      CHECK(chunked[i].line == whole[i].line);
      CHECK(chunked[i].column == whole[i].column);
    }
  }
}

TEST_CASE("binary and oversized files are skipped and counted") {
  test::TempDir dir;
  const std::string bin = dir.Write("a.bin", std::string("tok_a1b2c3d4e5f6g7h8\0\x01", 23));
  const std::string big = dir.Write("big.txt", std::string(5000, 'x') + " tok_a1b2c3d4e5f6g7h8");
  RuleSet rules({TokRule()});
  auto engine = Engine::Create(rules, {});
  Scanner scanner(*engine);
  ContentScanner content(scanner, nullptr);
  FileScanOptions opts;
  opts.max_file_size = 4096;
  ReadBuffer buffer;
  std::vector<Finding> out;
  ScanStats stats;
  Diagnostics diag(nullptr);
  ScanFile(FileEntry{bin}, opts, content, &buffer, &out, &stats, &diag);
  ScanFile(FileEntry{big}, opts, content, &buffer, &out, &stats, &diag);
  CHECK(out.empty());
  CHECK(stats.skipped_binary == 1);
  CHECK(stats.skipped_too_large == 1);
  CHECK(stats.files_scanned == 0);
}
