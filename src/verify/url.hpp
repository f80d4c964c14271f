// The parts of an https URL that the egress policy cares about. Deliberately strict: the
// scheme, host and port of a verifier URL are literal text from the rule, never templated.
#pragma once

#include <string>
#include <string_view>

namespace sprawl {

struct UrlParts {
  std::string scheme;  // lower-case
  std::string host;    // lower-case; IPv6 literals keep their brackets
  int port = 443;
  bool explicit_port = false;
  std::string path_and_query;  // starts with '/' ("/" when the URL has no path)

  // scheme://host[:port]
  std::string Origin() const;
};

// Parses `url`. Returns false with `*error` set when it is not scheme://host[:port][/...],
// when the authority holds user info, templates ("{{"), percent escapes or characters not
// allowed in a host name, or when the port is not a number in 1..65535.
bool ParseUrl(std::string_view url, UrlParts* out, std::string* error);

// True for 127.0.0.1 (any 127/8 address), ::1 and localhost.
bool IsLoopbackHost(std::string_view host);

}  // namespace sprawl
