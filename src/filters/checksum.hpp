// Offline checksums that some providers embed in their tokens. A token whose checksum
// does not verify was not issued by the provider, so it is not a finding.
#pragma once

#include <string_view>

namespace sprawl {

// True if `name` is a checksum kind a rule may name in `checksum:`.
bool IsKnownChecksum(std::string_view name);

// Verifies `secret` against the named checksum. Unknown names return false.
bool VerifyChecksum(std::string_view name, std::string_view secret);

// GitHub-style: PREFIX_ + 30 base62 chars + 6 base62 chars of CRC32(those 30), alphabet
// 0-9A-Za-z, left-padded with '0'. Used by GitHub (ghp_, gho_, …) and npm (npm_).
bool VerifyGithubCrc32(std::string_view token);

}  // namespace sprawl
