// Loading a shared library on first use, by the SONAME the build read off it. A library
// that only some runs need (git, live verification, CI log archives, hashing a finding)
// costs every run that links it its load, relocation and page faults: 2.5-3 ms for
// libcrypto alone on the standard VM (docs/performance.md). The callers keep one table of
// function pointers each (util/libcrypto.hpp, sources/log/libzip.hpp) or generated
// forwarders (sources/libgit2_loader.hpp).
#pragma once

namespace sprawl {

// An installation fault (a library of the package or one of its functions missing): a
// one-line message naming it on stderr and exit code 3, since the caller's API (a hash, a
// libgit2 call) has no way to report it.
[[noreturn]] void SharedLibraryFault(const char* what, const char* detail);

// dlopen(soname, flags), or SharedLibraryFault naming the library.
void* OpenSharedLibrary(const char* soname, int flags);

// The library's definition of `name`, or SharedLibraryFault naming the library and symbol.
void* SharedLibrarySymbol(void* library, const char* soname, const char* name);

// The same, typed as the declaration the library's header gives: `Bind(lib, so, "f", &f_)`
// where f_ is a `decltype(&f)`, so a signature that drifts from the header does not compile.
template <typename F>
void BindSharedLibrarySymbol(void* library, const char* soname, const char* name, F* out) {
  *out = reinterpret_cast<F>(SharedLibrarySymbol(library, soname, name));
}

}  // namespace sprawl
