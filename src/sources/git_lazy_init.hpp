// libgit2's network set-up, done only when a command talks to a remote.
//
// git_libgit2_init prepares every transport up front. As Debian builds it, that means
// parsing the whole system CA bundle with mbedTLS (about 140 certificates: 10 ms and ~240
// page faults) and initialising libssh2, which initialises OpenSSL's crypto library: a
// third of a pre-commit `sprawl git --staged`, though only cloning a remote uses either.
// sprawl defines both entry points in its own executable (the executable's definitions win
// for libgit2's calls; the link exports them), skips them while libgit2 initialises, and
// runs the real ones through PrepareGitNetwork() before a clone.
//
// Deferring fails closed: until the CA bundle is loaded the trust store is empty and
// libgit2 rejects every server certificate; libssh2 also initialises itself when its first
// session starts. With a libgit2 built on OpenSSL or without ssh the interposed functions
// are never called and none of this has any effect.
#pragma once

#include <string>

namespace sprawl {

// Runs `init` (git_libgit2_init) with the CA bundle load and libssh2's init deferred.
void InitLibgit2Deferred(int (*init)());

// Loads the CA bundle libgit2 asked for at init and initialises libssh2, once. Call before
// any network operation. Returns false with `error` set when the bundle cannot be read.
bool PrepareGitNetwork(std::string* error);

// For tests: the CA bundle libgit2 asked for at init (empty when its TLS backend never
// asked), and how many real CA bundle loads and libssh2 inits have run.
std::string DeferredTrustStorePath();
int TrustStoreLoads();
int SshInits();
// Whether PrepareGitNetwork has run in this process (tests run in one process may share it).
bool GitNetworkPrepared();

}  // namespace sprawl
