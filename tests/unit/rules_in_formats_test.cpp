// Every shipped rule's examples, written the way files and logs hold them: in a YAML block,
// with CRLF line ends, after a log timestamp, in a Markdown fence, in a comment, indented
// with tabs, as a JSON string, percent-encoded in a URL and escaped in an XML attribute. Each must
// still be found by its own rule with its secret (a rule example passing only on its bare line
// would say little about real files).
#include <catch2/catch.hpp>

#include <cctype>
#include <functional>
#include <nlohmann/json.hpp>

#include "findings/content_scanner.hpp"
#include "rules/rule_set.hpp"

using namespace sprawl;

namespace {

struct Wrapper {
  const char* name;
  std::function<std::string(const std::string&)> wrap;
};

// As an XML writer escapes an attribute value.
std::string XmlEscape(const std::string& s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#x27;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

const std::vector<Wrapper>& Wrappers() {
  static const std::vector<Wrapper> all = {
      {"yaml block", [](const std::string& s) { return "steps:\n  - run: |\n      " + s + "\n"; }},
      {"crlf", [](const std::string& s) { return "x = 1\r\n" + s + "\r\ny = 2\r\n"; }},
      {"log line",
       [](const std::string& s) { return "2026-01-01T12:00:00.123Z [info] " + s + "\n"; }},
      {"markdown fence", [](const std::string& s) { return "# Setup\n\n```sh\n" + s + "\n```\n"; }},
      {"comment", [](const std::string& s) { return "# " + s + "\n"; }},
      {"tabs", [](const std::string& s) { return "\t\t" + s + "\n"; }},
      {"json string",
       [](const std::string& s) {
         return nlohmann::json{{"cmd", s}}.dump() + "\n";
       }},
      {"url query",
       [](const std::string& s) {
         std::string q;
         for (const unsigned char c : s) {
           if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
             q += static_cast<char>(c);
           } else {
             q += "%" + std::string(1, "0123456789ABCDEF"[c >> 4]) + "0123456789ABCDEF"[c & 15];
           }
         }
         return "https://example.com/run?cmd=" + q + "\n";
       }},
      {"xml attribute",
       [](const std::string& s) {
         return "<setting name=\"cmd\" value=\"" + XmlEscape(s) + "\"/>\n";
       }},
  };
  return all;
}

}  // namespace

TEST_CASE("every rule example is found by its rule inside common file formats") {
  auto engine = Engine::Create(RuleSet::Embedded(), EngineOptions{});
  Scanner scanner(*engine);
  ContentScanner content(scanner, nullptr);
  std::size_t checked = 0;
  for (const Rule& rule : engine->rules()) {
    for (const auto& example : rule.examples) {
      if (example.input.find('\n') != std::string::npos) continue;  // multi-line: as written
      for (const Wrapper& w : Wrappers()) {
        std::vector<Finding> found;
        ScanStats stats;
        content.ScanAll(w.wrap(example.input), "f.txt", &found, &stats);
        bool own = false, same_secret = false, own_rule = false;
        for (const Finding& f : found) {
          own = own || (f.rule == &rule && f.secret == example.secret);
          own_rule = own_rule || f.rule == &rule;
          same_secret = same_secret || f.secret == example.secret;
        }
        // In a JSON string a secret holding a backslash (a PEM key with \n escapes) is
        // written with it doubled, and its rule reports it as written; a keyword-context
        // rule may lose to a provider rule that also knows the token. Either way the secret
        // is still found.
        // In a URL query string the rule may match as written, where a token glued to the
        // %XX before it takes in its hex digits: its rule must still report it.
        const bool escaped = example.secret.find('\\') != std::string::npos;
        const std::string name = w.name;
        const bool ok = own || (name == "json string" && (same_secret || (own_rule && escaped))) ||
                        (name == "url query" && (same_secret || own_rule)) ||
                        (name == "xml attribute" && same_secret);
        if (!ok) {
          FAIL_CHECK(rule.id << " in " << w.name << ": " << example.input);
        }
        ++checked;
      }
    }
  }
  CHECK(checked >= 9 * 900);
}
