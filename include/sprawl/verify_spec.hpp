// The `verify:` and `revoke:` blocks of a rule: a declarative HTTP request with the secret
// templated in, and the response shapes that mean "live", "revoked/wrong" or "revoked now".
// Parsed by the rule loader, checked by rule validation, executed by src/verify/.
// The schema is documented in docs/rule-format.md and docs/verification.md.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace sprawl {

using NameValueList = std::vector<std::pair<std::string, std::string>>;

// The request a verifier or revoker sends. `url` has a literal https scheme, host and port;
// templates (`{{ secret }}`, `{{ companion | url }}`) may appear in its path and query, in
// header values, in basic-auth fields and in the body.
struct HttpRequestSpec {
  std::string method = "GET";  // GET | POST | PUT | DELETE | HEAD | PATCH
  std::string url;
  NameValueList headers;  // in file order
  bool has_basic_auth = false;
  std::string basic_username;
  std::string basic_password;
  std::string body;
  std::string content_type;

  bool operator==(const HttpRequestSpec&) const = default;
};

// Another part of a multi-part credential: the nearest finding of `rule` in the same
// content, within `within_lines` lines of the secret.
struct CompanionSpec {
  static constexpr int kDefaultWithinLines = 20;
  std::string name;  // template variable name
  std::string rule;  // rule id whose finding supplies the value
  int within_lines = kDefaultWithinLines;

  bool operator==(const CompanionSpec&) const = default;
};

// A dotted JSON path and the scalar values (any of) it must hold. Scalars are compared in
// their text form: YAML `true` matches JSON true and the JSON string "true".
struct JsonExpectation {
  std::string path;
  std::vector<std::string> any_of;

  bool operator==(const JsonExpectation&) const = default;
};

// One response shape; every listed part must hold. An empty condition never matches.
struct ResponseCondition {
  static constexpr const char* kAnyHeaderValue = "*";
  std::vector<int> status;  // any of; empty = any status
  std::vector<JsonExpectation> json;
  std::string body_contains;  // "" = not checked
  NameValueList headers;      // header name -> value, or "*" for present with any value

  bool IsEmpty() const {
    return status.empty() && json.empty() && body_contains.empty() && headers.empty();
  }
  bool operator==(const ResponseCondition&) const = default;
};

// How a rule's secrets are checked live.
struct VerifySpec {
  static constexpr const char* kTypeHttp = "http";
  static constexpr const char* kTypeAwsSts = "aws-sts";  // typed verifier: SigV4 STS call

  std::string type = kTypeHttp;
  HttpRequestSpec request;                  // unused for aws-sts
  std::vector<CompanionSpec> companions;    // aws-sts needs `secret_access_key`
  std::vector<ResponseCondition> verified;  // any of
  std::vector<ResponseCondition> invalid;   // any of
  NameValueList identity;                   // output name -> dotted JSON path

  bool operator==(const VerifySpec&) const = default;
};

// How a rule's secrets can be revoked by whoever holds them (`sprawl revoke`).
struct RevokeSpec {
  HttpRequestSpec request;
  std::vector<ResponseCondition> revoked;  // any of
  std::string description;                 // one line: what the call does

  bool operator==(const RevokeSpec&) const = default;
};

}  // namespace sprawl
