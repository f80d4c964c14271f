// libzip, loaded on first use (util/shared_library.hpp says why): only `sprawl log` of a
// zip archive (a GitHub Actions log download) reads one, and libzip needs libcrypto and
// libbz2 besides.
#pragma once

#include <zip.h>

namespace sprawl::logs {

struct LibzipApi {
  decltype(&::zip_open) open;
  decltype(&::zip_discard) discard;
  decltype(&::zip_get_num_entries) get_num_entries;
  decltype(&::zip_get_name) get_name;
  decltype(&::zip_fopen_index) fopen_index;
  decltype(&::zip_fread) fread;
  decltype(&::zip_fclose) fclose;
  decltype(&::zip_strerror) strerror;
  decltype(&::zip_file_strerror) file_strerror;
  decltype(&::zip_error_init_with_code) error_init_with_code;
  decltype(&::zip_error_strerror) error_strerror;
  decltype(&::zip_error_fini) error_fini;
};

// The loaded library's functions; loads it on the first call (thread-safe). A missing
// library ends the run (SharedLibraryFault): libzip is a dependency of the package.
const LibzipApi& Libzip();

}  // namespace sprawl::logs
