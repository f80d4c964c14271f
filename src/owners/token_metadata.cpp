#include "owners/token_metadata.hpp"

#include <fmt/format.h>

#include <ctime>
#include <nlohmann/json.hpp>

namespace sprawl::owners {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

// base64url (RFC 4648 section 5) without padding, as JWS uses it; also the standard
// alphabet, and '=' padding.
std::optional<std::string> DecodeBase64(std::string_view in) {
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    int v;
    if (c >= 'A' && c <= 'Z')
      v = c - 'A';
    else if (c >= 'a' && c <= 'z')
      v = c - 'a' + 26;
    else if (c >= '0' && c <= '9')
      v = c - '0' + 52;
    else if (c == '-' || c == '+')
      v = 62;
    else if (c == '_' || c == '/')
      v = 63;
    else if (c == '=')
      break;
    else
      return std::nullopt;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return out;
}

namespace {

std::optional<nlohmann::json> JsonObject(std::string_view segment) {
  auto bytes = DecodeBase64(segment);
  if (!bytes) return std::nullopt;
  auto j = nlohmann::json::parse(*bytes, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return std::nullopt;
  return j;
}

std::string StringClaim(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return it->dump();
  if (it->is_array()) {  // "aud" may list several audiences
    std::string joined;
    for (const auto& e : *it)
      if (e.is_string()) joined += (joined.empty() ? "" : ", ") + e.get<std::string>();
    return joined;
  }
  return {};
}

std::optional<std::int64_t> TimeClaim(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return std::nullopt;
  const double v = it->get<double>();
  if (v < -1e15 || v > 1e15) return std::nullopt;  // not a plausible date
  return static_cast<std::int64_t>(v);
}

void AddJwtFacts(const JwtClaims& c, std::int64_t now, TokenFacts* f) {
  if (!c.alg.empty()) f->metadata.emplace_back("jwt.alg", c.alg);
  if (!c.iss.empty()) f->metadata.emplace_back("jwt.iss", c.iss);
  if (!c.sub.empty()) f->metadata.emplace_back("jwt.sub", c.sub);
  if (!c.aud.empty()) f->metadata.emplace_back("jwt.aud", c.aud);
  if (c.iat) f->metadata.emplace_back("jwt.iat", IsoUtc(*c.iat));
  if (c.exp) {
    f->metadata.emplace_back("jwt.exp", IsoUtc(*c.exp));
    f->metadata.emplace_back("expired", *c.exp < now ? "true" : "false");
  }
  if (!c.role.empty()) f->metadata.emplace_back("jwt.role", c.role);
  if (c.iss == "supabase" && !c.ref.empty()) {
    f->metadata.emplace_back("supabase.project_ref", c.ref);
    f->hints.push_back({"supabase-project", c.ref, "secret"});
  }
  if (!c.sub.empty()) f->hints.push_back({"jwt-subject", c.sub, "secret"});
  if (!c.iss.empty()) f->hints.push_back({"jwt-issuer", c.iss, "secret"});
}

int Base32Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= '2' && c <= '7') return c - '2' + 26;
  return -1;
}

// Documented AWS unique-id prefixes that are followed by the same base32 payload.
bool IsAwsKeyPrefix(std::string_view p) {
  static constexpr std::string_view kPrefixes[] = {"AKIA", "ASIA", "ABIA", "ACCA"};
  for (auto k : kPrefixes)
    if (p == k) return true;
  return false;
}

void AddAwsFacts(std::string_view secret, TokenFacts* f) {
  if (secret.size() != 20 || !IsAwsKeyPrefix(secret.substr(0, 4))) return;
  f->metadata.emplace_back("aws.key_type",
                           StartsWith(secret, "ASIA") ? "temporary (STS)" : "long-term");
  if (auto account = AwsAccountFromKeyId(secret)) {
    f->metadata.emplace_back("aws.account_id", *account);
    f->hints.push_back({"aws-account", *account, "secret"});
  }
}

// Reads an id that starts with `lead` and runs over [A-Z0-9] after `marker` in `s`.
std::string IdAfter(std::string_view s, std::string_view marker, char lead) {
  const size_t at = s.find(marker);
  if (at == std::string_view::npos) return {};
  size_t i = at + marker.size();
  if (i >= s.size() || s[i] != lead) return {};
  size_t j = i;
  while (j < s.size() && ((s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= '0' && s[j] <= '9')))
    ++j;
  return std::string(s.substr(i, j - i));
}

void AddSlackFacts(std::string_view secret, TokenFacts* f) {
  auto ids = DecodeSlack(secret);
  if (!ids) return;
  if (!ids->token_type.empty()) f->metadata.emplace_back("slack.token_type", ids->token_type);
  if (!ids->team.empty()) {
    f->metadata.emplace_back("slack.team_id", ids->team);
    f->hints.push_back({"slack-team", ids->team, "secret"});
  }
  if (!ids->app.empty()) {
    f->metadata.emplace_back("slack.app_id", ids->app);
    f->hints.push_back({"slack-app", ids->app, "secret"});
  }
  if (!ids->hook.empty()) f->metadata.emplace_back("slack.webhook_id", ids->hook);
}

void AddStripeFacts(std::string_view s, TokenFacts* f) {
  for (std::string_view kind : {"sk_", "rk_", "pk_"}) {
    if (!StartsWith(s, kind)) continue;
    const auto rest = s.substr(3);
    if (StartsWith(rest, "live_")) f->metadata.emplace_back("stripe.mode", "live");
    if (StartsWith(rest, "test_")) f->metadata.emplace_back("stripe.mode", "test");
  }
}

void AddGithubFacts(std::string_view s, TokenFacts* f) {
  static constexpr std::pair<std::string_view, std::string_view> kKinds[] = {
      {"github_pat_", "fine-grained personal access token"},
      {"ghp_", "personal access token (classic)"},
      {"gho_", "OAuth access token"},
      {"ghu_", "GitHub App user-to-server token"},
      {"ghs_", "GitHub App installation token"},
      {"ghr_", "GitHub App refresh token"}};
  for (const auto& [prefix, kind] : kKinds) {
    if (StartsWith(s, prefix)) {
      f->metadata.emplace_back("github.token_type", std::string(kind));
      return;
    }
  }
}

// scheme://user:password@host/... (database and broker URLs): the account and the host
// name who runs it. Only the user name is kept, never the password.
void AddUrlCredentialFacts(std::string_view s, TokenFacts* f) {
  const size_t scheme = s.find("://");
  if (scheme == std::string_view::npos || scheme == 0) return;
  const std::string_view rest = s.substr(scheme + 3);
  const size_t at = rest.find('@');
  const size_t slash = rest.find('/');
  if (at == std::string_view::npos || (slash != std::string_view::npos && slash < at)) return;
  const std::string_view userinfo = rest.substr(0, at);
  const size_t colon = userinfo.find(':');
  if (colon == std::string_view::npos || colon == 0) return;
  const std::string_view user = userinfo.substr(0, colon);
  std::string_view host = rest.substr(at + 1);
  host = host.substr(0, host.find_first_of("/?#"));
  if (host.empty()) return;
  f->metadata.emplace_back("url.user", std::string(user));
  f->metadata.emplace_back("url.host", std::string(host));
  f->hints.push_back({"credential-user", fmt::format("{}@{}", user, host), "secret"});
}

}  // namespace

std::string IsoUtc(std::int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  char buf[32];
  if (!::gmtime_r(&t, &tm) || std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0) {
    return std::to_string(unix_seconds);
  }
  return buf;
}

std::optional<JwtClaims> DecodeJwt(std::string_view token) {
  const size_t d1 = token.find('.');
  if (d1 == std::string_view::npos) return std::nullopt;
  const size_t d2 = token.find('.', d1 + 1);
  if (d2 == std::string_view::npos || token.find('.', d2 + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  auto header = JsonObject(token.substr(0, d1));
  auto payload = JsonObject(token.substr(d1 + 1, d2 - d1 - 1));
  if (!header || !payload) return std::nullopt;
  JwtClaims c;
  c.alg = StringClaim(*header, "alg");
  c.iss = StringClaim(*payload, "iss");
  c.sub = StringClaim(*payload, "sub");
  c.aud = StringClaim(*payload, "aud");
  c.exp = TimeClaim(*payload, "exp");
  c.iat = TimeClaim(*payload, "iat");
  c.role = StringClaim(*payload, "role");
  c.ref = StringClaim(*payload, "ref");
  return c;
}

std::optional<std::string> AwsAccountFromKeyId(std::string_view key_id) {
  if (key_id.size() < 13) return std::nullopt;
  // Characters 4..12 hold 45 bits; bit 0 (the top one) marks the new generation and the
  // next 40 bits are the account number.
  std::uint64_t bits = 0;
  for (size_t i = 4; i < 13; ++i) {
    const int v = Base32Value(key_id[i]);
    if (v < 0) return std::nullopt;
    bits = (bits << 5) | static_cast<std::uint64_t>(v);
  }
  if ((bits >> 44) == 0) return std::nullopt;  // old generation: no account inside
  const std::uint64_t account = (bits >> 4) & ((std::uint64_t{1} << 40) - 1);
  if (account > 999'999'999'999ull) return std::nullopt;
  return fmt::format("{:012d}", account);
}

std::optional<SlackIds> DecodeSlack(std::string_view s) {
  SlackIds ids;
  if (StartsWith(s, "https://hooks.slack.com/")) {
    ids.team = IdAfter(s, "/services/", 'T');
    if (!ids.team.empty()) {
      ids.token_type = "incoming webhook";
      ids.hook = IdAfter(s, "/services/" + ids.team + "/", 'B');
    } else if (!(ids.team = IdAfter(s, "/workflows/", 'T')).empty()) {
      ids.token_type = "workflow webhook";
      ids.app = IdAfter(s, "/workflows/" + ids.team + "/", 'A');
    } else if (!(ids.team = IdAfter(s, "/triggers/", 'T')).empty() ||
               !(ids.team = IdAfter(s, "/triggers/", 'E')).empty()) {
      ids.token_type = "workflow trigger";
    } else {
      return std::nullopt;
    }
    return ids;
  }
  if (StartsWith(s, "xapp-")) {  // xapp-1-A0123ABCD-...: the app id is in clear
    ids.token_type = "app-level token";
    ids.app = IdAfter(s, "xapp-1-", 'A');
    return ids;
  }
  static constexpr std::pair<std::string_view, std::string_view> kTokens[] = {
      {"xoxb-", "bot token"},
      {"xoxp-", "user token"},
      {"xoxa-", "workspace app token"},
      {"xoxe.", "rotating token"},
      {"xoxe-", "refresh token"},
      {"xoxr-", "refresh token"},
      {"xoxs-", "legacy session token"},
      {"xoxo-", "legacy workspace token"}};
  for (const auto& [prefix, type] : kTokens) {
    if (StartsWith(s, prefix)) {
      ids.token_type = std::string(type);
      return ids;
    }
  }
  return std::nullopt;
}

TokenFacts DecodeSecret(std::string_view secret, std::int64_t now) {
  TokenFacts facts;
  if (StartsWith(secret, "eyJ")) {
    if (auto claims = DecodeJwt(secret)) AddJwtFacts(*claims, now, &facts);
  }
  AddAwsFacts(secret, &facts);
  AddSlackFacts(secret, &facts);
  AddStripeFacts(secret, &facts);
  AddGithubFacts(secret, &facts);
  AddUrlCredentialFacts(secret, &facts);
  AddProviderIdentityFacts(secret, &facts);
  return facts;
}

void AddServiceAccountFacts(const ServiceAccountInfo& sa, TokenFacts* facts) {
  if (!sa.client_email.empty()) {
    facts->metadata.emplace_back("gcp.client_email", sa.client_email);
    facts->hints.push_back({"service-account", sa.client_email, "secret"});
  }
  if (!sa.project_id.empty()) {
    facts->metadata.emplace_back("gcp.project_id", sa.project_id);
    facts->hints.push_back({"gcp-project", sa.project_id, "secret"});
  }
  if (!sa.private_key_id.empty()) {
    facts->metadata.emplace_back("gcp.private_key_id", sa.private_key_id);
  }
  if (!sa.client_id.empty()) facts->metadata.emplace_back("gcp.client_id", sa.client_id);
}

}  // namespace sprawl::owners
