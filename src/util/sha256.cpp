#include "util/sha256.hpp"

// OpenSSL's low-level SHA256_Init/Update/Final are deprecated in 3.0 in favour of EVP, but
// EVP's first digest loads and initialises the provider machinery (and reads openssl.cnf):
// 2.7 ms of every start-up on the standard VM, for a hash whose implementation is the same
// assembly either way. The one-shot SHA256() is no way around it: in 3.0 it goes through
// EVP, so the first finding of a run paid that cost; only the three-call form is direct.
// libcrypto itself is loaded on the first hash (util/libcrypto.hpp).
#include "util/libcrypto.hpp"

namespace sprawl {

Sha256Digest Sha256(std::string_view data) {
  Sha256Digest out{};
  const LibcryptoApi& crypto = Libcrypto();
  SHA256_CTX ctx;
  crypto.sha256_init(&ctx);
  crypto.sha256_update(&ctx, data.data(), data.size());
  crypto.sha256_final(out.data(), &ctx);
  return out;
}

std::string ToHex(const std::uint8_t* data, size_t len) {
  static const char* kHex = "0123456789abcdef";
  std::string out(len * 2, '0');
  for (size_t i = 0; i < len; ++i) {
    out[2 * i] = kHex[data[i] >> 4];
    out[2 * i + 1] = kHex[data[i] & 15];
  }
  return out;
}

std::string Sha256Hex(std::string_view data) {
  auto d = Sha256(data);
  return ToHex(d.data(), d.size());
}

Sha256Builder::Sha256Builder() : ctx_(new SHA256_CTX) {
  Libcrypto().sha256_init(static_cast<SHA256_CTX*>(ctx_));
}

Sha256Builder::~Sha256Builder() {
  delete static_cast<SHA256_CTX*>(ctx_);
}

void Sha256Builder::AddField(std::string_view data) {
  auto* ctx = static_cast<SHA256_CTX*>(ctx_);
  std::uint64_t n = data.size();
  const LibcryptoApi& crypto = Libcrypto();
  crypto.sha256_update(ctx, &n, sizeof n);
  crypto.sha256_update(ctx, data.data(), data.size());
}

Sha256Digest Sha256Builder::Finish() {
  Sha256Digest out{};
  Libcrypto().sha256_final(out.data(), static_cast<SHA256_CTX*>(ctx_));
  return out;
}

}  // namespace sprawl
