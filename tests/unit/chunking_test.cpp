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

// `regular`: as the walk names files (no fstat unless the first read fills one chunk).
std::vector<Finding> ScanFileWithChunk(const std::string& path, std::size_t chunk, bool regular) {
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
  ScanFile(FileEntry{path, regular}, opts, content, &buffer, &out, &stats, &diag);
  REQUIRE(stats.files_scanned == 1);
  std::sort(out.begin(), out.end(), FindingLess);
  return out;
}

}  // namespace

TEST_CASE("a secret straddling a chunk boundary at every offset is found exactly once") {
  const std::string token = "tok_a1b2c3d4e5f6g7h8";
  const std::size_t chunk = 256;
  const bool regular = GENERATE(false, true);
  test::TempDir dir;
  // Lines of 10 bytes before the token so line/column are checkable.
  for (std::size_t shift = 0; shift <= token.size() + 1; ++shift) {
    const std::size_t start = 3 * chunk - shift;  // token begins `shift` bytes before a boundary
    std::string text;
    while (text.size() + 10 <= start)
      text += "123456789\n";
    const std::size_t col0 = start - text.size();
    text += std::string(col0, ' ') + token + "\n";
    while (text.size() < 6 * chunk)
      text += "abcdefghi\n";
    const std::string path = dir.Write("f" + std::to_string(shift) + ".txt", text);
    auto found = ScanFileWithChunk(path, chunk, regular);
    INFO("shift " << shift << " regular " << regular);
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
  auto whole = ScanFileWithChunk(path, 1 << 20, false);
  REQUIRE(whole.size() == offsets.size());
  const bool regular = GENERATE(false, true);
  for (std::size_t chunk : {64u, 100u, 257u, 1000u, 4096u}) {
    auto chunked = ScanFileWithChunk(path, chunk, regular);
    INFO("chunk " << chunk << " regular " << regular);
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
  const bool regular = GENERATE(false, true);
  INFO("regular " << regular);
  ScanFile(FileEntry{bin, regular}, opts, content, &buffer, &out, &stats, &diag);
  ScanFile(FileEntry{big, regular}, opts, content, &buffer, &out, &stats, &diag);
  CHECK(out.empty());
  CHECK(stats.skipped_binary == 1);
  CHECK(stats.skipped_too_large == 1);
  CHECK(stats.files_scanned == 0);
}

// A file the walk saw as regular is read once without fstat; the read's size decides. Sizes
// around the one-read limit (chunk + overlap, or the size limit), and multiples of the page
// size (where a short read may be partial and the size is asked for), all find the secret at
// the file's very end, and a file one byte over the size limit is skipped.
TEST_CASE("files read without fstat are scanned whole whatever their size") {
  const std::string token = "tok_a1b2c3d4e5f6g7h8";
  RuleSet rules({TokRule()});
  auto engine = Engine::Create(rules, {});
  Scanner scanner(*engine);
  ContentScanner content(scanner, nullptr);
  const std::size_t overlap = engine->max_match_length();
  test::TempDir dir;
  for (std::uint64_t limit : {std::uint64_t{8192}, FileScanOptions::kDefaultMaxFileSize}) {
    FileScanOptions opts;
    opts.chunk_size = 4096;
    opts.max_file_size = limit;
    const std::size_t one_read = std::min<std::size_t>(opts.chunk_size + overlap, limit);
    for (std::size_t size : {token.size() + 1, std::size_t{4096}, std::size_t{8192}, one_read - 1,
                             one_read, one_read + 1, 2 * one_read + 7}) {
      ReadBuffer buffer;
      std::vector<Finding> out;
      ScanStats stats;
      Diagnostics diag(nullptr);
      const std::string text = std::string(size - token.size() - 1, ' ') + " " + token;
      const std::string path = dir.Write("s" + std::to_string(size) + ".txt", text);
      ScanFile(FileEntry{path, true}, opts, content, &buffer, &out, &stats, &diag);
      INFO("size " << size << " limit " << limit);
      if (size > limit) {
        CHECK(out.empty());
        CHECK(stats.skipped_too_large == 1);
        continue;
      }
      CHECK(stats.files_scanned == 1);
      CHECK(stats.bytes_scanned == size);
      REQUIRE(out.size() == 1);
      CHECK(out[0].offset == size - token.size());
    }
  }
}
