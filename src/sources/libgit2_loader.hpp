// libgit2, loaded on first use. Only git sources, staged and range scans, ownership and
// the hook installer call it, yet linking it made every run load it and the 15 libraries
// it needs (mbedTLS, libssh2, PCRE2, http-parser, Kerberos): about 4 ms of every start-up
// on a VM where page faults are dear (docs/performance.md). The libgit2 functions sprawl
// calls are defined in libgit2_forwarders.cpp (generated from libgit2's headers by
// scripts/gen_libgit2_forwarders.py): each resolves the library's own on its first call.
#pragma once

namespace sprawl {

// The library's definition of `name`, loading the library (once, with its symbols global
// so that the definitions sprawl interposes on its dependencies — see git_lazy_init.hpp —
// still apply). A missing library or symbol ends the run with a message naming it: libgit2
// is a dependency of the package, so only a broken install gets there.
void* Libgit2Symbol(const char* name);

// The definition of `name` that libgit2 itself binds to, from libgit2 or the libraries it
// needs; null when there is none. For the definitions sprawl interposes: since libgit2 is
// loaded after start-up, dlsym(RTLD_NEXT) from the executable does not reach them.
void* Libgit2DependencySymbol(const char* name);

template <typename F>
F Libgit2Function(const char* name) {
  return reinterpret_cast<F>(Libgit2Symbol(name));
}

}  // namespace sprawl
