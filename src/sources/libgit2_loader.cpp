#include "sources/libgit2_loader.hpp"

#include <dlfcn.h>
#include <git2.h>

#include <cstdarg>

#include "util/shared_library.hpp"

namespace sprawl {
namespace {

void* Library() {
  static void* const lib = OpenSharedLibrary(SPRAWL_LIBGIT2_SONAME, RTLD_NOW | RTLD_GLOBAL);
  return lib;
}

}  // namespace

void* Libgit2DependencySymbol(const char* name) {
  return dlsym(Library(), name);
}

void* Libgit2Symbol(const char* name) {
  return SharedLibrarySymbol(Library(), SPRAWL_LIBGIT2_SONAME, name);
}

}  // namespace sprawl

// The one variadic function sprawl calls: its arguments are taken per option, as libgit2
// itself reads them (only the options sprawl sets are forwarded).
extern "C" int git_libgit2_opts(int option, ...) {
  using Opts = int (*)(int, ...);
  static const auto real = sprawl::Libgit2Function<Opts>("git_libgit2_opts");
  va_list ap;
  va_start(ap, option);
  int rc = -1;
  switch (option) {
    case GIT_OPT_SET_CACHE_MAX_SIZE:
      rc = real(option, va_arg(ap, ssize_t));
      break;
    case GIT_OPT_SET_MWINDOW_SIZE:
    case GIT_OPT_SET_MWINDOW_MAPPED_LIMIT:
      rc = real(option, va_arg(ap, size_t));
      break;
    case GIT_OPT_ENABLE_CACHING:
      rc = real(option, va_arg(ap, int));
      break;
    case GIT_OPT_SET_SSL_CERT_LOCATIONS: {
      const char* file = va_arg(ap, const char*);
      const char* path = va_arg(ap, const char*);
      rc = real(option, file, path);
      break;
    }
    default:
      sprawl::SharedLibraryFault("git_libgit2_opts",
                                 "option not forwarded (add it to libgit2_loader.cpp)");
  }
  va_end(ap);
  return rc;
}
