// The AWS typed verifier: an STS GetCallerIdentity call signed with Signature Version 4.
// An access key id is only checkable together with its secret access key (a companion
// finding in the same content); GetCallerIdentity needs no permissions, so any live pair
// answers with its ARN, account and user id.
#pragma once

#include <ctime>
#include <string>
#include <vector>

#include "sprawl/finding.hpp"
#include "verify/egress_policy.hpp"
#include "verify/http_client.hpp"

namespace sprawl {

struct SigV4Request {
  std::string method;
  std::string host;
  std::string path = "/";
  std::string query;  // canonical (already sorted and encoded)
  std::vector<std::pair<std::string, std::string>> headers;  // lower-case names, sorted
  std::string payload;
  std::string region;
  std::string service;
  std::string amz_date;  // YYYYMMDDTHHMMSSZ
};

// HMAC-SHA256 signing key for (secret, YYYYMMDD, region, service), hex.
std::string SigV4SigningKeyHex(const std::string& secret, const std::string& date,
                               const std::string& region, const std::string& service);
std::string SigV4CanonicalRequest(const SigV4Request& r);
std::string SigV4StringToSign(const SigV4Request& r);
// The full Authorization header value.
std::string SigV4Authorization(const SigV4Request& r, const std::string& key_id,
                               const std::string& secret);

inline constexpr const char* kStsBody = "Action=GetCallerIdentity&Version=2011-06-15";

// The signed request for `key_id`/`secret` at time `now`, sent where `egress` allows.
HttpRequest BuildStsRequest(const std::string& key_id, const std::string& secret,
                            const EgressPolicy& egress, std::time_t now);

// verified (identity arn, account, user_id) | invalid (InvalidClientTokenId) | unknown.
Verification ClassifyStsResponse(const HttpResponse& r);

}  // namespace sprawl
