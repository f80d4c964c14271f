// The decoders, the offset map and the candidate finder of the decoding layer, alone.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>

#include "decode/candidate_finder.hpp"
#include "decode/codecs.hpp"
#include "decode/offset_map.hpp"
#include "support/encode.hpp"

using namespace sprawl::decode;
using sprawl::test::Base64;

TEST_CASE("base64 decodes the standard and URL-safe alphabets with and without padding") {
  const std::string plain = "user:p>ss?w~rd/12";  // bytes that encode to + / - _
  std::string out;
  const std::string std_padded = Base64(plain);
  const std::string url_bare = Base64(plain, true, false);
  REQUIRE(std_padded.find_first_of("+/") != std::string::npos);
  REQUIRE(url_bare.find_first_of("-_") != std::string::npos);
  REQUIRE(std_padded.back() == '=');
  CHECK(DecodeBase64(std_padded, &out));
  CHECK(out == plain);
  CHECK(DecodeBase64(url_bare, &out));
  CHECK(out == plain);
  CHECK_FALSE(DecodeBase64("abcde", &out));     // 4n+1 characters cannot be base64
  CHECK_FALSE(DecodeBase64("abc$defg", &out));  // outside both alphabets
}

TEST_CASE("hex decodes even-length runs with or without 0x") {
  std::string out;
  CHECK(DecodeHex("746f6b656e", &out));
  CHECK(out == "token");
  CHECK(DecodeHex("0x746F6B656E", &out));
  CHECK(out == "token");
  CHECK_FALSE(DecodeHex("746f6b656", &out));
  CHECK_FALSE(DecodeHex("74zz", &out));
}

TEST_CASE("percent-decoding maps each decoded byte back to its source") {
  std::string out;
  OffsetMap map;
  const std::string in = "pg://app:S3cr%40t%21@db";
  REQUIRE(DecodePercent(in, 100, &out, &map));
  CHECK(out == "pg://app:S3cr@t!@db");
  CHECK(map.MapBegin(0) == 100);
  CHECK(map.MapBegin(13) == 100 + 13);  // '@' decoded from "%40" at source 13
  CHECK(map.MapBegin(14) == 100 + 16);  // 't' after the three bytes of "%40"
  CHECK(map.MapBegin(15) == 100 + 17);  // '!' from "%21"
  CHECK(map.MapBegin(16) == 100 + 20);  // '@' after it
  CHECK(map.MapEnd(out.size()) == 100 + in.size());
  CHECK_FALSE(DecodePercent("no escapes here", 0, &out, &map));
}

TEST_CASE("character references decode to printable ASCII and map back to their source") {
  std::string out;
  OffsetMap map;
  const std::string in = "value=\"{&quot;pw&quot;: &#34;Hq7&amp;v&#x2F;L&#39;}\"";
  REQUIRE(DecodeEntities(in, 50, &out, &map));
  CHECK(out == "value=\"{\"pw\": \"Hq7&v/L'}\"");
  CHECK(map.MapBegin(8) == 50 + 8);   // '"' from "&quot;" at source 8
  CHECK(map.MapBegin(9) == 50 + 14);  // 'p' after it
  CHECK(map.MapEnd(out.size()) == 50 + in.size());
  // Not references, or references to what no secret holds: left as they are.
  CHECK_FALSE(DecodeEntities("a && b; &nbsp; &eacute; &#0; &#x7F; &#65 &x;", 0, &out, &map));
  CHECK(out == "a && b; &nbsp; &eacute; &#0; &#x7F; &#65 &x;");
  char c = 0;
  CHECK(EntityAt("&#x41;", 0, &c) == 6);
  CHECK(c == 'A');
  CHECK(EntityAt("&#1234567;", 0, &c) == 0);  // too many digits for ASCII
}

TEST_CASE("the candidate finder takes lines with character references") {
  const std::string text =
      "<a title=\"x &amp; y\"/>\n"
      "<p>Fish &amp; chips &nbsp;</p>\n"
      "if (a && b) return;\n";
  std::vector<EncodedSpan> spans;
  FindEncodedSpans(text, 0, text.size() + 1, &spans);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].kind == SpanKind::kEntityLine);
  CHECK(text.substr(spans[0].begin, spans[0].end - spans[0].begin) == "<a title=\"x &amp; y\"/>");
  CHECK(spans[1].kind == SpanKind::kEntityLine);
}

TEST_CASE("unescape handles JSON escapes, \\u with surrogate pairs and \\x") {
  std::string out;
  OffsetMap map;
  CHECK(Unescape(R"({\"k\": \"v\"}\n)", 0, &out, &map) == EscapeKind::kJson);
  CHECK(out == "{\"k\": \"v\"}\n");
  CHECK(Unescape(R"(\u0074ok \ud83d\ude00)", 0, &out, &map) == EscapeKind::kJson);
  CHECK(out == "tok \xF0\x9F\x98\x80");
  CHECK(map.MapBegin(0) == 0);
  CHECK(map.MapBegin(1) == 6);  // 'o' follows the six-byte \u0074
  CHECK(Unescape(R"(\x74ok \'q\')", 0, &out, &map) == EscapeKind::kOther);
  CHECK(out == "tok 'q'");
  CHECK(Unescape("nothing", 0, &out, &map) == EscapeKind::kNone);
}

TEST_CASE("only text counts as a decoding: binary results are rejected") {
  CHECK(LooksLikeText("user:password"));
  CHECK(LooksLikeText("caf\xC3\xA9 \xE2\x82\xAC 12"));
  CHECK_FALSE(LooksLikeText(std::string("ab\0cd", 5)));
  CHECK_FALSE(LooksLikeText("\x8a\x01\xfe\x93\x11\x7f\xc0\x20\x41\x9b\xee\x05"));
}

TEST_CASE("an opaque region maps every decoded byte to its encoded span") {
  OffsetMap map;
  map.AddAnchor(0, 40);       // context before, one for one
  map.AddOpaque(10, 50, 90);  // decoded bytes [10, 40) come from [50, 90)
  map.AddAnchor(40, 90);      // context after
  CHECK(map.MapBegin(3) == 43);
  CHECK(map.MapBegin(10) == 50);
  CHECK(map.MapBegin(25) == 50);
  CHECK(map.MapEnd(25) == 90);
  CHECK(map.MapEnd(10) == 50);  // a secret ending where the span starts
  CHECK(map.MapBegin(42) == 92);
}

TEST_CASE("the candidate finder finds alphabet runs, escaped and percent lines") {
  const std::string text =
      "short abc123 run\n"                     // 0: nothing long enough
      "value: dG9rX2ExYjJjM2Q0ZTVmNmc3aDg=\n"  // 1: a base64 run with padding
      "printf(\"%d items\\n\");\n"             // 2: \n before a quote, %d: neither hides text
      "{\"cfg\": \"{\\\"k\\\": 1}\"}\n"        // 3: escaped quotes
      "url=https://h.test/?q=a%40b\n";         // 4: a printable %XX
  std::vector<EncodedSpan> spans;
  FindEncodedSpans(text, 0, text.size() + 1, &spans);
  std::vector<std::pair<SpanKind, std::string>> got;
  for (const auto& s : spans)
    got.emplace_back(s.kind, text.substr(s.begin, s.end - s.begin));
  REQUIRE(got.size() == 3);
  CHECK(got[0].first == SpanKind::kAlphabetRun);
  CHECK(got[0].second == "dG9rX2ExYjJjM2Q0ZTVmNmc3aDg=");
  CHECK(got[1].first == SpanKind::kEscapedLine);
  CHECK(got[1].second == "{\"cfg\": \"{\\\"k\\\": 1}\"}");
  CHECK(got[2].first == SpanKind::kPercentLine);
  CHECK(got[2].second == "url=https://h.test/?q=a%40b");
}

TEST_CASE("\\u and \\x escapes count only when they escape a character rules can see") {
  auto escaped_lines = [](const std::string& text) {
    std::vector<EncodedSpan> spans;
    FindEncodedSpans(text, 0, text.size() + 1, &spans);
    std::vector<std::string> lines;
    for (const auto& s : spans) {
      if (s.kind == SpanKind::kEscapedLine) lines.push_back(text.substr(s.begin, s.end - s.begin));
    }
    return lines;
  };
  // Non-ASCII and control characters: no secret or rule context is made of them.
  CHECK(escaped_lines("name = \"\\u4e2d\\u6587\"\n").empty());
  CHECK(escaped_lines("b = b\"\\xff\\x00\\x7f\"\n").empty());
  CHECK(escaped_lines("s = \"\\u00e9t\\u00e9\"\n").empty());
  CHECK(escaped_lines("bad = \"\\u12\" or \\xg1\n").empty());  // not hex: not an escape
  // Printable ASCII, tab, LF and CR: they can be a secret's bytes or a rule's context.
  CHECK(escaped_lines("t = \"\\u0074ok\"\n") == std::vector<std::string>{"t = \"\\u0074ok\""});
  CHECK(escaped_lines("q = \\u0022k\\u0022\n") == std::vector<std::string>{"q = \\u0022k\\u0022"});
  CHECK(escaped_lines("k = \"\\x74ok\"\n") == std::vector<std::string>{"k = \"\\x74ok\""});
  CHECK(escaped_lines("pem = \"A\\u000aB\"\n") == std::vector<std::string>{"pem = \"A\\u000aB\""});
  CHECK(escaped_lines("u = \"\\u007E\" + \"\\u007F\"\n").size() == 1);
}

TEST_CASE("alphabet runs are found at every alignment and only once") {
  for (std::size_t lead = 0; lead < 40; ++lead) {
    const std::string run =
        Base64(std::string("plain words here").substr(0, 12 + lead % 5), false, false);
    const std::string text = std::string(lead, ' ') + run + " x " + std::string(15, 'z') + ".";
    std::vector<EncodedSpan> spans;
    FindEncodedSpans(text, 0, text.size() + 1, &spans);
    INFO(lead);
    REQUIRE(spans.size() == 1);
    CHECK(spans[0].begin == lead);
    CHECK(spans[0].end == lead + run.size());
  }
}

TEST_CASE("every byte value is classified: alphabet bytes join a run, others split it") {
  // Nine and eight alphabet characters around one byte: a run of the minimum length exists
  // only when that byte is in the alphabet. The text is long enough for the block loop
  // (AVX2 or SSE2) to do the finding, and the byte is moved through every block offset.
  for (std::size_t lead = 0; lead < 64; ++lead) {
    for (int b = 0; b < 256; ++b) {
      const char c = static_cast<char>(b);
      const bool alphabet = std::isalnum(b) != 0 || c == '+' || c == '/' || c == '-' || c == '_';
      const std::string text =
          std::string(lead, ' ') + "a1b2c3d4e" + c + "f5g6h7i8" + std::string(80, ' ');
      std::vector<EncodedSpan> spans;
      std::uint64_t rejected = 0;  // a run found and then not taken for an encoding
      FindEncodedSpans(text, 0, text.size() + 1, &spans, &rejected);
      INFO("byte " << b << " at " << lead + 9);
      CHECK(spans.size() + rejected == (alphabet ? 1u : 0u));
    }
  }
}

TEST_CASE("a chunk keeps only the spans that start in its own range") {
  const std::string first = Base64("first plain words");
  const std::string text = first + " " + Base64("second plain words");
  std::vector<EncodedSpan> spans;
  FindEncodedSpans(text, 10, text.size(), &spans);
  REQUIRE(spans.size() == 1);
  CHECK(spans[0].begin == first.size() + 1);
}

TEST_CASE("identifiers of one case and separators are not taken for encodings") {
  const std::string text =
      "user_account_order_service_manager some-long-kebab-case-name "
      "/usr/local/lib/python/site/packages MAX_BUFFER_SIZE_LIMIT_VALUE "
      "dXNlcjpwYXNzd29yZHM= ";
  std::vector<EncodedSpan> spans;
  FindEncodedSpans(text, 0, text.size() + 1, &spans);
  REQUIRE(spans.size() == 1);
  CHECK(text.substr(spans[0].begin, spans[0].end - spans[0].begin) == "dXNlcjpwYXNzd29yZHM=");
}

TEST_CASE("runs whose first bytes are not text are rejected by the finder, counted") {
  const std::string text =
      "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 "
      "blob q8Zr0Lk3Vv9Wm2Xn5Tp7Ys1Ua4Hb6Jc= uuid "
      "550e8400-e29b-41d4-a716-446655440000 " +
      Base64("text inside here") + "\n";
  std::vector<EncodedSpan> spans;
  std::uint64_t rejected = 0;
  FindEncodedSpans(text, 0, text.size() + 1, &spans, &rejected);
  CHECK(spans.size() == 1);
  CHECK(rejected == 3);
}

TEST_CASE("alphabet runs are found wherever they fall in long text, block boundaries included") {
  const char* words[] = {"x", "ab", "foo_bar", "getValue", "i18n", "a-b-c", "Q", "0x1f"};
  const char* seps[] = {" ", "(", ".", "\n", "::", "\"", ", "};
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    std::uint64_t x = seed * 0x9E3779B97F4A7C15ull;
    auto next = [&x] {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      return x;
    };
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> expected;
    while (text.size() < 3000) {
      if (next() % 9 == 0) {
        std::string plain = "secret text number " + std::to_string(next() % 100000);
        plain.resize(12 + next() % 60, 'z');
        const std::string run = Base64(plain, next() % 2 == 0, next() % 2 == 0);
        expected.emplace_back(text.size(), text.size() + run.size());
        text += run;
      } else {
        text += words[next() % 8];
      }
      text += seps[next() % 7];
    }
    std::vector<EncodedSpan> spans;
    FindEncodedSpans(text, 0, text.size() + 1, &spans);
    std::vector<std::pair<std::size_t, std::size_t>> got;
    for (const auto& s : spans) {
      if (s.kind == SpanKind::kAlphabetRun) got.emplace_back(s.begin, s.end);
      if (s.kind != SpanKind::kWrappedBase64) continue;
      // Runs that happen to look like the lines of a wrapped value are joined: expand the
      // join into the runs it covers, which must start and end it exactly.
      CHECK(std::any_of(expected.begin(), expected.end(),
                        [&](const auto& e) { return e.first == s.begin; }));
      CHECK(std::any_of(expected.begin(), expected.end(),
                        [&](const auto& e) { return e.second == s.end; }));
      for (const auto& e : expected) {
        if (e.first >= s.begin && e.second <= s.end) got.push_back(e);
      }
    }
    INFO("seed " << seed);
    CHECK(got == expected);
  }
}

TEST_CASE("every maximal alphabet run of 16 or more is considered once, whatever its place") {
  // Random text of alphabet and non-alphabet bytes in long stretches, of lengths around the
  // 64-byte blocks the finder classifies: every run it takes must be a maximal run of the
  // text, and taken plus rejected runs must be all of them.
  const char alphabet[] = "aB3+/_-z";
  const char other[] = " .\n=\"\x80";
  const std::string encoded =
      Base64("Plain words of text, encoded: the finder must take these runs whole.", false, false);
  std::uint64_t x = 0x243F6A8885A308D3ull;
  auto next = [&x] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  for (int round = 0; round < 3000; ++round) {
    const std::size_t size = next() % 300;
    std::string text;
    while (text.size() < size) {
      const bool in = next() % 2 == 0;
      const std::size_t len = 1 + next() % (in ? 90 : 4);
      if (in && next() % 3 == 0) {  // an encoding the finder takes (its head is text)
        text += encoded.substr(0, std::min(len, size - text.size()));
        continue;
      }
      for (std::size_t i = 0; i < len && text.size() < size; ++i)
        text += in ? alphabet[next() % 8] : other[next() % 6];
    }
    std::vector<std::pair<std::size_t, std::size_t>> runs;  // maximal runs of 16 or more
    for (std::size_t i = 0; i < text.size();) {
      std::size_t j = i;
      while (j < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[j])) || std::strchr("+/_-", text[j])))
        ++j;
      if (j - i >= 16) runs.emplace_back(i, j);
      i = j == i ? i + 1 : j;
    }
    std::vector<EncodedSpan> spans;
    std::uint64_t rejected = 0;
    FindEncodedSpans(text, 0, text.size() + 1, &spans, &rejected);
    INFO("round " << round << " size " << text.size());
    std::size_t taken = 0;
    for (const auto& s : spans) {
      if (s.kind == SpanKind::kWrappedBase64) {  // runs that look like a wrapped value's lines
        for (const auto& r : runs)
          taken += s.begin <= r.first && r.second <= s.end;
        continue;
      }
      if (s.kind != SpanKind::kAlphabetRun) continue;
      ++taken;
      std::size_t end = s.end;
      while (end > s.begin && text[end - 1] == '=')  // padding joins the span, not the run
        --end;
      CHECK(std::find(runs.begin(), runs.end(), std::make_pair(s.begin, end)) != runs.end());
    }
    CHECK(taken + rejected == runs.size());
  }
}
