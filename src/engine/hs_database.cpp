#include "engine/hs_database.hpp"

#include <fmt/format.h>
#include <hs/hs.h>
#include <zlib.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>

#include "rules/patterns_digest.hpp"
#include "sprawl/error.hpp"
#include "util/sha256.hpp"

namespace sprawl {
namespace {

constexpr char kMagic[8] = {'S', 'P', 'R', 'W', 'L', 'H', 'S', '3'};
// Where the database image starts in the cache file. A Hyperscan database is position
// independent (serialising it is a plain copy of its bytecode) but its bytecode must sit
// at the same alignment it was laid out for: the image is laid out at a page boundary and
// mmap puts the file at one.
constexpr size_t kImageOffset = 4096;

// zlib's CRC-32 of a short buffer (a header page, a version string): zlib takes uInt lengths.
std::uint32_t Crc32(std::string_view bytes) {
  return static_cast<std::uint32_t>(crc32(crc32(0L, Z_NULL, 0),
                                          reinterpret_cast<const Bytef*>(bytes.data()),
                                          static_cast<uInt>(bytes.size())));
}

// Detects a damaged header page (a torn write, a bad disk block): the file is ours, under
// the user's cache directory, so this guards against accidents, not an adversary. The
// database image after it is checked by Hyperscan itself: hs_alloc_scratch verifies the
// database's own CRC-32C before use ("some users mmap in old deserialised databases").
std::uint32_t HeaderChecksum(std::string_view header) {
  static_assert(kImageOffset <= UINT32_MAX, "zlib takes lengths as uInt");
  return Crc32(header);
}

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
      out->db_ = out->owned_ = db;
      if (hs_alloc_scratch(db, &out->first_scratch_) != HS_SUCCESS) {
        throw RuntimeError("cannot allocate Hyperscan scratch space");
      }
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

std::string HsDatabase::Image() const {
  std::string out(kMagic, sizeof kMagic);
  std::uint32_t n = static_cast<std::uint32_t>(modes_.size());
  out.append(reinterpret_cast<const char*>(&n), sizeof n);
  for (auto m : modes_)
    out += static_cast<char>(m);
  if (out.size() > kImageOffset) throw RuntimeError("too many rules for the database cache");
  out.resize(kImageOffset, '\0');
  // Lay the database out at a page-aligned address, as it will be when mapped.
  char* bytes = nullptr;
  size_t len = 0;
  size_t image_size = 0;
  if (db_ && hs_serialize_database(db_, &bytes, &len) == HS_SUCCESS) {
    std::unique_ptr<char, decltype(&std::free)> serialized(bytes, &std::free);
    if (hs_serialized_database_size(bytes, len, &image_size) != HS_SUCCESS) return {};
    const size_t rounded = (image_size + kImageOffset - 1) / kImageOffset * kImageOffset;
    std::unique_ptr<void, decltype(&std::free)> at(std::aligned_alloc(kImageOffset, rounded),
                                                   &std::free);
    if (!at || hs_deserialize_database_at(bytes, len, static_cast<hs_database_t*>(at.get())) !=
                   HS_SUCCESS) {
      return {};
    }
    out.append(static_cast<const char*>(at.get()), image_size);
  }
  const std::uint32_t crc = HeaderChecksum(std::string_view(out).substr(0, kImageOffset));
  out.append(reinterpret_cast<const char*>(&crc), sizeof crc);
  return out;
}

std::unique_ptr<HsDatabase> HsDatabase::FromImage(MappedFile file, size_t rule_count) {
  const std::string_view bytes = file.bytes();
  if (bytes.size() < kImageOffset + sizeof(std::uint32_t) ||
      std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    return nullptr;
  }
  const std::string_view body(bytes.data(), bytes.size() - sizeof(std::uint32_t));
  std::uint32_t stored = 0;
  std::memcpy(&stored, bytes.data() + body.size(), sizeof stored);
  if (HeaderChecksum(body.substr(0, kImageOffset)) != stored) return nullptr;
  std::uint32_t n = 0;
  std::memcpy(&n, bytes.data() + sizeof kMagic, sizeof n);
  if (n != rule_count || sizeof kMagic + sizeof n + n > kImageOffset) return nullptr;
  auto out = std::unique_ptr<HsDatabase>(new HsDatabase());
  bool any_hs = false;
  for (size_t i = 0; i < rule_count; ++i) {
    auto m = static_cast<std::uint8_t>(bytes[sizeof kMagic + sizeof n + i]);
    if (m > 2) return nullptr;
    out->modes_.push_back(static_cast<RuleMode>(m));
    any_hs = any_hs || m != 2;
  }
  const size_t image_len = body.size() - kImageOffset;
  if (!any_hs) return image_len == 0 ? std::move(out) : nullptr;
  const auto* db = reinterpret_cast<const hs_database_t*>(body.data() + kImageOffset);
  // Hyperscan checks its header (magic, version, platform) and reports the size it expects;
  // allocating the first scratch then checks the whole database against its CRC-32C.
  size_t expected = 0;
  if (image_len < 64 || hs_database_size(db, &expected) != HS_SUCCESS || expected != image_len) {
    return nullptr;
  }
  hs_scratch_t* scratch = nullptr;
  if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS) return nullptr;
  out->db_ = db;
  out->first_scratch_ = scratch;
  out->mapping_.emplace(std::move(file));
  return out;
}

HsDatabase::~HsDatabase() {
  if (first_scratch_) hs_free_scratch(first_scratch_);
  if (owned_) hs_free_database(owned_);
}

hs_scratch* HsDatabase::NewScratch() const {
  if (!db_) return nullptr;
  std::lock_guard<std::mutex> lock(scratch_mu_);
  if (first_scratch_) return std::exchange(first_scratch_, nullptr);
  // Not a clone of the first: its owner may be scanning with it, and a clone copies it.
  hs_scratch_t* scratch = nullptr;
  if (hs_alloc_scratch(db_, &scratch) != HS_SUCCESS) {
    throw RuntimeError("cannot allocate Hyperscan scratch space");
  }
  return scratch;
}

std::string DatabaseKey(const std::vector<Rule>& rules) {
  const std::optional<Sha256Digest> built_in = BuiltInPatternsDigest(rules);
  const Sha256Digest patterns = built_in ? *built_in : PatternsDigest(rules);
  // The library version and platform are the machine's, not input anyone chooses: a CRC
  // tells them apart (Hyperscan also refuses an image of another version or platform).
  std::string machine = std::string(kMagic, sizeof kMagic) + '\0' + hs_version() + '\0';
  hs_platform_info_t plat{};
  if (hs_populate_platform(&plat) == HS_SUCCESS) {
    machine.append(reinterpret_cast<const char*>(&plat), sizeof plat);
  }
  return ToHex(patterns.data(), 16) + fmt::format("-{:08x}", Crc32(machine));
}

}  // namespace sprawl
