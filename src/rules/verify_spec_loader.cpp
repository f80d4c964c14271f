#include "rules/verify_spec_loader.hpp"

#include "rules/yaml_field.hpp"
#include "sprawl/error.hpp"

namespace sprawl {
namespace {

using yaml_field::Fail;
using yaml_field::Scalar;

int Integer(const YAML::Node& node, const std::string& file, const std::string& key, int lo,
            int hi) {
  const std::string text = Scalar(node, file, key);
  try {
    size_t used = 0;
    const long v = std::stol(text, &used);
    if (used == text.size() && v >= lo && v <= hi) return static_cast<int>(v);
  } catch (const std::exception&) {
  }
  Fail(file, node.Mark(),
       "'" + key + "' must be an integer in " + std::to_string(lo) + ".." + std::to_string(hi) +
           ", got '" + text + "'");
}

NameValueList StringMap(const YAML::Node& node, const std::string& file, const std::string& key) {
  if (!node.IsMap()) Fail(file, node.Mark(), "'" + key + "' must be a map");
  NameValueList out;
  for (const auto& kv : node) {
    out.emplace_back(Scalar(kv.first, file, key), Scalar(kv.second, file, key));
  }
  return out;
}

std::vector<std::string> ScalarOrList(const YAML::Node& node, const std::string& file,
                                      const std::string& key) {
  std::vector<std::string> out;
  if (node.IsScalar()) {
    out.push_back(node.Scalar());
  } else if (node.IsSequence()) {
    for (const auto& item : node)
      out.push_back(Scalar(item, file, key));
  } else {
    Fail(file, node.Mark(), "'" + key + "' must be a scalar or a list of scalars");
  }
  return out;
}

ResponseCondition ParseCondition(const YAML::Node& node, const std::string& file,
                                 const std::string& block) {
  if (!node.IsMap()) Fail(file, node.Mark(), "'" + block + "' conditions must be a map");
  ResponseCondition c;
  for (const auto& kv : node) {
    const std::string key = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    if (key == "status") {
      if (v.IsScalar()) {
        c.status.push_back(Integer(v, file, key, 100, 599));
      } else if (v.IsSequence()) {
        for (const auto& s : v)
          c.status.push_back(Integer(s, file, key, 100, 599));
      } else {
        Fail(file, v.Mark(), "'status' must be a status code or a list of them");
      }
    } else if (key == "json") {
      if (!v.IsMap()) Fail(file, v.Mark(), "'json' must map dotted paths to expected values");
      for (const auto& jp : v) {
        c.json.push_back(
            JsonExpectation{Scalar(jp.first, file, key), ScalarOrList(jp.second, file, key)});
      }
    } else if (key == "body_contains") {
      c.body_contains = Scalar(v, file, key);
      if (c.body_contains.empty()) Fail(file, v.Mark(), "'body_contains' must not be empty");
    } else if (key == "header") {
      c.headers = StringMap(v, file, key);
    } else {
      Fail(file, kv.first.Mark(),
           "unknown key '" + key + "' in '" + block +
               "' (expected status, json, body_contains, header)");
    }
  }
  if (c.IsEmpty()) Fail(file, node.Mark(), "'" + block + "' condition is empty");
  return c;
}

std::vector<ResponseCondition> ParseConditions(const YAML::Node& node, const std::string& file,
                                               const std::string& block) {
  std::vector<ResponseCondition> out;
  if (node.IsSequence()) {
    for (const auto& item : node)
      out.push_back(ParseCondition(item, file, block));
    if (out.empty()) Fail(file, node.Mark(), "'" + block + "' must not be an empty list");
  } else {
    out.push_back(ParseCondition(node, file, block));
  }
  return out;
}

// Request keys shared by verify and revoke. Returns false when `key` is not one of them.
bool ParseRequestKey(const std::string& key, const YAML::Node& v, const std::string& file,
                     HttpRequestSpec* req) {
  if (key == "method") {
    req->method = Scalar(v, file, key);
    static const char* kMethods[] = {"GET", "POST", "PUT", "DELETE", "HEAD", "PATCH"};
    for (const char* m : kMethods) {
      if (req->method == m) return true;
    }
    Fail(file, v.Mark(), "'method' must be one of GET, POST, PUT, DELETE, HEAD, PATCH");
  } else if (key == "url") {
    req->url = Scalar(v, file, key);
  } else if (key == "headers") {
    req->headers = StringMap(v, file, key);
  } else if (key == "basic_auth") {
    if (!v.IsMap()) Fail(file, v.Mark(), "'basic_auth' must be a map with username, password");
    req->has_basic_auth = true;
    for (const auto& kv : v) {
      const std::string k = kv.first.Scalar();
      if (k == "username") {
        req->basic_username = Scalar(kv.second, file, k);
      } else if (k == "password") {
        req->basic_password = kv.second.IsNull() ? "" : Scalar(kv.second, file, k);
      } else {
        Fail(file, kv.first.Mark(),
             "unknown key '" + k + "' in 'basic_auth' (expected username, password)");
      }
    }
  } else if (key == "body") {
    req->body = Scalar(v, file, key);
  } else if (key == "content_type") {
    req->content_type = Scalar(v, file, key);
  } else {
    return false;
  }
  return true;
}

CompanionSpec ParseCompanion(const YAML::Node& node, const std::string& file) {
  if (!node.IsMap()) Fail(file, node.Mark(), "a companion must be a map with 'name' and 'rule'");
  CompanionSpec c;
  for (const auto& kv : node) {
    const std::string key = kv.first.Scalar();
    if (key == "name") {
      c.name = Scalar(kv.second, file, key);
    } else if (key == "rule") {
      c.rule = Scalar(kv.second, file, key);
    } else if (key == "within_lines") {
      c.within_lines = Integer(kv.second, file, key, 0, 100000);
    } else {
      Fail(file, kv.first.Mark(),
           "unknown companion key '" + key + "' (expected name, rule, within_lines)");
    }
  }
  if (c.name.empty() || c.rule.empty()) {
    Fail(file, node.Mark(), "a companion needs 'name' and 'rule'");
  }
  return c;
}

}  // namespace

VerifySpec ParseVerifySpec(const YAML::Node& node, const std::string& file) {
  if (!node.IsMap()) Fail(file, node.Mark(), "'verify' must be a map");
  VerifySpec spec;
  for (const auto& kv : node) {
    const std::string key = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    if (ParseRequestKey(key, v, file, &spec.request)) continue;
    if (key == "type") {
      spec.type = Scalar(v, file, key);
      if (spec.type != VerifySpec::kTypeHttp && spec.type != VerifySpec::kTypeAwsSts) {
        Fail(file, v.Mark(), "'type' must be http or aws-sts");
      }
    } else if (key == "companions") {
      if (!v.IsSequence()) Fail(file, v.Mark(), "'companions' must be a list");
      for (const auto& c : v)
        spec.companions.push_back(ParseCompanion(c, file));
    } else if (key == "verified") {
      spec.verified = ParseConditions(v, file, key);
    } else if (key == "invalid") {
      spec.invalid = ParseConditions(v, file, key);
    } else if (key == "identity") {
      spec.identity = StringMap(v, file, key);
    } else {
      Fail(file, kv.first.Mark(),
           "unknown verify key '" + key +
               "' (expected type, method, url, headers, basic_auth, body, content_type, "
               "companions, verified, invalid, identity)");
    }
  }
  return spec;
}

RevokeSpec ParseRevokeSpec(const YAML::Node& node, const std::string& file) {
  if (!node.IsMap()) Fail(file, node.Mark(), "'revoke' must be a map");
  RevokeSpec spec;
  for (const auto& kv : node) {
    const std::string key = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    if (ParseRequestKey(key, v, file, &spec.request)) continue;
    if (key == "revoked") {
      spec.revoked = ParseConditions(v, file, key);
    } else if (key == "description") {
      spec.description = Scalar(v, file, key);
    } else {
      Fail(file, kv.first.Mark(),
           "unknown revoke key '" + key +
               "' (expected method, url, headers, basic_auth, body, content_type, revoked, "
               "description)");
    }
  }
  return spec;
}

}  // namespace sprawl
