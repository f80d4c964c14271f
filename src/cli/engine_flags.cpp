#include <cstdlib>

#include "cli/commands.hpp"
#include "util/fs.hpp"

namespace sprawl::cli {

void AddEngineFlags(CLI::App* cmd, EngineFlags* flags) {
  cmd->add_option("--rules", flags->rule_dirs,
                  "Extra rules file or directory; a rule with an existing id overrides it "
                  "(repeatable)")
      ->allow_extra_args(false);  // one value per --rules, so positional paths stay paths
  cmd->add_flag("--no-cache", flags->no_cache,
                "Do not read or write the compiled rule database cache");
  cmd->add_option("--cache-dir", flags->cache_dir,
                  "Cache directory (default $SPRAWL_CACHE_DIR, $XDG_CACHE_HOME/sprawl or "
                  "~/.cache/sprawl)");
  cmd->add_flag("--include-test-keys", flags->include_test_keys,
                "Also report test-mode and sandbox keys (Stripe sk_test_, Paystack and "
                "Flutterwave test keys, Checkout.com sandbox, TestPyPI): they reach no live "
                "account, so they are off by default (rules.include_test_keys in the config)");
  // --- decoding layer ---
  cmd->add_option("--decode-depth", flags->decode_depth,
                  "Nesting levels of encodings (base64, hex, percent, escapes) decoded and "
                  "scanned; 0 disables decoding (default: limits.decode_depth in the config, "
                  "else 2)");
  // --- end decoding layer ---
}

std::string ResolveCacheDir(const EngineFlags& flags) {
  if (flags.no_cache) return {};
  if (!flags.cache_dir.empty()) return flags.cache_dir;
  if (const char* env = std::getenv("SPRAWL_CACHE_DIR"); env && *env) return env;
  return DefaultCacheDir();
}

}  // namespace sprawl::cli
