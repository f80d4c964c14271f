// Turns a provider's HTTP response into a verification result using the rule's declared
// response shapes. `verified` is checked before `invalid`; anything else is `unknown` with a
// reason. Being wrong with verified/invalid is worse than unknown, so a condition matches
// only when every part of it holds.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "sprawl/finding.hpp"
#include "sprawl/verify_spec.hpp"
#include "verify/http_client.hpp"

namespace sprawl {

// The scalar at a dotted path ("user.login", "items.0.id") in text form, or nullopt.
std::optional<std::string> JsonScalarAt(const nlohmann::json& doc, const std::string& path);

// True when every part of `condition` holds for `response` (`json` is the parsed body or
// null when it is not JSON).
bool ConditionHolds(const ResponseCondition& condition, const HttpResponse& response,
                    const nlohmann::json* json);

// Classifies a response against a rule's verify spec.
Verification ClassifyResponse(const VerifySpec& spec, const HttpResponse& response);

// Unknown with a reason for a response no condition matched (transport errors included).
std::string UnmatchedReason(const HttpResponse& response, bool body_is_json);

}  // namespace sprawl
