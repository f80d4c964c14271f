// A lossless JSON form of VerifySpec/RevokeSpec. The build-time rule embedder stores each
// rule's blocks in this form in the static rule tables; the binary turns them back into specs
// without a YAML parser. Round-tripping is tested against the YAML loader.
#pragma once

#include <string>
#include <string_view>

#include "sprawl/verify_spec.hpp"

namespace sprawl {

std::string VerifySpecToJson(const VerifySpec& spec);
std::string RevokeSpecToJson(const RevokeSpec& spec);
// Both throw std::runtime_error on text not produced by the functions above.
VerifySpec VerifySpecFromJson(std::string_view text);
RevokeSpec RevokeSpecFromJson(std::string_view text);

}  // namespace sprawl
