// UTF-16 files are transcoded and scanned, with offsets in the file's own bytes; binary
// files, including ones that merely hold NULs, are still skipped.
#include <catch2/catch.hpp>

#include <algorithm>

#include "rules/rule_set.hpp"
#include "sources/file_scan.hpp"
#include "sources/text_content.hpp"
#include "support/temp_dir.hpp"
#include "support/test_rule.hpp"

using namespace sprawl;

namespace {

std::string Utf16(const std::u16string& s, Utf16Kind kind, bool bom) {
  std::string out;
  auto put = [&](char16_t u) {
    const char lo = static_cast<char>(u & 0xFF), hi = static_cast<char>(u >> 8);
    if (kind == Utf16Kind::kLittleEndian) {
      out += lo;
      out += hi;
    } else {
      out += hi;
      out += lo;
    }
  };
  if (bom) put(0xFEFF);
  for (const char16_t u : s)
    put(u);
  return out;
}

struct FileScan {
  std::vector<Finding> found;
  ScanStats stats;
};

FileScan ScanPath(const std::string& path) {
  RuleSet rules({test::TestRule("tok", "\\b(tok_[a-z0-9]{16})\\b", 64)});
  auto engine = Engine::Create(rules, {});
  Scanner scanner(*engine);
  ContentScanner content(scanner, nullptr);
  ReadBuffer buffer;
  FileScan r;
  Diagnostics diag(nullptr);
  ScanFile(FileEntry{path}, FileScanOptions{}, content, &buffer, &r.found, &r.stats, &diag);
  std::sort(r.found.begin(), r.found.end(), FindingLess);
  return r;
}

const std::u16string kText =
    u"# r\u00e9glages \U0001F511\r\n$env:TOKEN = \"tok_a1b2c3d4e5f6g7h8\"\r\n";

}  // namespace

TEST_CASE("UTF-16 is recognised by its byte-order mark or by NULs beside ASCII text") {
  for (const auto kind : {Utf16Kind::kLittleEndian, Utf16Kind::kBigEndian}) {
    CHECK(DetectUtf16(Utf16(kText, kind, true)) == kind);
    CHECK(DetectUtf16(Utf16(kText, kind, false)) == kind);
  }
  CHECK(DetectUtf16("plain text") == Utf16Kind::kNone);
  // Binary with NULs: 32-bit integers, an executable header.
  std::string ints;
  for (int i = 0; i < 64; ++i)
    ints += std::string{static_cast<char>(i * 7), '\x12', '\0', '\0'};
  CHECK(DetectUtf16(ints) == Utf16Kind::kNone);
  CHECK(DetectUtf16(std::string("\x7f"
                                "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
                                16)) == Utf16Kind::kNone);
}

TEST_CASE("UTF-16 transcodes to UTF-8: surrogate pairs joined, lone surrogates replaced") {
  const std::string want =
      "# r\xc3\xa9glages \xf0\x9f\x94\x91\r\n$env:TOKEN = \"tok_a1b2c3d4e5f6g7h8\"\r\n";
  CHECK(Utf16ToUtf8(Utf16(kText, Utf16Kind::kLittleEndian, true), Utf16Kind::kLittleEndian) ==
        want);
  CHECK(Utf16ToUtf8(Utf16(kText, Utf16Kind::kBigEndian, false), Utf16Kind::kBigEndian) == want);
  const std::u16string lone = {u'a', static_cast<char16_t>(0xD800), u'b'};
  CHECK(Utf16ToUtf8(Utf16(lone, Utf16Kind::kLittleEndian, false), Utf16Kind::kLittleEndian) ==
        "a\xef\xbf\xbd"
        "b");
  // An odd last byte is dropped.
  CHECK(Utf16ToUtf8(std::string("a\0b", 3), Utf16Kind::kLittleEndian) == "a");
}

TEST_CASE("a UTF-16 file's secret is found at its own line, column and byte offset") {
  test::TempDir dir;
  for (const auto kind : {Utf16Kind::kLittleEndian, Utf16Kind::kBigEndian}) {
    for (const bool bom : {true, false}) {
      const std::string bytes = Utf16(kText, kind, bom);
      const std::string path = dir.Write("s.ps1", bytes);
      const FileScan r = ScanPath(path);
      INFO("big-endian " << (kind == Utf16Kind::kBigEndian) << " bom " << bom);
      REQUIRE(r.found.size() == 1);
      const Finding& f = r.found[0];
      CHECK(f.secret == "tok_a1b2c3d4e5f6g7h8");
      CHECK(f.line == 2);
      CHECK(f.column == 15);
      CHECK(f.encoding == (kind == Utf16Kind::kLittleEndian ? "utf-16le" : "utf-16be"));
      // Where the token's first unit sits in the file: after the BOM, line 1 (its key emoji
      // is a surrogate pair, two units) and the 14 units before it on line 2.
      const std::u16string before = kText.substr(0, kText.find(u"tok_"));
      CHECK(f.offset == (bom ? 2u : 0u) + 2 * before.size());
      CHECK(bytes.substr(f.offset, 2) == Utf16(u"t", kind, false));
      CHECK(r.stats.files_scanned == 1);
      CHECK(r.stats.skipped_binary == 0);
      CHECK(r.stats.bytes_scanned == bytes.size());
    }
  }
}

TEST_CASE("binary files stay skipped, UTF-16-looking or not") {
  test::TempDir dir;
  std::string ints;
  for (int i = 0; i < 64; ++i)
    ints += std::string{'t', '\0', '\0', '\0'};
  ints += "tok_a1b2c3d4e5f6g7h8";
  FileScan r = ScanPath(dir.Write("ints.bin", ints));
  CHECK(r.found.empty());
  CHECK(r.stats.skipped_binary == 1);
  // UTF-16 text that turns out to hold U+0000 characters after its start.
  std::u16string with_nul = u"tok_a1b2c3d4e5f6g7h8 ";
  with_nul += char16_t{0};
  r = ScanPath(dir.Write("nul.txt", Utf16(with_nul, Utf16Kind::kLittleEndian, true)));
  CHECK(r.found.empty());
  CHECK(r.stats.skipped_binary == 1);
  CHECK(r.stats.files_scanned == 0);
}
