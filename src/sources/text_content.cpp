#include "sources/text_content.hpp"

#include <algorithm>

#include "findings/content_scanner.hpp"
#include "sources/file_scan.hpp"
#include "util/text.hpp"

namespace sprawl {
namespace {

constexpr std::size_t kSniffUnits = 2048;  // characters looked at without a byte-order mark

bool HasBom(std::string_view bytes, Utf16Kind kind) {
  if (bytes.size() < 2) return false;
  const auto b0 = static_cast<unsigned char>(bytes[0]);
  const auto b1 = static_cast<unsigned char>(bytes[1]);
  return kind == Utf16Kind::kLittleEndian ? (b0 == 0xFF && b1 == 0xFE) : (b0 == 0xFE && b1 == 0xFF);
}

std::uint32_t UnitAt(std::string_view bytes, std::size_t i, Utf16Kind kind) {
  const auto a = static_cast<unsigned char>(bytes[i]);
  const auto b = static_cast<unsigned char>(bytes[i + 1]);
  return kind == Utf16Kind::kLittleEndian ? (a | b << 8) : (a << 8 | b);
}

}  // namespace

Utf16Kind DetectUtf16(std::string_view head) {
  if (HasBom(head, Utf16Kind::kLittleEndian)) return Utf16Kind::kLittleEndian;
  if (HasBom(head, Utf16Kind::kBigEndian)) return Utf16Kind::kBigEndian;
  const std::size_t units = std::min(head.size() / 2, kSniffUnits);
  if (units < 2) return Utf16Kind::kNone;
  std::size_t le = 0, be = 0;
  for (std::size_t u = 0; u < units; ++u) {
    const auto a = static_cast<unsigned char>(head[2 * u]);
    const auto b = static_cast<unsigned char>(head[2 * u + 1]);
    le += b == 0 && IsAsciiText(a);
    be += a == 0 && IsAsciiText(b);
  }
  // Nine in ten: room for non-ASCII characters, none for binary that happens to hold NULs.
  if (le * 10 >= units * 9) return Utf16Kind::kLittleEndian;
  if (be * 10 >= units * 9) return Utf16Kind::kBigEndian;
  return Utf16Kind::kNone;
}

std::string Utf16ToUtf8(std::string_view bytes, Utf16Kind kind) {
  std::string out;
  out.reserve(bytes.size() / 2 + bytes.size() / 8);
  std::size_t i = HasBom(bytes, kind) ? 2 : 0;
  for (; i + 1 < bytes.size(); i += 2) {
    const std::uint32_t unit = UnitAt(bytes, i, kind);
    if (unit < 0x80) {
      out.push_back(static_cast<char>(unit));
      continue;
    }
    if (unit >= 0xD800 && unit < 0xDC00 && i + 3 < bytes.size()) {
      const std::uint32_t low = UnitAt(bytes, i + 2, kind);
      if (low >= 0xDC00 && low < 0xE000) {
        AppendUtf8(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), &out);
        i += 2;
        continue;
      }
    }
    AppendUtf8(unit >= 0xD800 && unit < 0xE000 ? 0xFFFD : unit, &out);
  }
  return out;
}

std::uint64_t Utf16ByteOffset(std::string_view utf8, std::size_t utf8_offset, bool has_bom) {
  std::uint64_t units = 0;
  for (std::size_t i = 0; i < utf8_offset && i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if ((c & 0xC0) != 0x80) ++units;  // a character starts here: one UTF-16 unit
    if (c >= 0xF0) ++units;           // beyond the BMP: a surrogate pair
  }
  return (has_bom ? 2 : 0) + 2 * units;
}

void ScanTextContent(std::string_view data, const std::string& path, ContentScanner& scanner,
                     std::vector<Finding>* out, ScanStats* stats) {
  if (!LooksBinary(data)) {
    ++stats->files_scanned;
    stats->bytes_scanned += data.size();
    scanner.ScanAll(data, path, out, stats);
    return;
  }
  const Utf16Kind kind = DetectUtf16(data);
  if (kind == Utf16Kind::kNone) {
    ++stats->skipped_binary;
    return;
  }
  const std::string text = Utf16ToUtf8(data, kind);
  if (LooksBinary(text)) {  // U+0000 characters: binary data after a text-like start
    ++stats->skipped_binary;
    return;
  }
  ++stats->files_scanned;
  stats->bytes_scanned += data.size();
  const std::size_t first = out->size();
  scanner.ScanAll(text, path, out, stats);
  const bool bom = HasBom(data, kind);
  const char* name = kind == Utf16Kind::kLittleEndian ? "utf-16le" : "utf-16be";
  for (std::size_t i = first; i < out->size(); ++i) {
    Finding& f = (*out)[i];
    f.offset = Utf16ByteOffset(text, static_cast<std::size_t>(f.offset), bom);
    f.encoding = f.encoding.empty() ? name : std::string(name) + ">" + f.encoding;
  }
}

}  // namespace sprawl
