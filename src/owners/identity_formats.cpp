// Provider token and URL formats that carry an identity in clear or in a decodable part:
// who the bot is, which org or tenant the credential belongs to.
#include <cctype>
#include <nlohmann/json.hpp>

#include "owners/token_metadata.hpp"

namespace sprawl::owners {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// The path segment after `marker` (up to the next '/', '@' or the end).
std::string_view SegmentAfter(std::string_view s, std::string_view marker) {
  const std::size_t at = s.find(marker);
  if (at == std::string_view::npos) return {};
  std::string_view rest = s.substr(at + marker.size());
  return rest.substr(0, rest.find_first_of("/@?#"));
}

void AddFact(TokenFacts* f, const char* key, std::string_view value, const char* hint_kind) {
  if (value.empty()) return;
  f->metadata.emplace_back(key, std::string(value));
  if (hint_kind) f->hints.push_back({hint_kind, std::string(value), "secret"});
}

// Telegram bot token: BOT_ID:AA... — the bot's numeric user id comes first.
void Telegram(std::string_view s, TokenFacts* f) {
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon < 5 || colon > 12) return;
  if (!AllDigits(s.substr(0, colon)) || s.substr(colon + 1, 2) != "AA") return;
  AddFact(f, "telegram.bot_id", s.substr(0, colon), "telegram-bot");
}

// Discord bot token: base64(bot user id) . timestamp . hmac.
void DiscordBot(std::string_view s, TokenFacts* f) {
  const std::size_t dot = s.find('.');
  if (dot == std::string_view::npos || dot < 16 || s.find("://") != std::string_view::npos) {
    return;
  }
  auto id = DecodeBase64(s.substr(0, dot));
  if (!id || id->size() < 17 || id->size() > 20 || !AllDigits(*id)) return;
  AddFact(f, "discord.bot_user_id", *id, "discord-bot");
}

void DiscordWebhook(std::string_view s, TokenFacts* f) {
  if (s.find("discord") == std::string_view::npos) return;
  const std::string_view id = SegmentAfter(s, "/webhooks/");
  if (AllDigits(id)) AddFact(f, "discord.webhook_id", id, nullptr);
}

// .../webhookb2/GROUP@TENANT/IncomingWebhook/ID/CREATOR: the Microsoft 365 group (team),
// the Entra ID tenant, and the object id of the user who created the connector.
void TeamsWebhook(std::string_view s, TokenFacts* f) {
  const std::size_t at = s.find("/webhookb2/");
  const std::size_t legacy = s.find("office.com/webhook/");
  std::string_view rest;
  if (at != std::string_view::npos)
    rest = s.substr(at + 11);
  else if (legacy != std::string_view::npos)
    rest = s.substr(legacy + 19);
  else
    return;
  const std::size_t sep = rest.find('@');
  const std::size_t slash = rest.find('/');
  if (sep == std::string_view::npos || slash == std::string_view::npos || sep > slash) return;
  AddFact(f, "teams.group_id", rest.substr(0, sep), nullptr);
  AddFact(f, "teams.tenant_id", rest.substr(sep + 1, slash - sep - 1), "azure-tenant");
  const std::string_view after = SegmentAfter(rest, "/IncomingWebhook/");
  if (after.empty()) return;
  const std::string_view creator =
      SegmentAfter(rest, "/IncomingWebhook/" + std::string(after) + "/");
  AddFact(f, "teams.creator_object_id", creator, nullptr);
}

std::optional<nlohmann::json> Base64Json(std::string_view text) {
  auto bytes = DecodeBase64(text);
  if (!bytes) return std::nullopt;
  auto j = nlohmann::json::parse(*bytes, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  return j;
}

std::string Str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return it->dump();
  return {};
}

// sntrys_<base64 JSON {"org": ..., "url": ..., "region_url": ...}>_<secret>
void SentryOrgToken(std::string_view s, TokenFacts* f) {
  if (s.substr(0, 7) != "sntrys_") return;
  const std::string_view body = s.substr(7);
  auto j = Base64Json(body.substr(0, body.rfind('_')));
  if (!j) return;
  AddFact(f, "sentry.org", Str(*j, "org"), "sentry-org");
  AddFact(f, "sentry.url", Str(*j, "url"), nullptr);
  AddFact(f, "sentry.region_url", Str(*j, "region_url"), nullptr);
}

// glc_<base64 JSON {"o": org id, "n": token name, "k": ..., "m": {"r": region}}>
void GrafanaCloudToken(std::string_view s, TokenFacts* f) {
  if (s.substr(0, 4) != "glc_") return;
  auto j = Base64Json(s.substr(4));
  if (!j) return;
  AddFact(f, "grafana.org_id", Str(*j, "o"), "grafana-org");
  AddFact(f, "grafana.token_name", Str(*j, "n"), nullptr);
  auto m = j->find("m");
  if (m != j->end() && m->is_object()) AddFact(f, "grafana.region", Str(*m, "r"), nullptr);
}

void OpenAiKeyKind(std::string_view s, TokenFacts* f) {
  if (s.substr(0, 8) == "sk-proj-") f->metadata.emplace_back("openai.key_type", "project key");
  if (s.substr(0, 11) == "sk-svcacct-") {
    f->metadata.emplace_back("openai.key_type", "service account key");
  }
  if (s.substr(0, 9) == "sk-admin-") f->metadata.emplace_back("openai.key_type", "admin key");
}

}  // namespace

void AddProviderIdentityFacts(std::string_view secret, TokenFacts* facts) {
  Telegram(secret, facts);
  DiscordBot(secret, facts);
  DiscordWebhook(secret, facts);
  TeamsWebhook(secret, facts);
  SentryOrgToken(secret, facts);
  GrafanaCloudToken(secret, facts);
  OpenAiKeyKind(secret, facts);
}

}  // namespace sprawl::owners
