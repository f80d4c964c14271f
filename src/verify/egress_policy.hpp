// Where secrets may be sent. A request URL is always assembled from the scheme, host and
// port written literally in the rule and a rendered path; nothing found in scanned content
// can reach the authority part. The single exception is the test-only override
// (SPRAWL_VERIFY_OVERRIDE), which is accepted only for an https loopback origin.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sprawl/rule.hpp"
#include "verify/url.hpp"

namespace sprawl {

class EgressPolicy {
 public:
  static constexpr const char* kOverrideEnv = "SPRAWL_VERIFY_OVERRIDE";
  static constexpr const char* kCaFileEnv = "SPRAWL_VERIFY_CA_FILE";

  // No override: requests go to the rules' own hosts.
  EgressPolicy() = default;
  // Reads the override variables; throws UsageError when the override is not an https URL
  // on 127.0.0.1, ::1 or localhost, or when a CA file is given without an override.
  static EgressPolicy FromEnvironment();
  // Same check for explicit values (tests).
  static EgressPolicy WithOverride(const std::string& origin, const std::string& ca_file);

  // The URL to contact for a rule URL `declared` (validated at rule load) once its path and
  // query are rendered as `rendered_path`. Returns false with `*error` when the rendered path
  // holds characters that could change the request (control characters, spaces, '#', '\').
  bool BuildUrl(const std::string& declared, const std::string& rendered_path, std::string* url,
                std::string* error) const;

  bool overridden() const { return override_.has_value(); }
  const std::string& ca_file() const { return ca_file_; }

 private:
  std::optional<UrlParts> override_;
  std::string ca_file_;
};

// One host a rule may contact, for `sprawl rules endpoints`.
struct Endpoint {
  std::string rule_id;
  std::string purpose;  // verify | revoke
  std::string method;
  std::string host;  // host[:port]
};

inline constexpr const char* kAwsStsHost = "sts.amazonaws.com";

// Every host the rules may send a secret to, in rule order (verify before revoke).
std::vector<Endpoint> ListEndpoints(const std::vector<Rule>& rules);

}  // namespace sprawl
