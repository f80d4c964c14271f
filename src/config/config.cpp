#include "config/config.hpp"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>

#include "sprawl/error.hpp"
#include "util/fs.hpp"
#include "util/text.hpp"

namespace sprawl {
namespace {

[[noreturn]] void Fail(const std::string& file, const YAML::Mark& mark, const std::string& msg) {
  if (mark.is_null()) throw UsageError(file + ": " + msg);
  throw UsageError(file + ":" + std::to_string(mark.line + 1) + ":" +
                   std::to_string(mark.column + 1) + ": " + msg);
}

std::vector<std::string> Strings(const YAML::Node& node, const std::string& file,
                                 const std::string& key) {
  if (!node.IsSequence()) Fail(file, node.Mark(), "'" + key + "' must be a list");
  std::vector<std::string> out;
  for (const auto& item : node) {
    if (!item.IsScalar()) Fail(file, item.Mark(), "'" + key + "' entries must be strings");
    out.push_back(item.Scalar());
  }
  return out;
}

template <typename Fn>
void ForEachKey(const YAML::Node& node, const std::string& file, const std::string& section,
                Fn&& fn) {
  if (!node.IsMap()) Fail(file, node.Mark(), "'" + section + "' must be a map");
  for (const auto& kv : node) fn(kv.first.Scalar(), kv.first.Mark(), kv.second);
}

}  // namespace

Config ParseConfig(const std::string& text, const std::string& file) {
  Config cfg;
  cfg.path = file;
  const std::filesystem::path dir = std::filesystem::path(file).parent_path();
  YAML::Node doc;
  try {
    doc = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    Fail(file, e.mark, e.msg);
  }
  if (doc.IsNull()) return cfg;
  try {
    ForEachKey(doc, file, "config", [&](const std::string& key, const YAML::Mark& mark,
                                        const YAML::Node& v) {
      if (key == "rules") {
        ForEachKey(v, file, key, [&](const std::string& k, const YAML::Mark& m,
                                     const YAML::Node& vv) {
          if (k == "disable") {
            cfg.disabled_rules = Strings(vv, file, k);
          } else if (k == "paths") {
            for (const auto& p : Strings(vv, file, k)) cfg.rule_paths.push_back((dir / p).string());
          } else if (k == "include_test_keys") {
            const std::string b = vv.IsScalar() ? std::string(Trim(vv.Scalar())) : std::string();
            if (b != "true" && b != "false") {
              Fail(file, m, "'rules.include_test_keys' must be true or false");
            }
            cfg.include_test_keys = b == "true";
          } else {
            Fail(file, m,
                 "unknown key 'rules." + k + "' (expected disable, paths, include_test_keys)");
          }
        });
      } else if (key == "allowlist") {
        ForEachKey(v, file, key, [&](const std::string& k, const YAML::Mark& m,
                                     const YAML::Node& vv) {
          if (k == "paths") {
            cfg.allow_paths = Strings(vv, file, k);
          } else if (k == "secrets") {
            cfg.allow_secret_hashes = Strings(vv, file, k);
            for (auto& h : cfg.allow_secret_hashes) h = ToLower(Trim(h));
          } else if (k == "patterns") {
            cfg.allow_patterns = Strings(vv, file, k);
            for (const auto& p : cfg.allow_patterns) {
              RE2 re(p, RE2::Quiet);
              if (!re.ok()) Fail(file, vv.Mark(), "bad allowlist pattern '" + p + "': " + re.error());
            }
          } else {
            Fail(file, m, "unknown key 'allowlist." + k + "' (expected paths, secrets, patterns)");
          }
        });
      } else if (key == "limits") {
        ForEachKey(v, file, key, [&](const std::string& k, const YAML::Mark& m,
                                     const YAML::Node& vv) {
          if (k == "max_file_size") {
            std::uint64_t bytes = 0;
            if (!vv.IsScalar() || !ParseByteSize(vv.Scalar(), &bytes)) {
              Fail(file, vv.Mark(), "'limits.max_file_size' must be a size such as 25MiB");
            }
            cfg.max_file_size = bytes;
          } else if (k == "decode_depth") {  // decoding layer
            unsigned depth = 0;
            if (!vv.IsScalar() || !ParseDecodeDepth(vv.Scalar(), &depth)) {
              Fail(file, vv.Mark(),
                   "'limits.decode_depth' must be a whole number from 0 to " +
                       std::to_string(kMaxDecodeDepth));
            }
            cfg.decode_depth = depth;
          } else {
            Fail(file, m, "unknown key 'limits." + k + "' (expected max_file_size, decode_depth)");
          }
        });
      } else {
        Fail(file, mark, "unknown key '" + key + "' (expected rules, allowlist, limits)");
      }
    });
  } catch (const YAML::Exception& e) {
    Fail(file, e.mark, e.msg);
  }
  return cfg;
}

Config LoadConfigFile(const std::string& file) {
  auto text = ReadWholeFile(file);
  if (!text) throw UsageError(file + ": cannot read config file");
  return ParseConfig(*text, file);
}

// --- decoding layer ---
bool ParseDecodeDepth(const std::string& text, unsigned* depth) {
  if (text.empty() || text.size() > 2) return false;
  unsigned v = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<unsigned>(c - '0');
  }
  if (v > kMaxDecodeDepth) return false;
  *depth = v;
  return true;
}
// --- end decoding layer ---

}  // namespace sprawl
