// Renders a rule's declared request (verify or revoke) with the secret and companions into
// an HttpRequest whose URL the egress policy assembled.
#pragma once

#include <string>

#include "sprawl/verify_spec.hpp"
#include "verify/egress_policy.hpp"
#include "verify/http_client.hpp"
#include "verify/template.hpp"

namespace sprawl {

// Returns false with `*error` when a template does not parse or a rendered value holds
// characters that could split a header or change the URL.
bool BuildRequest(const HttpRequestSpec& spec, const TemplateVars& vars, const EgressPolicy& egress,
                  HttpRequest* out, std::string* error);

}  // namespace sprawl
