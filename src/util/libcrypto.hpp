// OpenSSL's libcrypto, loaded on first use (util/shared_library.hpp says why). A scan that
// finds nothing with the built-in rules hashes nothing: secret hashes and fingerprints are
// made per finding, and the database cache key of the built-in rules is computed at build
// time (rules/patterns_digest.hpp).
#pragma once

// SHA256_Init/Update/Final are deprecated in OpenSSL 3.0 for EVP; util/sha256.cpp says why
// sprawl keeps them.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

namespace sprawl {

// (The pragma too: in a unity build another source may include OpenSSL's headers first.)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
struct LibcryptoApi {
  decltype(&::SHA256_Init) sha256_init;
  decltype(&::SHA256_Update) sha256_update;
  decltype(&::SHA256_Final) sha256_final;
  decltype(&::EVP_sha256) evp_sha256;
  decltype(&::HMAC) hmac;
};
#pragma GCC diagnostic pop

// The loaded library's functions; loads it on the first call (thread-safe). A missing
// library ends the run (SharedLibraryFault): libcrypto is a dependency of the package.
const LibcryptoApi& Libcrypto();

}  // namespace sprawl
