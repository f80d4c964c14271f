// The log pipeline below the CLI: line splitting at any read-buffer size, normalization
// with original positions, masks, and secrets (also multi-line ones) across block borders.
#include <zlib.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>

#include "rules/rule_set.hpp"
#include "sources/log/line_reader.hpp"
#include "sources/log/log_normalizer.hpp"
#include "sources/log/log_scan.hpp"
#include "support/test_rule.hpp"

using namespace sprawl;
using namespace sprawl::logs;

namespace {

// Bytes from memory, at most `step` per read, like a pipe delivering small writes.
class StringSource : public ByteSource {
 public:
  StringSource(std::string data, std::size_t step) : data_(std::move(data)), step_(step) {}
  std::size_t Read(char* buf, std::size_t n) override {
    const std::size_t k = std::min({n, step_, data_.size() - pos_});
    std::memcpy(buf, data_.data() + pos_, k);
    pos_ += k;
    return k;
  }

 private:
  std::string data_;
  std::size_t step_;
  std::size_t pos_ = 0;
};

// Windows sized for the short test patterns.
Rule LogTestRule(const std::string& id, const std::string& pattern) {
  return test::TestRule(id, pattern, 64);
}

std::vector<Finding> ScanString(const std::string& log, const LogScanOptions& options,
                                std::size_t read_step = 1u << 20) {
  // Findings point at their rule: the engine outlives them.
  static const RuleSet rules({LogTestRule("tok", "\\b(tok_[a-z0-9]{16})\\b"),
                              LogTestRule("pair", "\\b(kk_[a-z0-9]{8}\\n[a-z0-9]{8})\\b")});
  static const auto engine = Engine::Create(rules, {});
  Scanner scanner(*engine);
  ContentScanner content(scanner, nullptr);
  std::vector<Finding> out;
  ScanStats stats;
  StringSource source(log, read_step);
  ScanLogStream(&source, "t.log", "", options, content, &out, &stats);
  std::sort(out.begin(), out.end(), FindingLess);
  return out;
}

std::vector<std::string> Lines(const std::string& text, std::size_t buffer, std::size_t frag) {
  StringSource src(text, buffer);
  LineReader reader(&src, buffer, frag);
  std::vector<std::string> out;
  LineFragment f;
  std::string line;
  while (reader.Next(&f)) {
    line += std::string(f.bytes);
    if (!f.continues) {
      out.push_back(std::to_string(f.line) + ":" + std::to_string(f.line_offset) + ":" + line);
      line.clear();
    }
  }
  // A last line without a newline may end on a fragment marked `continues`.
  if (!line.empty())
    out.push_back(std::to_string(f.line) + ":" + std::to_string(f.line_offset) + ":" + line);
  return out;
}

}  // namespace

TEST_CASE("LineReader gives the same lines, numbers and offsets at every buffer size") {
  const std::string text = "first\n\nthird line is longer\r\nx\nno newline at end";
  const std::vector<std::string> expected = {"1:0:first", "2:6:", "3:7:third line is longer\r",
                                             "4:29:x", "5:31:no newline at end"};
  for (std::size_t buffer = 1; buffer <= 40; ++buffer) {
    for (std::size_t frag : {std::size_t(1), std::size_t(4), std::size_t(1000)}) {
      INFO("buffer " << buffer << " fragment " << frag);
      CHECK(Lines(text, buffer, frag) == expected);
    }
  }
}

TEST_CASE("timestamp prefixes of GitHub, GitLab and Jenkins are recognised, others not") {
  CHECK(TimestampPrefixLength("2024-05-01T12:00:00.1234567Z hello") == 29);
  CHECK(TimestampPrefixLength("2024-05-01T12:00:00Z hello") == 21);
  CHECK(TimestampPrefixLength("2024-05-01T12:00:00.123456Z 00O hello") == 32);
  CHECK(TimestampPrefixLength("2024-05-01T12:00:00.123456Z 01E+ hello") == 33);
  CHECK(TimestampPrefixLength("[2024-05-01T12:00:00.123Z] hello") == 27);
  CHECK(TimestampPrefixLength("2024-05-01 is the date") == 0);
  CHECK(TimestampPrefixLength("hello 2024-05-01T12:00:00Z") == 0);
}

TEST_CASE("add-mask declarations are collected, quoted or not, short or *** ones ignored") {
  std::vector<MaskDeclaration> masks;
  FindMaskDeclarations(
      "a\n::add-mask::s3cretValue\n+ echo '::add-mask::other-Value'\n"
      "::add-mask::abc\n::add-mask::***\n##[add-mask]third-one\n",
      100, &masks);
  REQUIRE(masks.size() == 3);
  CHECK(masks[0].value == "s3cretValue");
  CHECK(masks[0].declared_at == 100 + 25);
  CHECK(masks[1].value == "other-Value");
  CHECK(masks[2].value == "third-one");
}

TEST_CASE("a byte order mark before the first timestamp is dropped with it") {
  LogNormalizer normalizer;
  NormalizedBlock block;
  block.Reset(0, normalizer.next_step_id());
  const std::string line =
      "\xEF\xBB\xBF"
      "2024-05-01T12:00:00.1234567Z ##[group]Run tests";
  LineFragment f;
  f.bytes = line;
  f.line = 1;
  normalizer.Add(f, &block);
  CHECK(block.text == "##[group]Run tests\n");
  REQUIRE(block.new_steps.size() == 1);
  CHECK(block.new_steps[0] == "Run tests");
}

TEST_CASE("normalized text drops escapes and prefixes and splits redraws") {
  LogNormalizer normalizer;
  NormalizedBlock block;
  block.Reset(0, normalizer.next_step_id());
  const std::string line = "2024-05-01T12:00:00Z \x1b[1;31mred\x1b[0m\rover\x1b(B written";
  LineFragment f;
  f.bytes = line;
  f.line = 7;
  normalizer.Add(f, &block);
  CHECK(block.text == "red\nover written\n");
  REQUIRE(block.records.size() == 2);
  CHECK(block.records[0].line == 7);
  CHECK(block.pieces[block.records[1].first_piece].orig_byte == line.find("over"));
}

TEST_CASE("secrets across block borders are found once, multi-line ones too") {
  const std::string log =
      "start\n2024-05-01T12:00:00Z tok_q8w3e7r1t5y9u2i6 x\n"
      "\x1b[32mkk_aaaabbbb\x1b[0m\n2024-05-01T12:00:00Z cccc1111\nend\n";
  for (std::size_t block = 1; block <= 60; block += 3) {
    for (std::size_t read : {std::size_t(1), std::size_t(7), std::size_t(4096)}) {
      for (bool pipelined : {false, true}) {
        LogScanOptions options;
        options.block_size = block;
        options.read_buffer_size = read;
        options.pipelined = pipelined;
        INFO("block " << block << " read " << read << " pipelined " << pipelined);
        const auto found = ScanString(log, options, read);
        REQUIRE(found.size() == 2);
        CHECK(found[0].rule->id == "tok");
        CHECK(found[0].line == 2);
        CHECK(found[0].column == 22);
        CHECK(found[1].rule->id == "pair");
        CHECK(found[1].line == 3);
        CHECK(found[1].column == 6);
        CHECK(found[1].end_line == 4);
        CHECK(found[1].secret == "kk_aaaabbbb\ncccc1111");
      }
    }
  }
}

TEST_CASE("concatenated gzip members are read as one log") {
  auto gz = [](const std::string& s) {
    std::string out(compressBound(static_cast<uLong>(s.size())) + 64, '\0');
    z_stream zs{};
    REQUIRE(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data()));
    zs.avail_in = static_cast<uInt>(s.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&zs, Z_FINISH) == Z_STREAM_END);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
  };
  const auto found =
      ScanString(gz("one\ntwo\n") + gz("x tok_q8w3e7r1t5y9u2i6\n"), LogScanOptions{}, 5);
  REQUIRE(found.size() == 1);
  CHECK(found[0].line == 3);
  CHECK(found[0].column == 3);
}
