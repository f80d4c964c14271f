#include "verify/curl_api.hpp"

#include <dlfcn.h>

#include <mutex>
#include <string>

#include "sprawl/error.hpp"

namespace sprawl {
namespace {

constexpr const char* kLibrary = "libcurl.so.4";

template <typename F>
void Resolve(void* lib, const char* name, F* out) {
  void* sym = dlsym(lib, name);
  if (!sym) {
    throw RuntimeError(std::string("live verification: ") + kLibrary + " has no " + name);
  }
  *out = reinterpret_cast<F>(sym);
}

CurlApi Load() {
  // Never unloaded: the handles it hands out live until exit.
  void* lib = dlopen(kLibrary, RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    const char* why = dlerror();
    throw RuntimeError(std::string("live verification needs ") + kLibrary + ": " +
                       (why ? why : "cannot load it"));
  }
  CurlApi api{};
  Resolve(lib, "curl_easy_setopt", &api.easy_setopt);
  Resolve(lib, "curl_easy_getinfo", &api.easy_getinfo);
  Resolve(lib, "curl_easy_init", &api.easy_init);
  Resolve(lib, "curl_easy_cleanup", &api.easy_cleanup);
  Resolve(lib, "curl_easy_strerror", &api.easy_strerror);
  Resolve(lib, "curl_slist_append", &api.slist_append);
  Resolve(lib, "curl_slist_free_all", &api.slist_free_all);
  Resolve(lib, "curl_multi_init", &api.multi_init);
  Resolve(lib, "curl_multi_cleanup", &api.multi_cleanup);
  Resolve(lib, "curl_multi_add_handle", &api.multi_add_handle);
  Resolve(lib, "curl_multi_remove_handle", &api.multi_remove_handle);
  Resolve(lib, "curl_multi_perform", &api.multi_perform);
  Resolve(lib, "curl_multi_poll", &api.multi_poll);
  Resolve(lib, "curl_multi_info_read", &api.multi_info_read);
  CURLcode (*global_init)(long) = nullptr;
  Resolve(lib, "curl_global_init", &global_init);
  if (global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    throw RuntimeError(std::string("live verification: ") + kLibrary + " failed to initialise");
  }
  return api;
}

}  // namespace

const CurlApi& Curl() {
  // A failed load is retried by the next caller (call_once does not complete on a throw).
  static std::once_flag once;
  static CurlApi api;
  std::call_once(once, [] { api = Load(); });
  return api;
}

}  // namespace sprawl
