// SHA-256 (OpenSSL) for secret hashes, fingerprints and cache keys.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace sprawl {

using Sha256Digest = std::array<std::uint8_t, 32>;

Sha256Digest Sha256(std::string_view data);
std::string Sha256Hex(std::string_view data);
std::string ToHex(const std::uint8_t* data, size_t len);

// Incremental hashing for inputs built from many parts.
class Sha256Builder {
 public:
  Sha256Builder();
  ~Sha256Builder();
  Sha256Builder(const Sha256Builder&) = delete;
  Sha256Builder& operator=(const Sha256Builder&) = delete;
  // Adds a length-prefixed field, so ("ab","c") and ("a","bc") hash differently.
  void AddField(std::string_view data);
  Sha256Digest Finish();

 private:
  void* ctx_;
};

}  // namespace sprawl
