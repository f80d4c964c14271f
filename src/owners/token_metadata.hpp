// Identity and facts decoded offline from the secret itself: JWT claims, the AWS account
// behind an access key id, Slack workspace/app ids in webhook URLs and tokens, Stripe
// live/test mode, GitHub token kind, GCP service-account JSON fields. Nothing here does
// I/O; the caller hands in the secret and, for formats that need it, the text around it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sprawl/finding.hpp"

namespace sprawl::owners {

using Metadata = std::vector<std::pair<std::string, std::string>>;

// What one secret says about itself: hints (source "secret") and metadata facts.
struct TokenFacts {
  std::vector<OwnerHint> hints;
  Metadata metadata;
};

// base64 or base64url, padding optional; none on any other character.
std::optional<std::string> DecodeBase64(std::string_view in);

// --- JWT (RFC 7519) ---
struct JwtClaims {
  std::string alg;
  std::string iss, sub, aud;  // aud: several audiences are joined with ", "
  std::string role, ref;      // Supabase-style keys: role ("service_role") and project ref
  std::optional<std::int64_t> exp, iat;
};
// Decodes header and payload of a compact JWS (three base64url segments). None when the
// text is not a JWT with JSON objects in both parts.
std::optional<JwtClaims> DecodeJwt(std::string_view token);

// --- AWS ---
// The 12-digit account id encoded in a new-generation access key id (AKIA/ASIA/... +
// 16 base32 characters whose first character is Q-Z or 2-7). Old-generation ids (AKIAI...,
// AKIAJ..., like AWS's documentation example) do not carry it: none.
std::optional<std::string> AwsAccountFromKeyId(std::string_view key_id);

// --- GCP service-account key JSON ---
struct ServiceAccountInfo {
  std::string client_email, project_id, private_key_id, client_id;
};
// Reads the JSON object enclosing byte `offset` of `content` (plain or string-escaped JSON,
// as in an env var); none unless it is a "service_account" object.
std::optional<ServiceAccountInfo> ServiceAccountAround(std::string_view content,
                                                       std::size_t offset);

// --- Slack ---
struct SlackIds {
  std::string team;  // T...
  std::string app;   // A...
  std::string hook;  // B... (incoming webhook / integration id)
  std::string token_type;
};
std::optional<SlackIds> DecodeSlack(std::string_view secret);

// Provider formats that carry an account, bot, org or tenant id (identity_formats.cpp):
// Telegram, Discord, Microsoft Teams webhooks, Sentry and Grafana Cloud tokens, OpenAI.
void AddProviderIdentityFacts(std::string_view secret, TokenFacts* facts);

// Everything decodable from the secret alone; `now` (Unix seconds) decides `expired`.
TokenFacts DecodeSecret(std::string_view secret, std::int64_t now);
// Service-account facts as hints and metadata.
void AddServiceAccountFacts(const ServiceAccountInfo& sa, TokenFacts* facts);

// ISO 8601 UTC ("2024-05-20T10:00:00Z") of a Unix time.
std::string IsoUtc(std::int64_t unix_seconds);

}  // namespace sprawl::owners
