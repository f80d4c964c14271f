// `sprawl revoke --rule ID`: revoke a leaked token through its provider's own API, for
// providers that let whoever holds a token revoke it. The secret is read from stdin (never
// argv, which other users can read in the process list). Dry run unless --yes.
#include <re2/re2.h>
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <iterator>

#include "cli/commands.hpp"
#include "cli/engine_setup.hpp"
#include "engine/rule_matcher.hpp"
#include "findings/content_scanner.hpp"
#include "rules/rule_loader.hpp"
#include "rules/rule_set.hpp"
#include "rules/rule_validation.hpp"
#include "sprawl/error.hpp"
#include "util/escape.hpp"
#include "util/text.hpp"
#include "verify/egress_policy.hpp"
#include "verify/request_builder.hpp"
#include "verify/response_matcher.hpp"

namespace sprawl::cli {
namespace {

struct RevokeFlags {
  std::string rule_id;
  bool yes = false;
  double timeout_seconds = 10;
  EngineFlags engine;
};

std::string ReadSecretFromStdin() {
  if (::isatty(STDIN_FILENO)) std::cerr << "sprawl: paste the secret, then press Ctrl-D\n";
  std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  std::string secret(Trim(text));
  if (secret.empty()) throw UsageError("no secret on stdin (pipe it in: sprawl revoke --rule ID)");
  if (secret.find('\n') != std::string::npos) {
    throw UsageError("stdin holds more than one line: give exactly one secret");
  }
  return secret;
}

// Refuses to send something that is not this rule's kind of secret to its provider.
void CheckSecretMatchesRule(const Rule& rule, const std::string& secret) {
  RE2 re(rule.pattern, RuleMatcher::Options());
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(re.NumberOfCapturingGroups()) + 1);
  const bool found = re.ok() && re.Match(secret, 0, secret.size(), RE2::UNANCHORED, groups.data(),
                                         static_cast<int>(groups.size()));
  const std::vector<int> secret_groups = SecretGroupsOf(re);
  const bool is_secret = std::any_of(secret_groups.begin(), secret_groups.end(), [&](int g) {
    return groups[static_cast<std::size_t>(g)] == secret;
  });
  if (!found || !is_secret) {
    throw UsageError("the secret on stdin is not a " + rule.name + " (rule '" + rule.id +
                     "' does not match it); nothing was sent");
  }
}

int RunRevoke(const RevokeFlags& flags) {
  if (!(flags.timeout_seconds > 0) || flags.timeout_seconds > 300) {
    throw UsageError("--timeout must be in (0, 300] seconds");
  }
  const RuleSet rules = RulesInForce(flags.engine.rule_dirs);
  const Rule* rule = rules.Find(flags.rule_id);
  if (!rule) throw UsageError("unknown rule '" + EscapeForTerminal(flags.rule_id) + "'");
  if (!rule->revoke) {
    throw UsageError("rule '" + rule->id +
                     "' has no self-revocation API; follow its guidance instead:\n" +
                     EscapeForTerminal(rule->revocation));
  }
  const EgressPolicy egress = EgressPolicy::FromEnvironment();
  const std::string secret = ReadSecretFromStdin();
  CheckSecretMatchesRule(*rule, secret);
  HttpRequest request;
  std::string error;
  if (!BuildRequest(rule->revoke->request, {{"secret", secret}}, egress, &request, &error)) {
    throw UsageError("cannot build the revocation request: " + error);
  }
  // Shown with a stand-in: the secret may be templated into the path or query.
  HttpRequest shown;
  if (!BuildRequest(rule->revoke->request, {{"secret", "REDACTED"}}, egress, &shown, &error)) {
    shown.url = "(unprintable URL)";
  }
  const std::string what = request.method + " " + EscapeForTerminal(shown.url);
  std::cout << "rule:    " << rule->id << " (" << EscapeForTerminal(rule->name) << ")\n"
            << "secret:  " << EscapeForTerminal(RedactSecret(secret)) << "\n"
            << "action:  " << EscapeForTerminal(rule->revoke->description) << "\n"
            << "request: " << what << "\n";
  if (!flags.yes) {
    std::cout << "dry run: nothing was sent. Run again with --yes to revoke.\n";
    return kExitClean;
  }
  HttpClientOptions options;
  options.timeout_seconds = flags.timeout_seconds;
  options.ca_file = egress.ca_file();
  const HttpResponse response = PerformHttpRequests({request}, options).front();
  const nlohmann::json doc = nlohmann::json::parse(response.body, nullptr, false);
  const nlohmann::json* json = doc.is_discarded() ? nullptr : &doc;
  for (const auto& condition : rule->revoke->revoked) {
    if (ConditionHolds(condition, response, json)) {
      std::cout << "revoked: the provider confirmed (HTTP " << response.status << ")\n";
      std::cout << "next:    " << EscapeForTerminal(rule->revocation) << "\n";
      return kExitClean;
    }
  }
  std::cout << "not confirmed: " << EscapeForTerminal(UnmatchedReason(response, json != nullptr))
            << "\n";
  return kExitRuntimeError;
}

}  // namespace

void RegisterRevoke(CLI::App& app, Action* run) {
  auto flags = std::make_shared<RevokeFlags>();
  CLI::App* cmd = app.add_subcommand(
      "revoke", "Revoke a leaked token through its provider's API (secret read from stdin)");
  cmd->add_option("--rule", flags->rule_id, "Rule id of the secret (see sprawl rules endpoints)")
      ->required();
  cmd->add_flag("--yes", flags->yes, "Really send the revocation (default: dry run)");
  cmd->add_option("--timeout", flags->timeout_seconds, "Seconds before giving up (default 10)");
  AddEngineFlags(cmd, &flags->engine);
  cmd->callback([flags, run] { *run = [flags] { return RunRevoke(*flags); }; });
}

}  // namespace sprawl::cli
