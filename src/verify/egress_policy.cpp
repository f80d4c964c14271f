#include "verify/egress_policy.hpp"

#include <cstdlib>

#include "sprawl/error.hpp"
#include "util/escape.hpp"

namespace sprawl {
namespace {

std::string HostPort(const UrlParts& u) {
  return u.explicit_port ? u.host + ":" + std::to_string(u.port) : u.host;
}

}  // namespace

EgressPolicy EgressPolicy::FromEnvironment() {
  const char* origin = std::getenv(kOverrideEnv);
  const char* ca = std::getenv(kCaFileEnv);
  if (!origin || !*origin) {
    if (ca && *ca) {
      throw UsageError(std::string(kCaFileEnv) + " is only accepted together with " + kOverrideEnv +
                       " (test-only)");
    }
    return EgressPolicy();
  }
  return WithOverride(origin, ca ? ca : "");
}

EgressPolicy EgressPolicy::WithOverride(const std::string& origin, const std::string& ca_file) {
  UrlParts parts;
  std::string error;
  const std::string shown = EscapeForTerminal(origin);
  if (!ParseUrl(origin, &parts, &error)) {
    throw UsageError(std::string(kOverrideEnv) + " '" + shown + "' refused: " + error);
  }
  if (parts.scheme != "https") {
    throw UsageError(std::string(kOverrideEnv) + " '" + shown + "' refused: must be https");
  }
  if (!IsLoopbackHost(parts.host)) {
    throw UsageError(std::string(kOverrideEnv) + " '" + shown +
                     "' refused: the test-only override must point at a loopback address "
                     "(127.0.0.1, ::1, localhost)");
  }
  if (parts.path_and_query != "/") {
    throw UsageError(std::string(kOverrideEnv) + " '" + shown +
                     "' refused: give only https://host:port");
  }
  EgressPolicy policy;
  policy.override_ = parts;
  policy.ca_file_ = ca_file;
  return policy;
}

bool EgressPolicy::BuildUrl(const std::string& declared, const std::string& rendered_path,
                            std::string* url, std::string* error) const {
  UrlParts rule_url;
  if (!ParseUrl(declared, &rule_url, error) || rule_url.scheme != "https") {
    *error = "rule URL is not a literal https URL";
    return false;
  }
  if (rendered_path.empty() || rendered_path.front() != '/') {
    *error = "rendered path does not start with '/'";
    return false;
  }
  for (unsigned char c : rendered_path) {
    if (c <= 0x20 || c >= 0x7f || c == '#' || c == '\\') {
      *error = "unsafe character in the rendered URL (use the | url filter)";
      return false;
    }
  }
  const UrlParts& target = override_ ? *override_ : rule_url;
  *url = target.Origin() + rendered_path;
  // Defence in depth: the assembled URL must parse back to the same host and port.
  UrlParts check;
  if (!ParseUrl(*url, &check, error) || check.host != target.host || check.port != target.port) {
    *error = "assembled URL does not keep the declared host";
    return false;
  }
  return true;
}

std::vector<Endpoint> ListEndpoints(const std::vector<Rule>& rules) {
  std::vector<Endpoint> out;
  for (const Rule& r : rules) {
    if (r.verify) {
      if (r.verify->type == VerifySpec::kTypeAwsSts) {
        out.push_back(Endpoint{r.id, "verify", "POST", kAwsStsHost});
      } else {
        UrlParts u;
        std::string error;
        if (ParseUrl(r.verify->request.url, &u, &error)) {
          out.push_back(Endpoint{r.id, "verify", r.verify->request.method, HostPort(u)});
        }
      }
    }
    if (r.revoke) {
      UrlParts u;
      std::string error;
      if (ParseUrl(r.revoke->request.url, &u, &error)) {
        out.push_back(Endpoint{r.id, "revoke", r.revoke->request.method, HostPort(u)});
      }
    }
  }
  return out;
}

}  // namespace sprawl
