#include "engine/hs_database.hpp"

#include <hs/hs.h>

#include <cstring>

#include "sprawl/error.hpp"
#include "util/sha256.hpp"

namespace sprawl {
namespace {

constexpr char kMagic[8] = {'S', 'P', 'R', 'W', 'L', 'H', 'S', '1'};

// Compiles `patterns` of the rules not left to RE2; returns the failing rule index via
// `failed` (-1 for a failure not tied to one expression).
hs_database_t* TryCompile(const std::vector<std::string>& patterns,
                          const std::vector<RuleMode>& modes, int* failed, std::string* message) {
  std::vector<const char*> exprs;
  std::vector<unsigned int> flags, ids;
  for (size_t i = 0; i < patterns.size(); ++i) {
    if (modes[i] == RuleMode::kRe2Only) continue;
    exprs.push_back(patterns[i].c_str());
    flags.push_back(modes[i] == RuleMode::kPrefilter ? HS_FLAG_PREFILTER : 0u);
    ids.push_back(static_cast<unsigned int>(i));
  }
  *failed = -1;
  if (exprs.empty()) return nullptr;
  hs_database_t* db = nullptr;
  hs_compile_error_t* err = nullptr;
  if (hs_compile_multi(exprs.data(), flags.data(), ids.data(),
                       static_cast<unsigned int>(exprs.size()), HS_MODE_BLOCK, nullptr, &db,
                       &err) == HS_SUCCESS) {
    return db;
  }
  *message = err && err->message ? err->message : "unknown error";
  if (err && err->expression >= 0) *failed = static_cast<int>(ids[err->expression]);
  hs_free_compile_error(err);
  return nullptr;
}

}  // namespace

const char* ToString(RuleMode mode) {
  switch (mode) {
    case RuleMode::kHyperscan:
      return "hyperscan";
    case RuleMode::kPrefilter:
      return "hyperscan-prefilter";
    case RuleMode::kRe2Only:
      return "re2-only";
  }
  return "?";
}

std::string HsDatabase::ToHyperscanSyntax(const std::string& p) {
  std::string out;
  out.reserve(p.size());
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\' && i + 1 < p.size()) {
      out += p[i];
      out += p[++i];
      continue;
    }
    // (?P<name>…) → (…): Hyperscan has no use for names and RE2 keeps them.
    if (p.compare(i, 4, "(?P<") == 0) {
      size_t close = p.find('>', i + 4);
      if (close != std::string::npos) {
        out += '(';
        i = close;
        continue;
      }
    }
    out += p[i];
  }
  return out;
}

std::unique_ptr<HsDatabase> HsDatabase::Compile(const std::vector<Rule>& rules) {
  std::vector<std::string> patterns;
  patterns.reserve(rules.size());
  for (const auto& r : rules)
    patterns.push_back(ToHyperscanSyntax(r.pattern));
  auto out = std::unique_ptr<HsDatabase>(new HsDatabase());
  out->modes_.assign(rules.size(), RuleMode::kHyperscan);
  for (;;) {
    int failed = -1;
    std::string message;
    hs_database_t* db = TryCompile(patterns, out->modes_, &failed, &message);
    if (db) {
      out->db_ = db;
      return out;
    }
    if (failed < 0) {
      // Nothing left for Hyperscan is fine (all RE2-only); anything else is an engine failure.
      bool any = false;
      for (auto m : out->modes_)
        any = any || m != RuleMode::kRe2Only;
      if (!any) return out;
      throw RuntimeError("Hyperscan could not compile the rule database: " + message);
    }
    auto& mode = out->modes_[static_cast<size_t>(failed)];
    mode = mode == RuleMode::kHyperscan ? RuleMode::kPrefilter : RuleMode::kRe2Only;
  }
}

std::string HsDatabase::Serialize() const {
  std::string out(kMagic, sizeof kMagic);
  std::uint32_t n = static_cast<std::uint32_t>(modes_.size());
  out.append(reinterpret_cast<const char*>(&n), sizeof n);
  for (auto m : modes_)
    out += static_cast<char>(m);
  char* bytes = nullptr;
  size_t len = 0;
  if (db_ && hs_serialize_database(db_, &bytes, &len) == HS_SUCCESS) {
    out.append(bytes, len);
    std::free(bytes);
  }
  auto digest = Sha256(out);
  out.append(reinterpret_cast<const char*>(digest.data()), digest.size());
  return out;
}

std::unique_ptr<HsDatabase> HsDatabase::Deserialize(std::string_view bytes, size_t rule_count) {
  const size_t header = sizeof kMagic + sizeof(std::uint32_t) + rule_count;
  if (bytes.size() < header + 32 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    return nullptr;
  }
  const std::string_view body(bytes.data(), bytes.size() - 32);
  auto digest = Sha256(body);
  if (std::memcmp(digest.data(), bytes.data() + body.size(), 32) != 0) return nullptr;
  std::uint32_t n = 0;
  std::memcpy(&n, bytes.data() + sizeof kMagic, sizeof n);
  if (n != rule_count) return nullptr;
  auto out = std::unique_ptr<HsDatabase>(new HsDatabase());
  bool any_hs = false;
  for (size_t i = 0; i < rule_count; ++i) {
    auto m = static_cast<std::uint8_t>(bytes[sizeof kMagic + sizeof n + i]);
    if (m > 2) return nullptr;
    out->modes_.push_back(static_cast<RuleMode>(m));
    any_hs = any_hs || m != 2;
  }
  const size_t db_len = body.size() - header;
  if (any_hs) {
    if (db_len == 0) return nullptr;
    if (hs_deserialize_database(body.data() + header, db_len, &out->db_) != HS_SUCCESS) {
      return nullptr;
    }
  } else if (db_len != 0) {
    return nullptr;
  }
  return out;
}

HsDatabase::~HsDatabase() {
  if (db_) hs_free_database(db_);
}

std::string DatabaseKey(const std::vector<Rule>& rules) {
  Sha256Builder h;
  h.AddField("sprawl-hsdb-v1");
  h.AddField(hs_version());
  hs_platform_info_t plat{};
  if (hs_populate_platform(&plat) == HS_SUCCESS) {
    h.AddField(std::string_view(reinterpret_cast<const char*>(&plat), sizeof plat));
  }
  for (const auto& r : rules)
    h.AddField(r.pattern);
  auto d = h.Finish();
  return ToHex(d.data(), 16);
}

}  // namespace sprawl
