#include "verify/url.hpp"

#include <cctype>

#include "util/text.hpp"

namespace sprawl {
namespace {

bool IsHostChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.';
}

bool ValidHost(std::string_view host) {
  if (host.empty()) return false;
  if (host.front() == '[') {
    if (host.size() < 3 || host.back() != ']') return false;
    for (char c : host.substr(1, host.size() - 2)) {
      if (!std::isxdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.') return false;
    }
    return true;
  }
  if (host.front() == '.' || host.front() == '-' || host.back() == '-') return false;
  for (char c : host) {
    if (!IsHostChar(c)) return false;
  }
  return true;
}

}  // namespace

std::string UrlParts::Origin() const {
  std::string out = scheme;
  out.append("://").append(host);
  if (explicit_port) out.append(":").append(std::to_string(port));
  return out;
}

bool ParseUrl(std::string_view url, UrlParts* out, std::string* error) {
  const size_t sep = url.find("://");
  if (sep == std::string_view::npos || sep == 0) {
    *error = "not an absolute URL (expected https://host/path)";
    return false;
  }
  UrlParts parts;
  parts.scheme = ToLower(url.substr(0, sep));
  std::string_view rest = url.substr(sep + 3);
  const size_t end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, end);
  std::string_view tail = end == std::string_view::npos ? std::string_view() : rest.substr(end);
  if (authority.find("{{") != std::string_view::npos ||
      authority.find('{') != std::string_view::npos) {
    *error = "the host and port must be literal (no templates)";
    return false;
  }
  if (authority.find('@') != std::string_view::npos) {
    *error = "user info in the URL authority is not allowed";
    return false;
  }
  std::string_view host = authority;
  const size_t colon = authority.rfind(':');
  const size_t bracket = authority.rfind(']');
  if (colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket)) {
    host = authority.substr(0, colon);
    std::string_view port = authority.substr(colon + 1);
    int value = 0;
    if (port.empty() || port.size() > 5) {
      *error = "invalid port";
      return false;
    }
    for (char c : port) {
      if (!std::isdigit(static_cast<unsigned char>(c))) {
        *error = "invalid port";
        return false;
      }
      value = value * 10 + (c - '0');
    }
    if (value < 1 || value > 65535) {
      *error = "invalid port";
      return false;
    }
    parts.port = value;
    parts.explicit_port = true;
  } else if (parts.scheme == "http") {
    parts.port = 80;
  }
  if (!ValidHost(host)) {
    *error = "invalid host '" + std::string(host) + "'";
    return false;
  }
  parts.host = ToLower(host);
  if (!tail.empty() && tail.front() == '#') tail = {};
  // Built by append: GCC 12 reports a false -Wrestrict on "/" + std::string (PR105329).
  std::string path;
  path.reserve(tail.size() + 1);
  if (tail.empty() || tail.front() != '/') path.push_back('/');
  path.append(tail);
  parts.path_and_query = std::move(path);
  *out = std::move(parts);
  return true;
}

bool IsLoopbackHost(std::string_view host) {
  const std::string h = ToLower(host);
  if (h == "localhost" || h == "[::1]" || h == "::1") return true;
  if (!StartsWith(h, "127.")) return false;
  int dots = 0;
  for (char c : h) {
    if (c == '.') {
      ++dots;
    } else if (!std::isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return dots == 3;
}

}  // namespace sprawl
