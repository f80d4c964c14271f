// Per-run memory of verification results keyed by rule id + SHA-256 of the secret and of
// its companion values: a secret found 500 times is sent to its provider once.
#pragma once

#include <map>
#include <string>
#include <unordered_map>

#include "sprawl/finding.hpp"
#include "util/sha256.hpp"

namespace sprawl {

class VerificationCache {
 public:
  // Only hashes are kept, so the cache itself holds no secret.
  static std::string Key(const std::string& rule_id, const std::string& secret,
                         const std::map<std::string, std::string>& companions) {
    Sha256Builder b;
    b.AddField(rule_id);
    b.AddField(secret);
    for (const auto& [name, value] : companions) {
      b.AddField(name);
      b.AddField(value);
    }
    const Sha256Digest d = b.Finish();
    return ToHex(d.data(), d.size());
  }

  const Verification* Find(const std::string& key) const {
    auto it = results_.find(key);
    return it == results_.end() ? nullptr : &it->second;
  }
  void Store(const std::string& key, Verification v) { results_[key] = std::move(v); }
  std::size_t size() const { return results_.size(); }

 private:
  std::unordered_map<std::string, Verification> results_;
};

}  // namespace sprawl
