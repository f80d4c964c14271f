#include "filters/stored_value.hpp"

#include <algorithm>
#include <array>

namespace sprawl {
namespace {

// crypt(3) and PHC identifiers: https://man7.org/linux/man-pages/man5/crypt.5.html and
// https://github.com/P-H-C/phc-string-format; $apr1$ is Apache's MD5 (htpasswd -m).
constexpr std::array<std::string_view, 12> kHashIds = {"$1$",     "$5$",      "$6$",     "$apr1$",
                                                       "$2a$",    "$2b$",     "$2y$",    "$2x$",
                                                       "$argon2", "$scrypt$", "$pbkdf2", "$y$"};

bool IsCryptHash(std::string_view v) {
  // htpasswd: `user:hash`, the user name without ':' or '$'.
  const std::size_t colon = v.find(':');
  if (colon != std::string_view::npos && colon > 0 &&
      v.substr(0, colon).find('$') == std::string_view::npos) {
    v.remove_prefix(colon + 1);
  }
  for (std::string_view id : kHashIds) {
    // at least a salt or parameters and a hash after the identifier
    if (v.substr(0, id.size()) == id && v.size() >= id.size() + 16 &&
        v.find('$', id.size()) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

bool AllOf(std::string_view v, bool (*in)(char)) {
  return std::all_of(v.begin(), v.end(), in);
}

bool Base64UrlChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '=';
}

bool Base64Char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/' || c == '=';
}

}  // namespace

const char* StoredValueKind(std::string_view value) {
  if (IsCryptHash(value)) return "password hash";
  // SOPS: ENC[AES256_GCM,data:…,iv:…,tag:…,type:…] (https://github.com/getsops/sops).
  if (value.substr(0, 15) == "ENC[AES256_GCM,") return "SOPS-encrypted value";
  // Jasypt / Spring Boot: ENC(<base64 ciphertext>), decrypted with a password kept elsewhere.
  if (value.size() >= 16 && value.substr(0, 4) == "ENC(" && value.back() == ')' &&
      AllOf(value.substr(4, value.size() - 5), Base64Char)) {
    return "Jasypt-encrypted value";
  }
  if (value.size() >= 100 && value.substr(0, 6) == "gAAAAA" && AllOf(value, Base64UrlChar)) {
    return "Fernet token (encrypted data)";
  }
  if (value.size() >= 300 && value.substr(0, 2) == "Ag" && AllOf(value, Base64Char)) {
    return "SealedSecret ciphertext";
  }
  // KMS ciphertext blobs, base64: AWS's start with the bytes 01 02 02 00 78 (`AQICAH`),
  // Google Cloud KMS's with a protobuf field of 36 bytes (`CiQA`). Decrypting them needs
  // the key in KMS.
  if (value.size() >= 60 && AllOf(value, Base64Char) &&
      (value.substr(0, 6) == "AQICAH" || value.substr(0, 4) == "CiQA")) {
    return "KMS ciphertext";
  }
  return nullptr;
}

}  // namespace sprawl
