#include "baseline/baseline.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

#include "sprawl/error.hpp"
#include "util/escape.hpp"
#include "util/fs.hpp"

namespace sprawl {
namespace {

using Json = nlohmann::ordered_json;

// `sprawl scan ./src` reports `./src/a.env` where `sprawl scan src` reports `src/a.env`:
// both name the same file, so they match the same entry.
std::string_view WithoutDotSlash(std::string_view path) {
  while (path.size() > 2 && path.substr(0, 2) == "./") {
    path.remove_prefix(2);
    while (path.size() > 1 && path.front() == '/')
      path.remove_prefix(1);
  }
  return path;
}

bool IsSha256Hex(const std::string& s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

// nlohmann reports the 1-based index of the last byte read; users want line:column.
std::string LineColumn(const std::string& text, std::size_t byte) {
  const std::size_t index = std::min(byte == 0 ? 0 : byte - 1, text.size());
  const std::size_t line = 1 + static_cast<std::size_t>(std::count(
                                   text.begin(), text.begin() + static_cast<long>(index), '\n'));
  const std::size_t nl = index == 0 ? std::string::npos : text.rfind('\n', index - 1);
  const std::size_t column = nl == std::string::npos ? index + 1 : index - nl;
  return std::to_string(line) + ":" + std::to_string(column);
}

// "[json.exception.parse_error.101] parse error at line 1, column 7: syntax error ..." →
// "syntax error ...": the position is given once, in file:line:column form.
std::string ParseErrorReason(const std::string& what) {
  const size_t at = what.find("syntax error");
  if (at != std::string::npos) return what.substr(at);
  const size_t colon = what.find("]: ");
  return colon == std::string::npos ? what : what.substr(colon + 3);
}

std::string RequireString(const Json& entry, const char* key, const std::string& where) {
  auto it = entry.find(key);
  if (it == entry.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
    throw UsageError(where + ": '" + key + "' must be a non-empty string");
  }
  return it->get<std::string>();
}

BaselineEntry ParseEntry(const Json& j, const std::string& where) {
  if (!j.is_object()) throw UsageError(where + ": expected an object");
  for (const auto& [key, value] : j.items()) {
    if (key != "rule_id" && key != "path" && key != "secret_sha256" && key != "fingerprint" &&
        key != "line") {
      throw UsageError(where + ": unknown key '" + key + "'");
    }
  }
  BaselineEntry e;
  e.rule_id = RequireString(j, "rule_id", where);
  e.path = RequireString(j, "path", where);
  e.secret_sha256 = RequireString(j, "secret_sha256", where);
  std::transform(e.secret_sha256.begin(), e.secret_sha256.end(), e.secret_sha256.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (!IsSha256Hex(e.secret_sha256)) {
    throw UsageError(where + ": 'secret_sha256' must be 64 hex characters");
  }
  if (auto it = j.find("fingerprint"); it != j.end()) {
    if (!it->is_string()) throw UsageError(where + ": 'fingerprint' must be a string");
    e.fingerprint = it->get<std::string>();
  }
  if (auto it = j.find("line"); it != j.end()) {
    if (!it->is_number_unsigned()) {
      throw UsageError(where + ": 'line' must be a non-negative integer");
    }
    e.line = it->get<std::uint64_t>();
  }
  return e;
}

bool EntryLess(const BaselineEntry& a, const BaselineEntry& b) {
  return std::tie(a.path, a.rule_id, a.secret_sha256, a.line) <
         std::tie(b.path, b.rule_id, b.secret_sha256, b.line);
}

}  // namespace

Baseline::Key Baseline::KeyOf(const BaselineEntry& e) {
  return {e.rule_id, std::string(WithoutDotSlash(e.path)), e.secret_sha256};
}

Baseline::Key Baseline::KeyOf(const Finding& f) {
  return {f.rule->id, std::string(WithoutDotSlash(SanitizeUtf8(f.path))), f.secret_sha256};
}

void Baseline::Index() {
  std::sort(entries_.begin(), entries_.end(), EntryLess);
  keys_.clear();
  for (const auto& e : entries_)
    keys_.insert(KeyOf(e));
}

Baseline Baseline::FromFindings(const std::vector<Finding>& findings) {
  Baseline b;
  for (const auto& f : findings) {
    b.entries_.push_back(
        BaselineEntry{f.rule->id, SanitizeUtf8(f.path), f.secret_sha256, f.fingerprint, f.line});
  }
  // The same secret twice in a file is one identity; keep its first line, whatever the
  // order findings came in.
  std::sort(b.entries_.begin(), b.entries_.end(), EntryLess);
  std::set<Key> seen;
  std::erase_if(b.entries_, [&](const BaselineEntry& e) { return !seen.insert(KeyOf(e)).second; });
  b.Index();
  return b;
}

Baseline Baseline::Parse(const std::string& text, const std::string& file) {
  Json doc;
  try {
    doc = Json::parse(text);
  } catch (const Json::parse_error& e) {
    throw UsageError(file + ":" + LineColumn(text, e.byte) +
                     ": invalid baseline JSON: " + ParseErrorReason(e.what()));
  }
  if (!doc.is_object()) throw UsageError(file + ": a baseline must be a JSON object");
  for (const auto& [key, value] : doc.items()) {
    if (key != "version" && key != "tool" && key != "entries") {
      throw UsageError(file + ": unknown key '" + key + "'");
    }
  }
  auto version = doc.find("version");
  if (version == doc.end()) throw UsageError(file + ": missing 'version'");
  if (!version->is_number_integer() || version->get<long long>() != kBaselineVersion) {
    throw UsageError(file + ": unsupported baseline version " + version->dump() +
                     " (this sprawl reads version " + std::to_string(kBaselineVersion) + ")");
  }
  if (auto tool = doc.find("tool"); tool != doc.end() && *tool != "sprawl") {
    throw UsageError(file + ": 'tool' is " + tool->dump() + ", expected \"sprawl\"");
  }
  auto entries = doc.find("entries");
  if (entries == doc.end() || !entries->is_array()) {
    throw UsageError(file + ": 'entries' must be an array");
  }
  Baseline b;
  for (std::size_t i = 0; i < entries->size(); ++i) {
    b.entries_.push_back(ParseEntry((*entries)[i], file + ": entries[" + std::to_string(i) + "]"));
  }
  b.Index();
  return b;
}

Baseline Baseline::Load(const std::string& file) {
  auto text = ReadWholeFile(file);
  if (!text) {
    throw UsageError(file + ": cannot read baseline: " + std::strerror(errno) +
                     (errno == ENOENT ? " (create one with 'sprawl baseline create')" : ""));
  }
  return Parse(*text, file);
}

std::string Baseline::ToJson() const {
  Json doc;
  doc["version"] = kBaselineVersion;
  doc["tool"] = "sprawl";
  doc["entries"] = Json::array();
  for (const auto& e : entries_) {
    doc["entries"].push_back({{"rule_id", e.rule_id},
                              {"path", e.path},
                              {"secret_sha256", e.secret_sha256},
                              {"fingerprint", e.fingerprint},
                              {"line", e.line}});
  }
  return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

void Baseline::Save(const std::string& file) const {
  if (!WriteFileAtomic(file, ToJson())) {
    throw UsageError(file + ": cannot write baseline: " + std::strerror(errno));
  }
}

bool Baseline::Contains(const Finding& finding) const {
  return keys_.count(KeyOf(finding)) != 0;
}

bool Baseline::Contains(const BaselineEntry& entry) const {
  return keys_.count(KeyOf(entry)) != 0;
}

std::vector<BaselineEntry> Baseline::Unmatched(const std::vector<Finding>& findings) const {
  std::set<Key> found;
  for (const auto& f : findings)
    found.insert(KeyOf(f));
  std::vector<BaselineEntry> out;
  for (const auto& e : entries_) {
    if (!found.count(KeyOf(e))) out.push_back(e);
  }
  return out;
}

std::size_t RemoveBaselined(const Baseline& baseline, std::vector<Finding>* findings) {
  if (baseline.entries().empty()) return 0;
  return static_cast<std::size_t>(
      std::erase_if(*findings, [&](const Finding& f) { return baseline.Contains(f); }));
}

}  // namespace sprawl
