#include "sources/git_lazy_init.hpp"

#include "sources/libgit2_loader.hpp"

#include <dlfcn.h>
#include <git2.h>

#include <atomic>
#include <mutex>

extern "C" int mbedtls_x509_crt_parse_file(void* chain, const char* path);
extern "C" int libssh2_init(int flags);

namespace sprawl {
namespace {

std::atomic<bool> g_deferring{false};
std::atomic<int> g_ca_loads{0};
std::atomic<int> g_ssh_inits{0};
std::mutex g_mutex;
std::string g_deferred_path;  // guarded by g_mutex
bool g_prepared = false;      // guarded by g_mutex

// The next definition after the executable's own: the real library's, which libgit2 (loaded
// on first use) brought in.
template <typename F>
F Real(const char* name) {
  void* sym = ::dlsym(RTLD_NEXT, name);
  return reinterpret_cast<F>(sym ? sym : Libgit2DependencySymbol(name));
}

}  // namespace

void InitLibgit2Deferred(int (*init)()) {
  g_deferring = true;
  init();
  g_deferring = false;
}

bool PrepareGitNetwork(std::string* error) {
  std::lock_guard<std::mutex> lock(g_mutex);
  if (g_prepared) return true;
  if (!g_deferred_path.empty() &&
      git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, g_deferred_path.c_str(), nullptr) != 0) {
    const git_error* e = git_error_last();
    *error = "cannot load the CA bundle " + g_deferred_path + ": " +
             (e && e->message ? e->message : "unknown error");
    return false;
  }
  libssh2_init(0);  // the interposed one below, now forwarding; a no-op without libssh2
  g_prepared = true;
  return true;
}

std::string DeferredTrustStorePath() {
  std::lock_guard<std::mutex> lock(g_mutex);
  return g_deferred_path;
}

int TrustStoreLoads() {
  return g_ca_loads;
}
int SshInits() {
  return g_ssh_inits;
}
bool GitNetworkPrepared() {
  std::lock_guard<std::mutex> lock(g_mutex);
  return g_prepared;
}

}  // namespace sprawl

// The interposed entry points (see the header). CMakeLists.txt exports them from the
// executable with --export-dynamic-symbol so that libgit2 binds to them.
extern "C" __attribute__((visibility("default"))) int mbedtls_x509_crt_parse_file(
    void* chain, const char* path) {
  using namespace sprawl;
  if (g_deferring) {
    std::lock_guard<std::mutex> lock(g_mutex);
    g_deferred_path = path ? path : "";
    return 0;  // an empty chain: every certificate fails verification until loaded
  }
  static const auto real = Real<int (*)(void*, const char*)>("mbedtls_x509_crt_parse_file");
  if (!real) return -1;
  ++g_ca_loads;
  return real(chain, path);
}

extern "C" __attribute__((visibility("default"))) int libssh2_init(int flags) {
  using namespace sprawl;
  if (g_deferring) return 0;
  static const auto real = Real<int (*)(int)>("libssh2_init");
  if (!real) return 0;  // libgit2 without ssh: nothing to initialise
  ++g_ssh_inits;
  return real(flags);
}
