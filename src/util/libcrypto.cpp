#include "util/libcrypto.hpp"

#include <dlfcn.h>

#include "util/shared_library.hpp"

namespace sprawl {

const LibcryptoApi& Libcrypto() {
  // A function-local static: initialised once, by whichever thread hashes first.
  static const LibcryptoApi api = [] {
    constexpr const char* kSoname = SPRAWL_LIBCRYPTO_SONAME;
    void* lib = OpenSharedLibrary(kSoname, RTLD_NOW | RTLD_LOCAL);  // never unloaded
    LibcryptoApi a{};
    BindSharedLibrarySymbol(lib, kSoname, "SHA256_Init", &a.sha256_init);
    BindSharedLibrarySymbol(lib, kSoname, "SHA256_Update", &a.sha256_update);
    BindSharedLibrarySymbol(lib, kSoname, "SHA256_Final", &a.sha256_final);
    BindSharedLibrarySymbol(lib, kSoname, "EVP_sha256", &a.evp_sha256);
    BindSharedLibrarySymbol(lib, kSoname, "HMAC", &a.hmac);
    return a;
  }();
  return api;
}

}  // namespace sprawl
