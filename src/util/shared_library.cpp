#include "util/shared_library.hpp"

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace sprawl {

void SharedLibraryFault(const char* what, const char* detail) {
  std::fprintf(stderr, "sprawl: error: %s: %s\n", what, detail ? detail : "unknown error");
  std::exit(3);  // runtime error: the run cannot be completed
}

void* OpenSharedLibrary(const char* soname, int flags) {
  void* library = dlopen(soname, flags);
  if (!library) SharedLibraryFault((std::string("cannot load ") + soname).c_str(), dlerror());
  return library;
}

void* SharedLibrarySymbol(void* library, const char* soname, const char* name) {
  void* symbol = dlsym(library, name);
  if (!symbol) SharedLibraryFault((std::string(soname) + " has no function").c_str(), name);
  return symbol;
}

}  // namespace sprawl
