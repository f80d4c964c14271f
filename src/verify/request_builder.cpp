#include "verify/request_builder.hpp"

namespace sprawl {
namespace {

bool Render(const std::string& text, const TemplateVars& vars, std::string* out,
            std::string* error) {
  auto tpl = ParseTemplate(text, error);
  if (!tpl) return false;
  *out = RenderTemplate(*tpl, vars);
  return true;
}

// CR, LF or NUL in a header value would let content inject headers.
bool SafeHeaderValue(const std::string& v) {
  return v.find_first_of(std::string("\r\n\0", 3)) == std::string::npos;
}

}  // namespace

bool BuildRequest(const HttpRequestSpec& spec, const TemplateVars& vars, const EgressPolicy& egress,
                  HttpRequest* out, std::string* error) {
  UrlParts declared;
  if (!ParseUrl(spec.url, &declared, error)) return false;
  std::string path;
  if (!Render(declared.path_and_query, vars, &path, error)) return false;
  HttpRequest req;
  req.method = spec.method;
  if (!egress.BuildUrl(spec.url, path, &req.url, error)) return false;
  for (const auto& [name, value] : spec.headers) {
    std::string rendered;
    if (!Render(value, vars, &rendered, error)) return false;
    if (!SafeHeaderValue(rendered)) {
      *error = "unsafe character in header " + name;
      return false;
    }
    req.headers.emplace_back(name, rendered);
  }
  if (!spec.content_type.empty()) req.headers.emplace_back("Content-Type", spec.content_type);
  if (spec.has_basic_auth) {
    req.has_basic_auth = true;
    if (!Render(spec.basic_username, vars, &req.basic_username, error) ||
        !Render(spec.basic_password, vars, &req.basic_password, error)) {
      return false;
    }
    if (!SafeHeaderValue(req.basic_username) || !SafeHeaderValue(req.basic_password)) {
      *error = "unsafe character in basic auth";
      return false;
    }
  }
  if (!spec.body.empty()) {
    req.has_body = true;
    if (!Render(spec.body, vars, &req.body, error)) return false;
  } else if (spec.method == "POST" || spec.method == "PUT" || spec.method == "PATCH") {
    req.has_body = true;  // an explicit empty body, so a Content-Length: 0 is sent
  }
  *out = std::move(req);
  return true;
}

}  // namespace sprawl
