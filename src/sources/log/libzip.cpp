#include "sources/log/libzip.hpp"

#include <dlfcn.h>

#include "util/shared_library.hpp"

namespace sprawl::logs {

const LibzipApi& Libzip() {
  static const LibzipApi api = [] {
    constexpr const char* kSoname = SPRAWL_LIBZIP_SONAME;
    void* lib = OpenSharedLibrary(kSoname, RTLD_NOW | RTLD_LOCAL);  // never unloaded
    LibzipApi a{};
    BindSharedLibrarySymbol(lib, kSoname, "zip_open", &a.open);
    BindSharedLibrarySymbol(lib, kSoname, "zip_discard", &a.discard);
    BindSharedLibrarySymbol(lib, kSoname, "zip_get_num_entries", &a.get_num_entries);
    BindSharedLibrarySymbol(lib, kSoname, "zip_get_name", &a.get_name);
    BindSharedLibrarySymbol(lib, kSoname, "zip_fopen_index", &a.fopen_index);
    BindSharedLibrarySymbol(lib, kSoname, "zip_fread", &a.fread);
    BindSharedLibrarySymbol(lib, kSoname, "zip_fclose", &a.fclose);
    BindSharedLibrarySymbol(lib, kSoname, "zip_strerror", &a.strerror);
    BindSharedLibrarySymbol(lib, kSoname, "zip_file_strerror", &a.file_strerror);
    BindSharedLibrarySymbol(lib, kSoname, "zip_error_init_with_code", &a.error_init_with_code);
    BindSharedLibrarySymbol(lib, kSoname, "zip_error_strerror", &a.error_strerror);
    BindSharedLibrarySymbol(lib, kSoname, "zip_error_fini", &a.error_fini);
    return a;
  }();
  return api;
}

}  // namespace sprawl::logs
