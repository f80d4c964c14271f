// What a file or blob's bytes are to the scanner: text (UTF-8 or any ASCII superset), text
// saved as UTF-16, or binary.
//
// UTF-16 files (PowerShell scripts, .reg exports, some Visual Studio and .NET files) put a
// NUL beside every ASCII character, so the NUL sniff alone would skip them as binary and
// every secret in them would be lost. They are transcoded to UTF-8 and scanned; findings
// then carry the file's own byte offsets and `encoding` "utf-16le" / "utf-16be" (before any
// decoding chain: "utf-16le>base64"). Line and column need no mapping: both count
// characters, which UTF-16 and UTF-8 share.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sprawl/finding.hpp"
#include "sprawl/stats.hpp"

namespace sprawl {

class ContentScanner;

enum class Utf16Kind { kNone, kLittleEndian, kBigEndian };

// The UTF-16 flavour of a file whose first bytes are `head`: from its byte-order mark, or
// without one when nine in ten of its first 2,048 characters are ASCII text with the NUL
// half on one side.
Utf16Kind DetectUtf16(std::string_view head);

// `bytes` (a byte-order mark is dropped) as UTF-8; unpaired surrogates become U+FFFD and an
// odd last byte is dropped.
std::string Utf16ToUtf8(std::string_view bytes, Utf16Kind kind);

// The byte offset in the UTF-16 file of byte `utf8_offset` of its transcoding `utf8`.
std::uint64_t Utf16ByteOffset(std::string_view utf8, std::size_t utf8_offset, bool has_bom);

// Scans `data`, whole, as one text: as it is, or transcoded when it is UTF-16. Counts the
// file as scanned, or as binary (and scans nothing) when it is neither. `data` must fit one
// scan (the files source chunks larger files itself; a UTF-16 file larger than one chunk
// is counted as binary).
void ScanTextContent(std::string_view data, const std::string& path, ContentScanner& scanner,
                     std::vector<Finding>* out, ScanStats* stats);

}  // namespace sprawl
