#include "rules/verify_spec_validation.hpp"

#include <cctype>

#include "util/text.hpp"
#include "verify/template.hpp"
#include "verify/url.hpp"

namespace sprawl {
namespace {

using FailFn = std::function<void(const std::string&)>;

void CheckTemplate(const std::string& where, const std::string& text,
                   const std::set<std::string>& vars, const FailFn& fail) {
  std::string error;
  auto tpl = ParseTemplate(text, &error);
  if (!tpl) {
    fail(where + ": " + error);
    return;
  }
  for (const auto& name : TemplateVariables(*tpl)) {
    if (!vars.count(name)) {
      fail(where + ": unknown template variable '" + name +
           "' (known: secret and the declared companions)");
    }
  }
}

void CheckRequest(const std::string& block, const HttpRequestSpec& req,
                  const std::set<std::string>& vars, const FailFn& fail) {
  if (req.url.empty()) {
    fail(block + ".url is required");
    return;
  }
  UrlParts url;
  std::string error;
  if (!ParseUrl(req.url, &url, &error)) {
    fail(block + ".url '" + req.url + "': " + error);
  } else {
    if (url.scheme != "https") fail(block + ".url must use https: " + req.url);
    CheckTemplate(block + ".url", url.path_and_query, vars, fail);
  }
  for (const auto& [name, value] : req.headers) {
    if (name.empty() || name.find("{{") != std::string::npos ||
        name.find_first_of(" :\r\n") != std::string::npos) {
      fail(block + ".headers: invalid header name '" + name + "'");
    }
    if (ToLower(name) == "host") fail(block + ".headers: a Host header is not allowed");
    CheckTemplate(block + ".headers." + name, value, vars, fail);
  }
  if (req.has_basic_auth) {
    CheckTemplate(block + ".basic_auth.username", req.basic_username, vars, fail);
    CheckTemplate(block + ".basic_auth.password", req.basic_password, vars, fail);
  }
  CheckTemplate(block + ".body", req.body, vars, fail);
  if (req.content_type.find("{{") != std::string::npos) {
    fail(block + ".content_type must be literal");
  }
}

bool IsVariableName(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
  }
  return true;
}

void CheckCompanions(const Rule& rule, const std::set<std::string>& rule_ids,
                     std::set<std::string>* vars, const FailFn& fail) {
  for (const auto& c : rule.verify->companions) {
    if (!IsVariableName(c.name) || c.name == "secret") {
      fail("verify.companions: invalid companion name '" + c.name + "'");
    } else if (!vars->insert(c.name).second) {
      fail("verify.companions: duplicate companion name '" + c.name + "'");
    }
    if (c.rule == rule.id) {
      fail("verify.companions." + c.name + ": a companion cannot be the rule itself");
    } else if (!rule_ids.count(c.rule)) {
      fail("verify.companions." + c.name + ": unknown rule '" + c.rule + "'");
    }
  }
}

void CheckVerify(const Rule& rule, const std::set<std::string>& rule_ids, const FailFn& fail) {
  const VerifySpec& v = *rule.verify;
  std::set<std::string> vars = {"secret"};
  CheckCompanions(rule, rule_ids, &vars, fail);
  if (v.type == VerifySpec::kTypeAwsSts) {
    if (!(v.request == HttpRequestSpec{})) {
      fail("verify: type aws-sts builds its own request (no method, url, headers, body)");
    }
    if (!v.verified.empty() || !v.invalid.empty() || !v.identity.empty()) {
      fail("verify: type aws-sts has built-in verified/invalid/identity");
    }
    if (!vars.count("secret_access_key")) {
      fail("verify: type aws-sts needs a companion named secret_access_key");
    }
    return;
  }
  CheckRequest("verify", v.request, vars, fail);
  if (v.verified.empty()) fail("verify.verified is required (the response that means live)");
  for (const auto& [name, path] : v.identity) {
    if (name.empty() || path.empty()) fail("verify.identity: empty name or JSON path");
  }
}

void CheckRevoke(const Rule& rule, const FailFn& fail) {
  const RevokeSpec& r = *rule.revoke;
  CheckRequest("revoke", r.request, {"secret"}, fail);
  if (r.revoked.empty()) fail("revoke.revoked is required (the response that means revoked)");
  if (Trim(r.description).empty()) fail("revoke.description is required");
}

}  // namespace

void ValidateVerification(const Rule& rule, const std::set<std::string>& rule_ids,
                          const FailFn& fail) {
  if (rule.verify) CheckVerify(rule, rule_ids, fail);
  if (rule.revoke) CheckRevoke(rule, fail);
}

}  // namespace sprawl
