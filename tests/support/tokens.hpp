// Deterministic, well-formed fake credentials for tests.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <string>

namespace sprawl::test {

inline constexpr const char* kBase62 =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// A random-looking base62 string of `n` characters derived from `seed`.
inline std::string PseudoRandomBase62(std::size_t n, std::uint64_t seed) {
  std::string out;
  std::uint64_t x = seed * 0x9E3779B97F4A7C15ull + 0x1234567ull;
  for (std::size_t i = 0; i < n; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    out += kBase62[x % 62];
  }
  return out;
}

// PREFIX + 30 base62 + 6-char base62 CRC32, as GitHub and npm issue them.
inline std::string MakeGithubStyleToken(const std::string& prefix, std::uint64_t seed,
                                        bool valid_checksum = true) {
  const std::string body = PseudoRandomBase62(30, seed);
  std::uint64_t crc =
      crc32(0L, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()));
  if (!valid_checksum) crc ^= 1;
  std::string check(6, '0');
  for (int i = 5; i >= 0; --i) {
    check[static_cast<std::size_t>(i)] = kBase62[crc % 62];
    crc /= 62;
  }
  return prefix + body + check;
}

// A Slack bot token shape: xoxb-<team>-<bot>-<24 alnum>.
inline std::string MakeSlackBotToken(std::uint64_t seed) {
  return "xoxb-2837465019-1928374650192-" + PseudoRandomBase62(24, seed);
}

}  // namespace sprawl::test
