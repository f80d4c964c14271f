#include <catch2/catch.hpp>

#include "filters/checksum.hpp"
#include "support/tokens.hpp"

using namespace sprawl;

TEST_CASE("GitHub CRC32 checksum accepts issued tokens and rejects altered ones") {
  for (std::uint64_t seed = 1; seed <= 50; ++seed) {
    const std::string good = test::MakeGithubStyleToken("ghp_", seed);
    CHECK(VerifyGithubCrc32(good));
    CHECK_FALSE(VerifyGithubCrc32(test::MakeGithubStyleToken("ghp_", seed, false)));
  }
  // A single changed character in the random part breaks the checksum.
  std::string t = test::MakeGithubStyleToken("gho_", 7);
  t[10] = t[10] == 'A' ? 'B' : 'A';
  CHECK_FALSE(VerifyGithubCrc32(t));
}

TEST_CASE("GitHub CRC32 checksum works for every prefix that uses it") {
  for (const char* prefix : {"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "npm_"}) {
    CHECK(VerifyChecksum("github-crc32", test::MakeGithubStyleToken(prefix, 99)));
  }
}

TEST_CASE("GitHub CRC32 checksum rejects wrong lengths and unknown checksum names") {
  CHECK_FALSE(VerifyGithubCrc32("ghp_abc"));
  CHECK_FALSE(VerifyGithubCrc32(test::MakeGithubStyleToken("ghp_", 3) + "a"));
  CHECK_FALSE(VerifyChecksum("no-such-checksum", test::MakeGithubStyleToken("ghp_", 3)));
  CHECK(IsKnownChecksum("github-crc32"));
  CHECK_FALSE(IsKnownChecksum("crc64"));
}
