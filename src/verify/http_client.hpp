// Concurrent HTTPS requests over the libcurl multi interface, for verifiers and revokers.
// Fixed safety settings that no caller can loosen: https only, TLS peer and host
// verification on, redirects never followed, bounded response size. Per host, requests are
// spaced by a minimum interval; 429 and 5xx answers are retried a bounded number of times
// with exponential backoff, honouring Retry-After up to a bound.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace sprawl {

struct HttpRequest {
  std::string method = "GET";
  std::string url;  // already checked by the egress policy
  std::vector<std::pair<std::string, std::string>> headers;
  bool has_body = false;
  std::string body;
  bool has_basic_auth = false;
  std::string basic_username;
  std::string basic_password;
};

struct HttpResponse {
  bool completed = false;  // false: transport failure, see `error`
  std::string error;       // "timeout", "TLS error: ...", "connection failed: ..."
  long status = 0;
  std::map<std::string, std::string> headers;  // lower-case names; last value wins
  std::string body;                            // truncated at kMaxBodyBytes
  int attempts = 0;
};

struct HttpClientOptions {
  static constexpr std::size_t kMaxBodyBytes = 1 << 20;
  int concurrency = 8;
  double timeout_seconds = 10;
  int max_retries = 2;  // extra attempts after a 429 or 5xx
  double backoff_initial_seconds = 0.5;
  double max_retry_after_seconds = 10;  // a longer Retry-After ends the retries
  double per_host_interval_seconds = 0.1;
  std::string ca_file;  // extra trust anchor (test-only override); "" = system
};

// Runs every request and returns the responses in the same order. Never throws for a
// failed request: failures are described in the response.
std::vector<HttpResponse> PerformHttpRequests(const std::vector<HttpRequest>& requests,
                                              const HttpClientOptions& options);

}  // namespace sprawl
