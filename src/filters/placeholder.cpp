#include "filters/placeholder.hpp"

#include <cctype>

#include "util/text.hpp"

namespace sprawl {
namespace {

// Words that only appear in documentation values, never in issued credentials. A password
// that spells "password" is a sample (`generatedwebdavpassword1`, `SomeKindOfPassword123!`):
// no provider's token format contains the word.
constexpr std::string_view kPlaceholderWords[] = {
    "example",    "sample",    "placeholder", "dummy",    "changeme", "change_me",
    "replace_me", "replaceme", "redacted",    "your_",    "your-",    "yourkey",
    "yourstrong", "password",  "fake",        "not-real", "not_real", "notreal",
};

// Template, masking and shell syntax that real credentials do not contain, and the ellipsis
// of a value shortened in documentation (`ACEGmnoq#1rstu2...BDFH3vxwy`).
constexpr std::string_view kPlaceholderMarks[] = {
    "xxxx", "XXXX", "****", "${", "{{", "}}", "%(", "$(", "...",
};

// Values published as examples in specifications and tools' documentation, copied into
// READMEs and tests everywhere; none grants access to anything. Exact values only (a rule
// that stops at a space captures RFC 7617's pair as "Aladdin:open").
constexpr std::string_view kDocumentedExamples[] = {
    "Aladdin:open sesame",  // RFC 7617 (HTTP Basic), section 2
    "Aladdin:open",
    "mF_9.B5f-4.1JqM",  // RFC 6750 (OAuth 2.0 Bearer), section 2.1
    // AWS documentation (CLI examples shipped with awscli and botocore): IAM service-specific
    // credentials, KMS external key store proxy credentials, Direct Connect BGP keys
    "+oaFsNk7tLco+C/obP9GhhcOzGcKOayTmE3LnAmAmH4=",
    "DXjSUawnel2fr6SKC7G25CNxTyWKE5PF9XX6H/u9pSo=",
    "0x123pK5_VBqv.UQ3kJ4123_",
    "0xzxgA9YoW9h58u8SvOmXRTw",
    // WordPress's application password integration guide shows the chunked format with it
    "abcd EFGH 1234 ijkl MNOP 6789",
    // jwt.io's default token (HS256, "John Doe", secret "your-256-bit-secret")
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0"
    "IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
    // RFC 7519 (JWT), section 3.1
    "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0"
    "dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
    // PyJWT's README ({"some": "payload"} signed with "secret")
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzb21lIjoicGF5bG9hZCJ9."
    "4twFt5NiznN84AWoo1d7KO1T_yoc0Z6XOpOVswacPZg",
    // RFC 6749 (OAuth 2.0): access and refresh token (5.1), code (4.1.2), client (2.3.1)
    "2YotnFZFEjr1zCsicMWpAA",
    "tGzv3JOkF0XG5Qx2TlKWIA",
    "SplxlOBeZQQYbYS6WxSbIA",
    "s6BhdRkqt3:gX1fBat3bV",
    "gX1fBat3bV",
    // RFC 5849 (OAuth 1.0): token and the client's and token's shared secrets (1.2)
    "ad180jjd733klru7",
    "nnch734d00sl2jdk",
    "kd94hf93k423kf44",
    "pfkkdhi9sl3r4s00",
    // Azurite (the Azure Storage emulator): devstoreaccount1's published account key
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
};

// Parts of tokens shown in providers' format documentation, copied with other prefixes or
// suffixes as often as whole: the Dynatrace token's documented public portion, HCP
// Terraform's sample token id.
constexpr std::string_view kDocumentedExampleParts[] = {
    "ST2EY72KQINMH574WMNVI7YN",
    "QnbSxjjhVMHJgw.atlasv1.",
};

// A named constant plus an offset (`CURLOPT_PASSWORD = CURLOPTTYPE_STRINGPOINT+174` in a
// binding's source): an expression, not a literal value.
bool IsConstantExpression(std::string_view s) {
  const std::size_t op = s.find_first_of("+-|");
  if (op == std::string_view::npos || op == 0 || op + 1 >= s.size()) return false;
  const std::string_view name = s.substr(0, op);
  if (name.find('_') == std::string_view::npos) return false;
  for (const char c : name) {
    if (!(std::isupper(static_cast<unsigned char>(c)) ||
          std::isdigit(static_cast<unsigned char>(c)) || c == '_')) {
      return false;
    }
  }
  for (const char c : s.substr(op + 1)) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool IsIdentChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// $VAR, ${VAR}, %VAR%, process.env.X, os.environ[…], getenv(…), ENV[…].
bool IsEnvironmentReference(std::string_view s) {
  if (s.size() >= 2 && s.front() == '$') {
    std::string_view rest = s.substr(1);
    if (!rest.empty() && rest.front() == '{' && rest.back() == '}') {
      rest = rest.substr(1, rest.size() - 2);
    }
    bool ident = !rest.empty() && !std::isdigit(static_cast<unsigned char>(rest.front()));
    for (char c : rest)
      ident = ident && IsIdentChar(c);
    if (ident) return true;
  }
  if (s.size() >= 3 && s.front() == '%' && s.back() == '%') {
    bool ident = true;
    for (char c : s.substr(1, s.size() - 2))
      ident = ident && IsIdentChar(c);
    if (ident) return true;
  }
  for (std::string_view prefix : {"process.env", "os.environ", "getenv(", "ENV[", "env("}) {
    if (StartsWith(s, prefix)) return true;
  }
  return false;
}

// A pointer into a secret store that the deployment resolves: HashiCorp Vault (`vault:path#key`),
// 1Password (`op://vault/item/field`), Google Secret Manager
// (`projects/p/secrets/name/versions/latest`), CloudFormation dynamic references
// (`{{resolve:secretsmanager:…}}`), Azure App Service Key Vault references.
bool IsSecretStoreReference(std::string_view s) {
  for (std::string_view prefix :
       {"vault:", "op://", "{{resolve:", "@Microsoft.KeyVault(", "secretsmanager:", "ssm:"}) {
    if (StartsWith(s, prefix)) return true;
  }
  return StartsWith(s, "projects/") && s.find("/secrets/") != std::string_view::npos;
}

// A `<your-api-key>`, `<TOKEN>` or `<password from 1Password>` slot: words between angle
// brackets. A lone < or > is a character like any other (WordPress salts hold them).
bool HasAngleBracketSlot(std::string_view s) {
  for (std::size_t open = s.find('<'); open != std::string_view::npos;
       open = s.find('<', open + 1)) {
    std::size_t i = open + 1;
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_' ||
                            s[i] == '-' || s[i] == ' ' || s[i] == '.' || s[i] == '/')) {
      ++i;
    }
    if (i > open + 1 && i < s.size() && s[i] == '>') return true;
  }
  // An unterminated slot cut by a rule that stops at '>' or a quote: `<your-token`.
  return !s.empty() && (s.front() == '<' || s.back() == '>');
}

// Letters fold to lower case so a run survives mixed case (`stUvwXyz` in a documented sample).
char FoldCase(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool SameClass(char a, char b) {
  auto cls = [](char c) {
    if (c >= '0' && c <= '9') return 0;
    if (c >= 'a' && c <= 'z') return 1;
    return 3;
  };
  return cls(a) == cls(b) && cls(a) != 3;
}

// A run of 6 identical characters, or 6 consecutive ascending/descending ones.
bool HasTellingRun(std::string_view s) {
  int same = 1, up = 1, down = 1;
  for (size_t i = 1; i < s.size(); ++i) {
    const char a = FoldCase(s[i - 1]), b = FoldCase(s[i]);
    same = a == b ? same + 1 : 1;
    up = SameClass(a, b) && b == a + 1 ? up + 1 : 1;
    down = SameClass(a, b) && b == a - 1 ? down + 1 : 1;
    if (same >= 6 || up >= 6 || down >= 6) return true;
  }
  return false;
}

constexpr size_t kMaxRunCheckedLength = 128;

}  // namespace

const char* PlaceholderReason(std::string_view secret, bool check_runs) {
  for (std::string_view e : kDocumentedExamples) {
    if (secret == e) return "documented example value";
  }
  for (std::string_view part : kDocumentedExampleParts) {
    if (secret.find(part) != std::string_view::npos) return "documented example value";
  }
  for (std::string_view w : kPlaceholderWords) {
    if (ContainsIgnoreCase(secret, w)) return "placeholder word";
  }
  for (std::string_view m : kPlaceholderMarks) {
    if (secret.find(m) != std::string_view::npos) return "template or mask syntax";
  }
  if (HasAngleBracketSlot(secret)) return "template or mask syntax";
  if (IsEnvironmentReference(secret)) return "environment reference";
  if (IsSecretStoreReference(secret)) return "secret store reference";
  if (IsConstantExpression(secret)) return "named constant expression";
  // Long structured secrets (PEM blocks, base64 with zero-length fields) have natural runs.
  if (check_runs && secret.size() <= kMaxRunCheckedLength && HasTellingRun(secret)) {
    return "repeated or sequential characters";
  }
  return nullptr;
}

}  // namespace sprawl
