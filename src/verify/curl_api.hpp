// libcurl, loaded on first use. Only `--verify` and `sprawl revoke` talk to the network, yet
// linking libcurl made every run load it and its ~30 dependencies (TLS, LDAP, Kerberos, …):
// 12 ms of the start-up of a one-file scan on the standard machine. Loading it with dlopen
// when the first request is made keeps that cost off every other run.
#pragma once

#include <curl/curl.h>

namespace sprawl {

struct CurlApi {
  CURLcode (*easy_setopt)(CURL*, CURLoption, ...);
  CURLcode (*easy_getinfo)(CURL*, CURLINFO, ...);
  CURL* (*easy_init)();
  void (*easy_cleanup)(CURL*);
  const char* (*easy_strerror)(CURLcode);
  curl_slist* (*slist_append)(curl_slist*, const char*);
  void (*slist_free_all)(curl_slist*);
  CURLM* (*multi_init)();
  CURLMcode (*multi_cleanup)(CURLM*);
  CURLMcode (*multi_add_handle)(CURLM*, CURL*);
  CURLMcode (*multi_remove_handle)(CURLM*, CURL*);
  CURLMcode (*multi_perform)(CURLM*, int*);
  CURLMcode (*multi_poll)(CURLM*, curl_waitfd*, unsigned int, int, int*);
  CURLMsg* (*multi_info_read)(CURLM*, int*);
};

// The loaded and globally initialised library. Throws RuntimeError naming the library when
// it cannot be loaded (libcurl4 is a dependency of the package, so only a broken install).
const CurlApi& Curl();

}  // namespace sprawl
