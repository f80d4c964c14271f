#include "sprawl/finding.hpp"

namespace sprawl {

const char* ToString(VerificationStatus s) {
  switch (s) {
    case VerificationStatus::kNotChecked:
      return "not-checked";
    case VerificationStatus::kVerified:
      return "verified";
    case VerificationStatus::kInvalid:
      return "invalid";
    case VerificationStatus::kUnknown:
      return "unknown";
  }
  return "unknown";
}

bool ParseVerificationStatus(const std::string& s, VerificationStatus* out) {
  for (auto v : {VerificationStatus::kNotChecked, VerificationStatus::kVerified,
                 VerificationStatus::kInvalid, VerificationStatus::kUnknown}) {
    if (s == ToString(v)) {
      *out = v;
      return true;
    }
  }
  return false;
}

}  // namespace sprawl
