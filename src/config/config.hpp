// .sprawl.yml: per-repository settings found at the scanned root (or given with --config).
//
//   rules:
//     disable: [generic-password]        # rule ids to turn off
//     paths: [tools/sprawl-rules]        # extra rule files/dirs, relative to this file
//     include_test_keys: true            # also report test-mode keys (rules tagged test-mode)
//   allowlist:
//     paths: ["tests/fixtures/", "*.md"] # gitignore-style, relative to the scanned root
//     secrets: [<sha256 hex>]            # secret_sha256 values from earlier output
//     patterns: ['^AKIA0000']            # RE2, matched against the secret
//   limits:
//     max_file_size: 10MiB
//     decode_depth: 2                  # nesting levels of encodings decoded (0: none)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sprawl {

struct Config {
  std::string path;  // the file this came from; empty when there is none
  std::vector<std::string> disabled_rules;
  std::vector<std::string> rule_paths;  // resolved against the config file's directory
  bool include_test_keys = false;       // rules tagged test-mode run only when asked
  std::vector<std::string> allow_paths;
  std::vector<std::string> allow_secret_hashes;
  std::vector<std::string> allow_patterns;
  std::optional<std::uint64_t> max_file_size;
  std::optional<unsigned> decode_depth;  // decoding layer; --decode-depth overrides it
};

// --- decoding layer ---
// The deepest nesting --decode-depth and limits.decode_depth accept.
inline constexpr unsigned kMaxDecodeDepth = 64;
// Parses a decode depth ("0".."64"); false on anything else.
bool ParseDecodeDepth(const std::string& text, unsigned* depth);
// --- end decoding layer ---

// Parses a config document; throws UsageError naming file:line on any problem.
Config ParseConfig(const std::string& text, const std::string& file);
// Reads and parses `file`.
Config LoadConfigFile(const std::string& file);

}  // namespace sprawl
