// Encoders for tests of the decoding layer: the inputs are built by encoding a known secret,
// so every expectation is derived, not copied.
#pragma once

#include <string>

namespace sprawl::test {

inline std::string Base64(const std::string& in, bool url_safe = false, bool pad = true) {
  const char* a = url_safe ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                           : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 3 <= in.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) |
                       (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    out += {a[v >> 18], a[(v >> 12) & 63], a[(v >> 6) & 63], a[v & 63]};
  }
  if (i + 1 == in.size()) {
    const unsigned v = static_cast<unsigned char>(in[i]) << 16;
    out += {a[v >> 18], a[(v >> 12) & 63]};
    if (pad) out += "==";
  } else if (i + 2 == in.size()) {
    const unsigned v =
        (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8);
    out += {a[v >> 18], a[(v >> 12) & 63], a[(v >> 6) & 63]};
    if (pad) out += "=";
  }
  return out;
}

inline std::string Hex(const std::string& in) {
  static const char* d = "0123456789abcdef";
  std::string out;
  for (unsigned char c : in)
    out += {d[c >> 4], d[c & 15]};
  return out;
}

// Every byte outside [A-Za-z0-9._~-] as %XX.
inline std::string PercentEncode(const std::string& in) {
  static const char* d = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : in) {
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '~' || c == '-';
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += {'%', d[c >> 4], d[c & 15]};
    }
  }
  return out;
}

// A JSON string body: quotes and backslashes escaped, newlines as \n.
inline std::string JsonEscape(const std::string& in) {
  std::string out;
  for (char c : in) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace sprawl::test
