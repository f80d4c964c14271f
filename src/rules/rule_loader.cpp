#include "rules/rule_loader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "rules/pattern_fragments.hpp"
#include "rules/verify_spec_loader.hpp"
#include "rules/yaml_field.hpp"
#include "sprawl/error.hpp"
#include "util/text.hpp"

namespace sprawl {
namespace {

using yaml_field::Fail;
using yaml_field::Scalar;

namespace fs = std::filesystem;

std::vector<std::string> StringList(const YAML::Node& node, const std::string& file,
                                    const std::string& key) {
  std::vector<std::string> out;
  if (node.IsScalar()) {
    out.push_back(node.Scalar());
    return out;
  }
  if (!node.IsSequence()) Fail(file, node.Mark(), "'" + key + "' must be a list of strings");
  for (const auto& item : node)
    out.push_back(Scalar(item, file, key));
  return out;
}

double Number(const YAML::Node& node, const std::string& file, const std::string& key) {
  std::string text = Scalar(node, file, key);
  try {
    size_t used = 0;
    double v = std::stod(text, &used);
    if (used != text.size()) throw std::invalid_argument(text);
    return v;
  } catch (const std::exception&) {
    Fail(file, node.Mark(), "'" + key + "' must be a number, got '" + text + "'");
  }
}

RuleExample ParseExample(const YAML::Node& node, const std::string& file) {
  if (!node.IsMap()) Fail(file, node.Mark(), "an example must be a map with 'input' and 'secret'");
  RuleExample ex;
  for (const auto& kv : node) {
    std::string key = kv.first.Scalar();
    if (key == "input") {
      ex.input = Scalar(kv.second, file, key);
    } else if (key == "secret") {
      ex.secret = Scalar(kv.second, file, key);
    } else {
      Fail(file, kv.first.Mark(), "unknown example key '" + key + "' (expected input, secret)");
    }
  }
  if (!node["input"]) Fail(file, node.Mark(), "example is missing 'input'");
  if (!node["secret"]) Fail(file, node.Mark(), "example is missing 'secret'");
  return ex;
}

Rule ParseRule(const YAML::Node& node, const std::string& file, const PatternFragments& fragments) {
  if (!node.IsMap()) Fail(file, node.Mark(), "each rule must be a map");
  Rule rule;
  rule.origin = RuleOrigin{file, node.Mark().line + 1};
  static const std::set<std::string> kRequired = {"id",         "name",       "provider",
                                                  "pattern",    "entropy",    "confidence",
                                                  "references", "revocation", "examples"};
  for (const auto& kv : node) {
    const std::string key = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    if (key == "id") {
      rule.id = Scalar(v, file, key);
    } else if (key == "name") {
      rule.name = Scalar(v, file, key);
    } else if (key == "provider") {
      rule.provider = Scalar(v, file, key);
    } else if (key == "pattern") {
      rule.pattern = fragments.Expand(Scalar(v, file, key), file, v.Mark());
    } else if (key == "keywords") {
      rule.keywords = StringList(v, file, key);
    } else if (key == "entropy") {
      rule.entropy = Number(v, file, key);
      if (rule.entropy < 0 || rule.entropy > 8) Fail(file, v.Mark(), "'entropy' must be in 0..8");
    } else if (key == "confidence") {
      auto c = ParseConfidence(Scalar(v, file, key));
      if (!c) Fail(file, v.Mark(), "'confidence' must be one of high, medium, low");
      rule.confidence = *c;
    } else if (key == "severity") {
      auto s = ParseSeverity(Scalar(v, file, key));
      if (!s) Fail(file, v.Mark(), "'severity' must be one of critical, high, medium, low");
      rule.severity = *s;
    } else if (key == "checksum") {
      rule.checksum = Scalar(v, file, key);
    } else if (key == "max_length") {
      double n = Number(v, file, key);
      if (n < 1 || n > 1048576 || n != static_cast<double>(static_cast<std::uint32_t>(n))) {
        Fail(file, v.Mark(), "'max_length' must be an integer in 1..1048576");
      }
      rule.max_length = static_cast<std::uint32_t>(n);
    } else if (key == "references") {
      rule.references = StringList(v, file, key);
    } else if (key == "revocation") {
      rule.revocation = std::string(Trim(Scalar(v, file, key)));
    } else if (key == "examples") {
      if (!v.IsSequence()) Fail(file, v.Mark(), "'examples' must be a list");
      for (const auto& ex : v)
        rule.examples.push_back(ParseExample(ex, file));
    } else if (key == "negative_examples") {
      rule.negative_examples = StringList(v, file, key);
    } else if (key == "tags") {
      rule.tags = StringList(v, file, key);
    } else if (key == "verify") {
      rule.verify = std::make_shared<const VerifySpec>(ParseVerifySpec(v, file));
    } else if (key == "revoke") {
      rule.revoke = std::make_shared<const RevokeSpec>(ParseRevokeSpec(v, file));
    } else {
      Fail(file, kv.first.Mark(), "unknown rule key '" + key + "'");
    }
  }
  for (const auto& key : kRequired) {
    if (!node[key]) {
      Fail(file, node.Mark(),
           "rule" + (rule.id.empty() ? std::string() : " '" + rule.id + "'") +
               " is missing required key '" + key + "'");
    }
  }
  return rule;
}

// One parsed rules file: its top-level keys checked, not yet turned into rules.
struct RulesDocument {
  std::string file;
  YAML::Node root;
};

RulesDocument ParseDocument(const std::string& text, const std::string& file) {
  RulesDocument doc{file, {}};
  try {
    doc.root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    Fail(file, e.mark, e.msg);
  }
  // A file may hold rules, shared pattern fragments, or both.
  if (!doc.root.IsMap() || (!doc.root["rules"] && !doc.root["fragments"])) {
    Fail(file, doc.root.Mark(),
         "expected a document with a top-level 'rules:' list or 'fragments:' map");
  }
  for (const auto& kv : doc.root) {
    const std::string key = kv.first.Scalar();
    if (key != "rules" && key != "fragments") {
      Fail(file, kv.first.Mark(), "unknown top-level key '" + key + "'");
    }
  }
  return doc;
}

// The rules of every document, after the fragments of all of them are known (a rule may
// use a fragment another file of its directory defines).
std::vector<Rule> LoadDocuments(const std::vector<RulesDocument>& docs) {
  PatternFragments fragments;
  for (const auto& doc : docs) {
    if (const YAML::Node map = doc.root["fragments"]) fragments.Add(map, doc.file);
  }
  std::vector<Rule> out;
  for (const auto& doc : docs) {
    const YAML::Node rules = doc.root["rules"];
    if (!rules) continue;
    if (!rules.IsSequence()) Fail(doc.file, rules.Mark(), "'rules' must be a list");
    try {
      for (const auto& node : rules)
        out.push_back(ParseRule(node, doc.file, fragments));
    } catch (const YAML::Exception& e) {
      Fail(doc.file, e.mark, e.msg);
    }
  }
  return out;
}

}  // namespace

std::vector<Rule> LoadRulesFromText(const std::string& text, const std::string& file) {
  return LoadDocuments({ParseDocument(text, file)});
}

std::vector<Rule> LoadRulesFromPath(const std::string& path) {
  std::error_code ec;
  std::vector<std::string> files;
  if (fs::is_directory(path, ec)) {
    for (const auto& entry : fs::directory_iterator(path, ec)) {
      const auto ext = entry.path().extension().string();
      if (entry.is_regular_file() && (ext == ".yml" || ext == ".yaml")) {
        files.push_back(entry.path().string());
      }
    }
    if (ec) throw UsageError(path + ": cannot list rules directory: " + ec.message());
    std::sort(files.begin(), files.end());
  } else if (fs::exists(path, ec)) {
    files.push_back(path);
  } else {
    throw UsageError(path + ": no such rules file or directory");
  }
  std::vector<RulesDocument> docs;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) throw UsageError(f + ": cannot read rules file");
    std::stringstream ss;
    ss << in.rdbuf();
    docs.push_back(ParseDocument(ss.str(), f));
  }
  return LoadDocuments(docs);
}

}  // namespace sprawl
