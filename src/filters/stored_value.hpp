// Values that sit where a credential is assigned but are not one: what a system stores or
// ships instead of the secret. Only for generic (assignment) rules: a provider rule knows
// its own secret's shape.
#pragma once

#include <string_view>

namespace sprawl {

// The kind of stored value `value` is, or nullptr:
// - a password hash in crypt(3)/PHC string form ($1$, $5$, $6$, $apr1$, $2a$/$2b$/$2y$,
//   $argon2…$, $scrypt$, $pbkdf2…$, $y$), alone or as an htpasswd `user:hash` line;
// - a Fernet token (Python `cryptography`: base64url of 0x80, a 64-bit timestamp, IV,
//   ciphertext and HMAC, so it starts "gAAAAA" and is at least 100 characters);
// - a SOPS-encrypted value (ENC[AES256_GCM,data:…]);
// - a Bitnami SealedSecret value (base64 of a 2-byte session-key length, 0x0200 for the
//   default 4096-bit key, so it starts "Ag", then the RSA-encrypted key and the sealed
//   data: hundreds of characters).
const char* StoredValueKind(std::string_view value);

}  // namespace sprawl
