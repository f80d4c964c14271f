#include "filters/checksum.hpp"

#include <zlib.h>

#include <cstdint>

namespace sprawl {
namespace {

constexpr std::string_view kBase62 =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

}  // namespace

bool IsKnownChecksum(std::string_view name) {
  return name == "github-crc32";
}

bool VerifyChecksum(std::string_view name, std::string_view secret) {
  if (name == "github-crc32") return VerifyGithubCrc32(secret);
  return false;
}

bool VerifyGithubCrc32(std::string_view token) {
  const size_t underscore = token.rfind('_');
  std::string_view body =
      underscore == std::string_view::npos ? token : token.substr(underscore + 1);
  if (body.size() != 36) return false;
  const std::string_view data = body.substr(0, 30);
  const std::string_view check = body.substr(30);
  std::uint64_t crc =
      crc32(0L, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size()));
  char encoded[6];
  for (int i = 5; i >= 0; --i) {
    encoded[i] = kBase62[crc % 62];
    crc /= 62;
  }
  return crc == 0 && std::string_view(encoded, 6) == check;
}

}  // namespace sprawl
