// `{{ name | filter }}` templates in verifier requests. Variables are the secret and the
// companions a rule declares; filters escape a value for where it is placed. Nothing else is
// evaluated: no expressions, no lookups, no way for scanned content to add variables.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sprawl {

struct TemplatePart {
  bool is_variable = false;
  std::string text;  // literal text, or the variable name
  std::vector<std::string> filters;
};

using Template = std::vector<TemplatePart>;
using TemplateVars = std::map<std::string, std::string>;

// Parses a template. On a syntax error (unclosed "{{", empty or malformed name, unknown
// filter) returns nullopt and sets `*error`.
std::optional<Template> ParseTemplate(std::string_view text, std::string* error);

// The variable names a template uses, in order of appearance (may repeat).
std::vector<std::string> TemplateVariables(const Template& tpl);

// Renders a parsed template. A variable missing from `vars` renders as "" (validation
// guarantees every variable is known before a request is ever built).
std::string RenderTemplate(const Template& tpl, const TemplateVars& vars);

// Parses and renders; throws std::invalid_argument on a syntax error.
std::string RenderTemplateText(std::string_view text, const TemplateVars& vars);

// The filters, exposed for tests.
std::string JsonEscape(std::string_view s);     // inside a JSON string, without quotes
std::string PercentEncode(std::string_view s);  // RFC 3986 unreserved kept, all else %XX
std::string Base64Encode(std::string_view s);   // standard alphabet, padded

}  // namespace sprawl
