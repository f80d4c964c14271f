// Finds the service-account JSON object around a finding without a full JSON parse: the
// object is often embedded in other text (an env var, a YAML value, a string-escaped JSON
// inside JSON), where a strict parser would fail.
#include <algorithm>

#include "owners/token_metadata.hpp"

namespace sprawl::owners {
namespace {

constexpr std::size_t kWindow = 64 * 1024;  // a key file is ~2.3 KB; bound the search

// [begin, end) of the innermost {...} that encloses `offset`, or none.
std::optional<std::pair<std::size_t, std::size_t>> EnclosingObject(std::string_view s,
                                                                   std::size_t offset) {
  if (offset >= s.size()) return std::nullopt;
  const std::size_t low = offset > kWindow ? offset - kWindow : 0;
  int depth = 0;
  std::size_t begin = std::string_view::npos;
  for (std::size_t i = offset + 1; i-- > low;) {
    if (s[i] == '}' && i != offset) ++depth;
    if (s[i] == '{') {
      if (depth == 0) {
        begin = i;
        break;
      }
      --depth;
    }
  }
  if (begin == std::string_view::npos) return std::nullopt;
  depth = 0;
  const std::size_t high = std::min(s.size(), begin + 2 * kWindow);
  for (std::size_t i = begin; i < high; ++i) {
    if (s[i] == '{') ++depth;
    if (s[i] == '}' && --depth == 0) return std::make_pair(begin, i + 1);
  }
  return std::make_pair(begin, high);  // truncated object: still read what is there
}

// The string value of "key" in `obj`, where quotes may be escaped (\" or \\\").
std::string StringField(std::string_view obj, std::string_view key) {
  const std::string quoted = std::string(key);
  for (std::size_t at = obj.find(quoted); at != std::string_view::npos;
       at = obj.find(quoted, at + 1)) {
    if (at == 0 || obj[at - 1] != '"') continue;
    std::size_t i = at + quoted.size();
    while (i < obj.size() && obj[i] == '\\')
      ++i;
    if (i >= obj.size() || obj[i] != '"') continue;
    ++i;
    while (i < obj.size() && (obj[i] == ' ' || obj[i] == '\t' || obj[i] == '\\'))
      ++i;
    if (i >= obj.size() || obj[i] != ':') continue;
    ++i;
    while (i < obj.size() && (obj[i] == ' ' || obj[i] == '\t' || obj[i] == '\\'))
      ++i;
    if (i >= obj.size() || obj[i] != '"') continue;
    const std::size_t start = ++i;
    while (i < obj.size() && obj[i] != '"' && obj[i] != '\\' && obj[i] != '\n')
      ++i;
    return std::string(obj.substr(start, i - start));
  }
  return {};
}

}  // namespace

std::optional<ServiceAccountInfo> ServiceAccountAround(std::string_view content,
                                                       std::size_t offset) {
  auto range = EnclosingObject(content, offset);
  if (!range) return std::nullopt;
  const std::string_view obj = content.substr(range->first, range->second - range->first);
  if (StringField(obj, "type") != "service_account") return std::nullopt;
  ServiceAccountInfo sa;
  sa.client_email = StringField(obj, "client_email");
  sa.project_id = StringField(obj, "project_id");
  sa.private_key_id = StringField(obj, "private_key_id");
  sa.client_id = StringField(obj, "client_id");
  return sa;
}

}  // namespace sprawl::owners
