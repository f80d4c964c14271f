#include "filters/candidate_filter.hpp"

#include <re2/re2.h>

#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "filters/checksum.hpp"
#include "filters/entropy.hpp"
#include "filters/placeholder.hpp"
#include "filters/stored_value.hpp"
#include "owners/token_metadata.hpp"
#include "util/sha256.hpp"
#include "util/text.hpp"

namespace sprawl {

const char* ToString(FilterVerdict v) {
  switch (v) {
    case FilterVerdict::kKeep:
      return "kept";
    case FilterVerdict::kLowEntropy:
      return "low entropy";
    case FilterVerdict::kPlaceholder:
      return "placeholder";
    case FilterVerdict::kBadChecksum:
      return "bad checksum";
    case FilterVerdict::kAllowComment:
      return "sprawl:allow comment";
    case FilterVerdict::kAllowlisted:
      return "allowlisted";
  }
  return "?";
}

SecretAllowlist::SecretAllowlist(std::vector<std::string> sha256_hex,
                                 const std::vector<std::string>& patterns)
    : hashes_(sha256_hex.begin(), sha256_hex.end()) {
  for (const auto& p : patterns)
    patterns_.push_back(std::make_unique<RE2>(p, RE2::Quiet));
}
SecretAllowlist::~SecretAllowlist() = default;
SecretAllowlist::SecretAllowlist(SecretAllowlist&&) noexcept = default;
SecretAllowlist& SecretAllowlist::operator=(SecretAllowlist&&) noexcept = default;

bool SecretAllowlist::Allows(std::string_view secret, const std::string& secret_sha256) const {
  if (hashes_.count(secret_sha256)) return true;
  for (const auto& re : patterns_) {
    if (re->ok() && RE2::PartialMatch(re2::StringPiece(secret.data(), secret.size()), *re)) {
      return true;
    }
  }
  return false;
}

namespace {

// A hex string carries at most 4 bits per character, and 32 random hex digits average only
// ~3.7: a rule's minimum set for mixed alphabets (3.5 for generic tokens) would drop one
// random 128-bit key in eight. Long hex values are held to 3.0 at most instead (a string
// below that repeats a handful of digits). So are UUIDs (8-4-4-4-12 hex digits: Heroku, Snyk,
// Consul, Splunk HEC and Scaleway credentials take that form), whose dashes leave a random
// one at ~3.7 too.
double EntropyMinimum(std::string_view secret, double rule_minimum) {
  constexpr std::size_t kLongHex = 32;
  constexpr double kHexMinimum = 3.0;
  if (secret.size() < kLongHex || rule_minimum <= kHexMinimum) return rule_minimum;
  const bool uuid_shape = secret.size() == 36 && secret[8] == '-' && secret[13] == '-' &&
                          secret[18] == '-' && secret[23] == '-';
  for (std::size_t i = 0; i < secret.size(); ++i) {
    const bool dash = uuid_shape && (i == 8 || i == 13 || i == 18 || i == 23);
    if (!dash && !std::isxdigit(static_cast<unsigned char>(secret[i]))) return rule_minimum;
  }
  return kHexMinimum;
}

// The name a value is assigned to: the last run of identifier characters before the
// value, which starts at `at` on its line (`"hashed_secret": "…"` → hashed_secret,
// `searchOnlyApiKey: '…'` → searchOnlyApiKey). Empty when nothing precedes it.
std::string_view AssignedName(std::string_view line, std::size_t at) {
  std::size_t end = at;
  auto word = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
  };
  while (end > 0 && !word(line[end - 1]))
    --end;
  std::size_t begin = end;
  while (begin > 0 && word(line[begin - 1]))
    --begin;
  return line.substr(begin, end - begin);
}

// Whether the value (at `at` on its line) follows an ARN-style colon directly, or its name
// is a type name with a capitalised namespace (`AWS::SecretsManager::Secret`).
bool NamespacedName(std::string_view line, std::size_t at) {
  if (at == 0) return false;
  if (line[at - 1] == ':') return true;
  std::size_t end = at;
  while (end > 0 && (line[end - 1] == '"' || line[end - 1] == '\'' || line[end - 1] == ' ' ||
                     line[end - 1] == '\t' || line[end - 1] == ':' || line[end - 1] == '=')) {
    --end;
  }
  std::size_t begin = end;
  while (begin > 0 && (std::isalnum(static_cast<unsigned char>(line[begin - 1])) ||
                       line[begin - 1] == ':' || line[begin - 1] == '_')) {
    --begin;
  }
  const std::string_view name = line.substr(begin, end - begin);
  return name.find("::") != std::string_view::npos && !name.empty() &&
         std::isupper(static_cast<unsigned char>(name.front()));
}

// Whether an unquoted value is a dotted reference to something else (`self.token2`,
// `config.api_key`, `settings.v2.SECRET`) rather than a token that holds dots (Prismic's
// `MC5i….KeSz_…`): every segment is an identifier with at most two digits. An empty segment
// (`../keys`, a trailing full stop) is a path or prose.
bool DottedReference(std::string_view value) {
  if (value.find('.') == std::string_view::npos) return false;
  std::size_t from = 0;
  for (;;) {
    const std::size_t dot = value.find('.', from);
    const std::string_view seg = value.substr(from, dot - from);
    if (seg.empty()) return true;
    const char first = seg.front();
    if (!std::isalpha(static_cast<unsigned char>(first)) && first != '_' && first != '$') {
      return false;
    }
    int digits = 0;
    for (const char c : seg) {
      if (std::isdigit(static_cast<unsigned char>(c))) {
        ++digits;
      } else if (!std::isalpha(static_cast<unsigned char>(c)) && c != '_' && c != '$') {
        return false;
      }
    }
    if (digits > 2) return false;
    if (dot == std::string_view::npos) return true;
    from = dot + 1;
  }
}

// A key of a provider's test or sandbox mode, by the word its prefix holds: `sk_test_…`,
// `shippo_test_…`, `FLWSECK_TEST-…`, `sk_sbox_…`, `test_…`. The rules that know such formats
// are tagged test-mode and run only when asked; a generic rule must not report them instead.
bool TestModeValue(std::string_view value) {
  std::size_t from = 0;
  for (int segment = 0; segment < 3 && from < value.size(); ++segment) {
    const std::size_t end = value.find_first_of("_-", from);
    if (end == std::string_view::npos) return false;  // the last segment is the key itself
    const std::string word = ToLower(value.substr(from, end - from));
    if (word == "test" || word == "sandbox" || word == "sbox" || word == "testnet") return true;
    from = end + 1;
  }
  return false;
}

// A JWT whose claims make it a key meant for browsers: Supabase's anon key
// ({"iss": "supabase", "role": "anon", …}) works only as far as row-level security lets
// anyone, and is published in every client app.
bool PublicClientJwt(std::string_view value) {
  if (!StartsWith(value, "eyJ")) return false;
  const std::optional<owners::JwtClaims> claims = owners::DecodeJwt(value);
  return claims && claims->role == "anon";
}

// The word before "token" in the name of a token that grants nothing: `csrf_token`,
// `nextPageToken`, `device_token`, `cancellationToken`.
bool NonCredentialTokenKind(std::string_view w) {
  static constexpr std::string_view kKinds[] = {
      "csrf",       "xsrf",       "page",        "continuation", "cancellation", "cancel",
      "sync",       "pagination", "cursor",      "device",       "push",         "fcm",
      "apns",       "captcha",    "recaptcha",   "hcaptcha",     "turnstile",    "lexer",
      "parser",     "syntax",     "end",         "start",        "next",         "prev",
      "previous",   "resume",     "antiforgery", "forgery",      "request",      "client",
      "idempotency"};
  for (const auto k : kKinds) {
    if (w == k) return true;
  }
  return false;
}

// Names whose values are meant to be seen or are derived from a secret, never the secret:
// detect-secrets' `hashed_secret`, `password_hash`, `secret_digest`, Algolia's
// `searchOnlyApiKey`, `publicKey`, `publishable_key`. Checked word by word (snake_case,
// kebab-case, camelCase) so that `HASHICORP_TOKEN` or `republish_key` are not.
bool NonSecretName(std::string_view name) {
  std::vector<std::string> words(1);
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (c == '_' || c == '-' || c == '.') {
      if (!words.back().empty()) words.emplace_back();
      continue;
    }
    const bool upper = std::isupper(static_cast<unsigned char>(c));
    if (upper && i > 0 && std::islower(static_cast<unsigned char>(name[i - 1])) &&
        !words.back().empty()) {
      words.emplace_back();
    }
    words.back().push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w == "hash" || w == "hashed" || w == "digest" || w == "checksum" || w == "fingerprint" ||
        w == "publishable") {
      return true;
    }
    // `publicKey`, but not Segment's `PUBLIC_API_TOKEN` (a secret token for its Public API).
    if ((w == "public" && i + 1 < words.size() && words[i + 1] == "key") || w == "publickey") {
      return true;
    }
    if (w == "search" && i + 1 < words.size() && words[i + 1] == "only") return true;
    if (w == "searchonly") return true;
    // Tokens that are no credential: anti-forgery tokens, pagination cursors, device and
    // push registrations, CAPTCHA responses, cancellation tokens, lexer tokens.
    const bool before_token = i + 1 < words.size() && words[i + 1] == "token";
    if (before_token && NonCredentialTokenKind(w)) return true;
    if (w.size() > 5 && w.compare(w.size() - 5, 5, "token") == 0 &&
        NonCredentialTokenKind(w.substr(0, w.size() - 5))) {
      return true;  // csrftoken, pagetoken
    }
  }
  return false;
}

}  // namespace

FilterResult EvaluateCandidate(const FilterInput& in, const SecretAllowlist* allowlist,
                               std::string* secret_sha256_out) {
  FilterResult r;
  r.entropy = ShannonEntropy(in.secret);
  if (r.entropy < EntropyMinimum(in.secret, in.rule->entropy)) {
    r.verdict = FilterVerdict::kLowEntropy;
    return r;
  }
  const bool generic = in.rule->IsGeneric();
  const bool assignment = in.rule->HasTag("assignment");  // a generic assignment rule
  // Where the value sits on its line, for the checks of what it is assigned to (found once).
  const std::size_t secret_at = assignment ? in.line.find(in.secret) : std::string_view::npos;
  const bool on_line = secret_at != std::string_view::npos;
  // A generic keyword right after ':' is part of a namespaced name, not an assignment key:
  // `arn:aws:secretsmanager:…:secret:MyDb-a1b2c3`, `"AWS::SecretsManager::Secret": "…"`.
  // That is an ARN (the value glued to the colon) or a CloudFormation type name
  // (`"AWS::SecretsManager::Secret": "c851…"`); `"Box:ClientSecret": "…"` (.NET user
  // secrets) and `profile::app::password: "…"` (Hiera) are assignments.
  const bool namespaced_keyword =
      in.before_match == ':' && on_line && NamespacedName(in.line, secret_at);
  // Publishable keys are meant for browsers (Stripe `pk_live_…`, Mapbox `pk.eyJ…`): assigned
  // to `accessToken` or `apiKey` they are still not secrets. Provider rules know their own.
  const bool publishable =
      assignment && (StartsWith(in.secret, "pk_") || StartsWith(in.secret, "pk."));
  // What a system stores in place of a password (a hash, ciphertext) is no credential; nor
  // is a resource name (`encryptionKey: "arn:aws:kms:…:key/…"` names a KMS key).
  // (Generic rules only: a provider's rule knows its own format. For a user:password pair,
  // the password.)
  const std::size_t colon = in.secret.find(':');
  const bool stored = generic && (StoredValueKind(in.secret) != nullptr ||
                                  (assignment && StartsWith(in.secret, "arn:")) ||
                                  (colon != std::string_view::npos &&
                                   StoredValueKind(in.secret.substr(colon + 1)) != nullptr));
  // A hash of a secret, a public or search-only key: named as such where it is assigned.
  const bool not_secret_name = on_line && NonSecretName(AssignedName(in.line, secret_at));
  // An unquoted value with dots that reads as code (the quoted form is a string literal).
  const bool quoted = on_line && secret_at > 0 &&
                      (in.line[secret_at - 1] == '"' || in.line[secret_at - 1] == '\'' ||
                       in.line[secret_at - 1] == '`');
  const bool reference = on_line && !quoted && DottedReference(in.secret);
  const bool test_key = generic && TestModeValue(in.secret);
  const bool public_jwt = generic && PublicClientJwt(in.secret);
  // Azure DevOps PATs and X bearer tokens hold runs of 'A' by format (zero bytes encoded).
  const bool check_runs = !in.rule->HasTag("fixed-runs");
  if (namespaced_keyword || publishable || stored || not_secret_name || reference || test_key ||
      public_jwt || PlaceholderReason(in.secret, check_runs) != nullptr) {
    r.verdict = FilterVerdict::kPlaceholder;
    return r;
  }
  if (!in.rule->checksum.empty()) {
    if (!VerifyChecksum(in.rule->checksum, in.secret)) {
      r.verdict = FilterVerdict::kBadChecksum;
      return r;
    }
    r.checksum_valid = true;
  }
  if (in.line.find(kAllowMarker) != std::string_view::npos) {
    r.verdict = FilterVerdict::kAllowComment;
    return r;
  }
  *secret_sha256_out = Sha256Hex(in.secret);
  if (allowlist && allowlist->Allows(in.secret, *secret_sha256_out)) {
    r.verdict = FilterVerdict::kAllowlisted;
  }
  return r;
}

}  // namespace sprawl
