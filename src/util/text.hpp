// Small string helpers shared across stages.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sprawl {

std::string ToLower(std::string_view s);
std::string_view Trim(std::string_view s);
bool IsKebabCase(std::string_view s);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
// Case-insensitive substring search (ASCII).
bool ContainsIgnoreCase(std::string_view haystack, std::string_view needle);
// Parses sizes such as "25MiB", "10 MB", "4096", "1g" into bytes; returns false if malformed.
bool ParseByteSize(std::string_view text, std::uint64_t* bytes);
std::string HumanBytes(std::uint64_t bytes);
// Printable ASCII, tab, LF or CR: what text is made of, and all a secret or a rule's
// context can be made of. Takes any int so a failed decode's -1 is simply not text.
inline bool IsAsciiText(int c) {
  return (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\r';
}
// Appends code point `cp` (at most U+10FFFF) encoded as UTF-8.
void AppendUtf8(std::uint32_t cp, std::string* out);

}  // namespace sprawl
