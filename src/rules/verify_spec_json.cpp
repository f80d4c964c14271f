#include "rules/verify_spec_json.hpp"

#include <nlohmann/json.hpp>

namespace sprawl {
namespace {

using Json = nlohmann::json;

Json PairsToJson(const NameValueList& list) {
  Json out = Json::array();
  for (const auto& [k, v] : list)
    out.push_back(Json::array({k, v}));
  return out;
}

NameValueList PairsFromJson(const Json& j) {
  NameValueList out;
  for (const auto& p : j)
    out.emplace_back(p.at(0).get<std::string>(), p.at(1).get<std::string>());
  return out;
}

Json RequestToJson(const HttpRequestSpec& r) {
  return Json{{"method", r.method},
              {"url", r.url},
              {"headers", PairsToJson(r.headers)},
              {"has_basic_auth", r.has_basic_auth},
              {"basic_username", r.basic_username},
              {"basic_password", r.basic_password},
              {"body", r.body},
              {"content_type", r.content_type}};
}

HttpRequestSpec RequestFromJson(const Json& j) {
  HttpRequestSpec r;
  r.method = j.at("method").get<std::string>();
  r.url = j.at("url").get<std::string>();
  r.headers = PairsFromJson(j.at("headers"));
  r.has_basic_auth = j.at("has_basic_auth").get<bool>();
  r.basic_username = j.at("basic_username").get<std::string>();
  r.basic_password = j.at("basic_password").get<std::string>();
  r.body = j.at("body").get<std::string>();
  r.content_type = j.at("content_type").get<std::string>();
  return r;
}

Json ConditionsToJson(const std::vector<ResponseCondition>& conditions) {
  Json out = Json::array();
  for (const auto& c : conditions) {
    Json json = Json::array();
    for (const auto& e : c.json)
      json.push_back(Json{{"path", e.path}, {"any_of", e.any_of}});
    out.push_back(Json{{"status", c.status},
                       {"json", json},
                       {"body_contains", c.body_contains},
                       {"headers", PairsToJson(c.headers)}});
  }
  return out;
}

std::vector<ResponseCondition> ConditionsFromJson(const Json& j) {
  std::vector<ResponseCondition> out;
  for (const auto& item : j) {
    ResponseCondition c;
    c.status = item.at("status").get<std::vector<int>>();
    for (const auto& e : item.at("json")) {
      c.json.push_back(JsonExpectation{e.at("path").get<std::string>(),
                                       e.at("any_of").get<std::vector<std::string>>()});
    }
    c.body_contains = item.at("body_contains").get<std::string>();
    c.headers = PairsFromJson(item.at("headers"));
    out.push_back(std::move(c));
  }
  return out;
}

Json Parse(std::string_view text) {
  try {
    return Json::parse(text);
  } catch (const Json::exception& e) {
    throw std::runtime_error(std::string("embedded verify spec: ") + e.what());
  }
}

}  // namespace

std::string VerifySpecToJson(const VerifySpec& s) {
  Json companions = Json::array();
  for (const auto& c : s.companions) {
    companions.push_back(
        Json{{"name", c.name}, {"rule", c.rule}, {"within_lines", c.within_lines}});
  }
  return Json{{"type", s.type},
              {"request", RequestToJson(s.request)},
              {"companions", companions},
              {"verified", ConditionsToJson(s.verified)},
              {"invalid", ConditionsToJson(s.invalid)},
              {"identity", PairsToJson(s.identity)}}
      .dump();
}

std::string RevokeSpecToJson(const RevokeSpec& s) {
  return Json{{"request", RequestToJson(s.request)},
              {"revoked", ConditionsToJson(s.revoked)},
              {"description", s.description}}
      .dump();
}

VerifySpec VerifySpecFromJson(std::string_view text) {
  const Json j = Parse(text);
  try {
    VerifySpec s;
    s.type = j.at("type").get<std::string>();
    s.request = RequestFromJson(j.at("request"));
    for (const auto& c : j.at("companions")) {
      s.companions.push_back(CompanionSpec{c.at("name").get<std::string>(),
                                           c.at("rule").get<std::string>(),
                                           c.at("within_lines").get<int>()});
    }
    s.verified = ConditionsFromJson(j.at("verified"));
    s.invalid = ConditionsFromJson(j.at("invalid"));
    s.identity = PairsFromJson(j.at("identity"));
    return s;
  } catch (const Json::exception& e) {
    throw std::runtime_error(std::string("embedded verify spec: ") + e.what());
  }
}

RevokeSpec RevokeSpecFromJson(std::string_view text) {
  const Json j = Parse(text);
  try {
    RevokeSpec s;
    s.request = RequestFromJson(j.at("request"));
    s.revoked = ConditionsFromJson(j.at("revoked"));
    s.description = j.at("description").get<std::string>();
    return s;
  } catch (const Json::exception& e) {
    throw std::runtime_error(std::string("embedded revoke spec: ") + e.what());
  }
}

}  // namespace sprawl
