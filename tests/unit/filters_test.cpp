#include <catch2/catch.hpp>

#include "filters/candidate_filter.hpp"
#include "filters/entropy.hpp"
#include "filters/placeholder.hpp"
#include "filters/stored_value.hpp"
#include "support/tokens.hpp"
#include "util/sha256.hpp"

using namespace sprawl;

TEST_CASE("Shannon entropy") {
  CHECK(ShannonEntropy("") == 0.0);
  CHECK(ShannonEntropy("aaaaaaaa") == 0.0);
  CHECK(ShannonEntropy("abababab") == Approx(1.0));
  CHECK(ShannonEntropy("0123456789abcdef") == Approx(4.0));
  CHECK(ShannonEntropy(test::PseudoRandomBase62(40, 5)) > 4.5);
}

TEST_CASE("placeholders are recognised") {
  for (const char* s : {"AKIAIOSFODNN7EXAMPLE",
                        "your_api_key_here",
                        "sk_live_xxxxxxxxxxxxxxxx",
                        "${STRIPE_SECRET}",
                        "{{ .Values.token }}",
                        "<your-token>",
                        "$API_TOKEN",
                        "%API_TOKEN%",
                        "process.env.TOKEN",
                        "os.environ['X']",
                        "aaaaaaB3kd9",
                        "key1234567zz",
                        "ABCDEFxyz9",
                        "************",
                        "REDACTED-9f8e",
                        "changeme123",
                        "generatedwebdavpassword1",
                        "SomeKindOfPassword123!@#",
                        "yourpassword",
                        "ACEGmnoq#1rstu2...BDFH3vxwy"}) {
    INFO(s);
    CHECK(PlaceholderReason(s) != nullptr);
  }
}

TEST_CASE("real-looking secrets are not placeholders") {
  for (std::uint64_t seed = 1; seed < 30; ++seed) {
    const std::string s = test::PseudoRandomBase62(36, seed);
    INFO(s);
    CHECK(PlaceholderReason(s) == nullptr);
  }
  CHECK(PlaceholderReason("9f8e7d6c5b4a39281706f5e4d3c2b1a0") == nullptr);
}

TEST_CASE("repeated-character heuristics do not apply to long structured secrets") {
  // PEM and base64 bodies contain long runs of 'A' (zero bytes) naturally.
  std::string pem =
      "-----BEGIN OPENSSH PRIVATE "
      "KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW" +
      test::PseudoRandomBase62(200, 3) + "\n-----END OPENSSH PRIVATE KEY-----";
  CHECK(PlaceholderReason(pem) == nullptr);
}

namespace {

Rule MakeRule(double entropy, const std::string& checksum = "") {
  Rule r;
  r.id = "test-rule";
  r.entropy = entropy;
  r.checksum = checksum;
  return r;
}

// A generic assignment rule (the filters that look at the assigned name apply to these) and a
// provider's rule (they do not).
Rule GenericAssignmentRule() {
  Rule r;
  r.id = "generic-secret-assignment";
  r.tags = {"generic", "assignment"};
  return r;
}

Rule ProviderRule() {
  Rule r;
  r.id = "specific";
  return r;
}

}  // namespace

TEST_CASE("candidate filter verdicts, in order") {
  std::string sha;
  const Rule low = MakeRule(4.0);
  CHECK(EvaluateCandidate({&low, "aabbaabbaabb", "x"}, nullptr, &sha).verdict ==
        FilterVerdict::kLowEntropy);

  const Rule any = MakeRule(0.0);
  CHECK(EvaluateCandidate({&any, "EXAMPLEKEY1", "x"}, nullptr, &sha).verdict ==
        FilterVerdict::kPlaceholder);

  const Rule gh = MakeRule(3.0, "github-crc32");
  const std::string bad = test::MakeGithubStyleToken("ghp_", 4, false);
  CHECK(EvaluateCandidate({&gh, bad, bad}, nullptr, &sha).verdict == FilterVerdict::kBadChecksum);
  const std::string good = test::MakeGithubStyleToken("ghp_", 4);
  auto r = EvaluateCandidate({&gh, good, "token = " + good}, nullptr, &sha);
  CHECK(r.verdict == FilterVerdict::kKeep);
  CHECK(r.checksum_valid);
  CHECK(sha == Sha256Hex(good));

  const std::string line = "token = " + good + "  # sprawl:allow test fixture";
  CHECK(EvaluateCandidate({&gh, good, line}, nullptr, &sha).verdict ==
        FilterVerdict::kAllowComment);
}

TEST_CASE("secret allowlist by hash and by pattern") {
  const std::string secret = test::PseudoRandomBase62(32, 8);
  SecretAllowlist by_hash({Sha256Hex(secret)}, {});
  std::string sha;
  const Rule r = MakeRule(0.0);
  CHECK(EvaluateCandidate({&r, secret, secret}, &by_hash, &sha).verdict ==
        FilterVerdict::kAllowlisted);
  const std::string other = test::PseudoRandomBase62(32, 9);
  CHECK(EvaluateCandidate({&r, other, other}, &by_hash, &sha).verdict == FilterVerdict::kKeep);

  SecretAllowlist by_pattern({}, {"^" + secret.substr(0, 5)});
  CHECK(by_pattern.Allows(secret, Sha256Hex(secret)));
  CHECK_FALSE(by_pattern.Allows(other, Sha256Hex(other)));
}

TEST_CASE("sequential runs are found whatever the letter case") {
  // A documented sample passphrase: `stUvwxyz` is an alphabet run in mixed case.
  CHECK(PlaceholderReason("AB1C2defGHijkLMNo3PqQRstUvwxyzaBCDEfghh4ij") != nullptr);
  CHECK(PlaceholderReason("q7RsTuVw9k") != nullptr);
  CHECK(PlaceholderReason("q7RsTuV9wk") == nullptr);
}

TEST_CASE("values published as examples in specifications are not findings") {
  CHECK(std::string(PlaceholderReason("Aladdin:open sesame")) == "documented example value");
  CHECK(std::string(PlaceholderReason("mF_9.B5f-4.1JqM")) == "documented example value");
  const std::string jwt_io =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaW"
      "F0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
  CHECK(PlaceholderReason(jwt_io) != nullptr);
  // Only the exact values: the same header with another payload is a real token.
  CHECK(PlaceholderReason("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI5ODc2NTQzMjEwIiwibmFtZS"
                          "I6IkphbmUgUm9lIiwiaWF0IjoxNzE2MjM5MDIyfQ.q3Rk7dW1Jp0xVb8nYc2LmZs5Ht9GfA4"
                          "eKoUiP6TyQw") == nullptr);
  CHECK(PlaceholderReason("Aladdin:open sesame2") == nullptr);
  CHECK(PlaceholderReason("2YotnFZFEjr1zCsicMWpAA") != nullptr);  // RFC 6749's access token
  CHECK(PlaceholderReason("s6BhdRkqt3:gX1fBat3bV") != nullptr);
}

TEST_CASE("a named constant plus an offset is an expression, not a value") {
  CHECK(std::string(PlaceholderReason("CURLOPTTYPE_STRINGPOINT+174")) ==
        "named constant expression");
  CHECK(PlaceholderReason("FLAG_BASE|4") != nullptr);
  CHECK(PlaceholderReason("Qm7vT2xL_p9Rw+4") == nullptr);  // mixed case: a value
  CHECK(PlaceholderReason("K8S_TOKEN+X7Q2") == nullptr);   // the offset is not a number
}

TEST_CASE("formats with fixed runs skip the run check, not the other placeholder checks") {
  // An Azure DevOps PAT: its metadata section encodes zero bits as runs of 'A'.
  const std::string pat =
      "pc8rvSaCRNgiTrei8aNZ5dkqKvE2WdcWweslfgNQmzWRrn156SPnJQQJ99BDACAAABAAAAAAAAAAAZDOtOY7";
  CHECK(PlaceholderReason(pat) != nullptr);
  CHECK(PlaceholderReason(pat, false) == nullptr);
  CHECK(PlaceholderReason("${AZURE_DEVOPS_EXT_PAT}", false) != nullptr);
  CHECK(PlaceholderReason("your_token_here_AAAAAAAAAAAA", false) != nullptr);
}

TEST_CASE("a generic keyword inside a namespaced name is not an assignment") {
  const Rule generic = GenericAssignmentRule();
  const Rule specific = ProviderRule();
  std::string sha;
  const std::string line = "\"Resource\": \"arn:aws:secretsmanager:us-west-2:1:secret:Db-a1b2c3\"";
  CHECK(EvaluateCandidate({&generic, "Db-a1b2c3", line, ':'}, nullptr, &sha).verdict ==
        FilterVerdict::kPlaceholder);
  CHECK(EvaluateCandidate({&generic, "Db-a1b2c3", line, ' '}, nullptr, &sha).verdict ==
        FilterVerdict::kKeep);
  CHECK(EvaluateCandidate({&specific, "Db-a1b2c3", line, ':'}, nullptr, &sha).verdict ==
        FilterVerdict::kKeep);
  const std::string cfn = "    \"AWS::SecretsManager::Secret\": \"c85175a4ebcce361\",";
  CHECK(EvaluateCandidate({&generic, "c85175a4ebcce361", cfn, ':'}, nullptr, &sha).verdict ==
        FilterVerdict::kPlaceholder);
  // .NET user secrets and Hiera keys are namespaced names that are assigned values.
  const std::string user_secrets = "  \"Box:ClientSecret\": \"Veen7vvEqruNS59RrGBsId2Le1\",";
  CHECK(
      EvaluateCandidate({&generic, "Veen7vvEqruNS59RrGBsId2Le1", user_secrets, ':'}, nullptr, &sha)
          .verdict == FilterVerdict::kKeep);
  const std::string hiera = "profile::bandwidth::password: \"3Ya+L0QZ49qp+lRTdVFWX\"";
  CHECK(EvaluateCandidate({&generic, "3Ya+L0QZ49qp+lRTdVFWX", hiera, ':'}, nullptr, &sha).verdict ==
        FilterVerdict::kKeep);
}

TEST_CASE("values assigned to hash, public or search-only names are not secrets") {
  const Rule generic = GenericAssignmentRule();
  const Rule specific = ProviderRule();
  std::string sha;
  const std::string value = "124e7bf84c518d2a92fa612ec4cd20ad5d49d009";
  auto verdict = [&](const Rule& rule, const std::string& line) {
    return EvaluateCandidate({&rule, value, line, ' '}, nullptr, &sha).verdict;
  };
  for (const std::string name :
       {"hashed_secret", "password_hash", "secretDigest", "searchOnlyApiKey", "search_only_api_key",
        "publicKey", "STRIPE_PUBLISHABLE_KEY"}) {
    INFO(name);
    CHECK(verdict(generic, "  \"" + name + "\": \"" + value + "\",") ==
          FilterVerdict::kPlaceholder);
    CHECK(verdict(specific, "  \"" + name + "\": \"" + value + "\",") == FilterVerdict::kKeep);
  }
  // Segment's PUBLIC_API_TOKEN is a secret for its Public API.
  for (const std::string name :
       {"HASHICORP_TOKEN", "client_secret", "republish_secret", "SEGMENT_PUBLIC_API_TOKEN"}) {
    INFO(name);
    CHECK(verdict(generic, name + " = \"" + value + "\"") == FilterVerdict::kKeep);
  }
}

TEST_CASE("tokens that grant nothing are not secrets by their names") {
  const Rule generic = GenericAssignmentRule();
  std::string sha;
  const std::string value = "124e7bf84c518d2a92fa612ec4cd20ad5d49d009";
  auto verdict = [&](const std::string& name) {
    return EvaluateCandidate({&generic, value, name + " = \"" + value + "\"", ' '}, nullptr, &sha)
        .verdict;
  };
  for (const std::string name : {"csrf_token", "nextPageToken", "X-XSRF-TOKEN", "device_token",
                                 "cancellationToken", "ClientToken", "csrftoken"}) {
    INFO(name);
    CHECK(verdict(name) == FilterVerdict::kPlaceholder);
  }
  // The same words elsewhere in a name, or before another word, say nothing.
  for (const std::string name :
       {"DEVICE_API_TOKEN", "page_access_token", "push_api_key", "client_secret"}) {
    INFO(name);
    CHECK(verdict(name) == FilterVerdict::kKeep);
  }
}

TEST_CASE("an unquoted value with dots is a reference when its segments read as code") {
  const Rule generic = GenericAssignmentRule();
  std::string sha;
  auto verdict = [&](const std::string& value, const std::string& line) {
    return EvaluateCandidate({&generic, value, line, ' '}, nullptr, &sha).verdict;
  };
  CHECK(verdict("self.session.token2", "token = self.session.token2") ==
        FilterVerdict::kPlaceholder);
  CHECK(verdict("settings.v2.API_KEY", "api_key: settings.v2.API_KEY") ==
        FilterVerdict::kPlaceholder);
  CHECK(verdict("../keys/deploy9", "secret=../keys/deploy9") == FilterVerdict::kPlaceholder);
  const std::string prismic = "MC5iIFEk9HKG5.KeSz_yGgttPkopOuzugwh8JJbzFQaMrvDYHrB8BNXzwPJ5QZ29";
  CHECK(verdict(prismic, "access_token = " + prismic) == FilterVerdict::kKeep);
  // Quoted, the same text is a string literal, not code.
  CHECK(verdict("my.secret2", "password = \"my.secret2\"") == FilterVerdict::kKeep);
}

TEST_CASE("encrypted values, secret store references and test-mode keys are not findings") {
  const Rule generic = GenericAssignmentRule();
  const Rule specific = ProviderRule();
  std::string sha;
  auto verdict = [&](const Rule& rule, const std::string& value) {
    return EvaluateCandidate({&rule, value, "api_key = \"" + value + "\"", ' '}, nullptr, &sha)
        .verdict;
  };
  for (const std::string value :
       {"ENC(SmyUxcjPMjgVejNZDiUj003PjT3P4ShVGwF3bYCZoRc=)",  // Jasypt
        "vault:secret/data/falcon/umber#trigger_token", "op://Ops/stripe/credential",
        "projects/428507128984/secrets/src-access-token/versions/latest",
        "{{resolve:secretsmanager:prod/db:SecretString:password}}",
        "sk_test_7b8Nduk9BiOKei9hEyPup44R", "shippo_test_4f0c9e7b3d14a2f86b51",
        "test_f39c5fdb52371c76", "FLWSECK_TEST-9f0c2b7d41e6a8355c1e", "hunter2-not-real",
        "fake-Xq7vT2mLp9Rw4Kz8"}) {
    INFO(value);
    CHECK(verdict(generic, value) == FilterVerdict::kPlaceholder);
  }
  // A user:password pair whose password is SOPS ciphertext.
  CHECK(verdict(generic, "judy:ENC[AES256_GCM,data:q8T1,iv:Zm9v,tag:YmFy,type:str]") ==
        FilterVerdict::kPlaceholder);
  // "test" inside the random part, or a live key, is no sign of test mode.
  for (const std::string value :
       {"sk_live_7b8Nduk9BiOKei9hEyPup44R", "Xq7vtestLp9Rw4Kz8Nb3Hc6Yd"}) {
    INFO(value);
    CHECK(verdict(generic, value) == FilterVerdict::kKeep);
  }
  // Jasypt-shaped text is a provider's own business.
  CHECK(verdict(specific, "ENC(SmyUxcjPMjgVejNZDiUj003PjT3P4ShVGwF3bYCZoRc=)") ==
        FilterVerdict::kKeep);
}

TEST_CASE("a Supabase anon key is public, its service-role key is not") {
  const Rule generic = GenericAssignmentRule();
  std::string sha;
  const std::string header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.";
  const std::string sig = ".r5jr-7iUDBq2Xo0vNd7Yk3PbT5wLmZs9HcFg1Ue6AiR";
  const std::string anon =
      header +
      "eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InFkc2J1a3NucnlydG5ta2YiLCJyb2xlIjoiYW5vbiIsImlhdCI6MTcwMD"
      "AwMDAwMCwiZXhwIjoyMDE1NTc2MDAwfQ" +
      sig;
  const std::string service =
      header +
      "eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InFkc2J1a3NucnlydG5ta2YiLCJyb2xlIjoic2VydmljZV9yb2xlIiwiaW"
      "F0IjoxNzAwMDAwMDAwLCJleHAiOjIwMTU1NzYwMDB9" +
      sig;
  auto verdict = [&](const std::string& jwt) {
    return EvaluateCandidate({&generic, jwt, "key: '" + jwt + "'", ' '}, nullptr, &sha).verdict;
  };
  CHECK(verdict(anon) == FilterVerdict::kPlaceholder);
  CHECK(verdict(service) == FilterVerdict::kKeep);
}

TEST_CASE("UUID-shaped values are held to the hex entropy minimum") {
  Rule generic = GenericAssignmentRule();
  generic.entropy = 3.5;
  std::string sha;
  // A random UUID whose Shannon entropy (3.44) is under the rule's 3.5.
  const std::string uuid = "3e3548d9-f364-4b84-981b-b335005b9034";
  CHECK(EvaluateCandidate({&generic, uuid, "token = " + uuid, ' '}, nullptr, &sha).verdict ==
        FilterVerdict::kKeep);
  // The same characters without the UUID shape keep the rule's minimum.
  const std::string other = "3e3548d9f364-4b84-981b-b335005b9034-";
  CHECK(EvaluateCandidate({&generic, other, "token = " + other, ' '}, nullptr, &sha).verdict ==
        FilterVerdict::kLowEntropy);
}

TEST_CASE("KMS ciphertext blobs are stored values") {
  CHECK(std::string(StoredValueKind("AQICAHh" + test::PseudoRandomBase62(120, 5))) ==
        "KMS ciphertext");
  CHECK(std::string(StoredValueKind("CiQA" + test::PseudoRandomBase62(100, 6))) ==
        "KMS ciphertext");
  CHECK(StoredValueKind("CiQA" + test::PseudoRandomBase62(20, 6)) == nullptr);  // too short
}

TEST_CASE("documented example tokens are recognised by their published parts") {
  CHECK(PlaceholderReason("dt0c01.ST2EY72KQINMH574WMNVI7YN.G3DFPBEJYMODIDAEX454M7YWBUVEFOWKPRVMW"
                          "FASS64NFH52PX6BNDVFFM572RZM") != nullptr);
  CHECK(PlaceholderReason("dt0c01.QK7XP2LMVR4TZ8WNJ3HC6YD1.G3DFPBEJYMODIDAEX454M7YWBUVEFOWKPRVMW"
                          "FASS64NFH52PX6BNDVFFM572RZM") == nullptr);
}

// Hashes and ciphertext assigned to password fields are what systems store instead of the
// secret (src/filters/stored_value.hpp); real passwords that merely contain '$' or start
// like them are not.
TEST_CASE("stored password hashes and ciphertext are recognised, passwords are not") {
  const std::string fernet = "gAAAAAB" + test::PseudoRandomBase62(100, 3);
  const std::string sealed = "AgB" + test::PseudoRandomBase62(400, 4) + "==";
  for (const std::string& s :
       {std::string("$apr1$3Rb5OPnA$y84bPvf.ELqYnrjym/AGIC"),
        std::string("admin:$apr1$3Rb5OPnA$y84bPvf.ELqYnrjym/AGIC"),
        std::string("$2b$12$LA7J4/H.LNrnCo/1SKvQqzDbKC8S.sL.yaMbfS/.xg3aCfPqG9s1n"),
        std::string("$6$rounds=5000$Vr9sLk2Q$0xZ7vH4mN2pB8dF1kJ6wR3tY5uI9oP0a"),
        std::string("$argon2id$v=19$m=65536,t=3,p=4$YTeO0LsYL97XL77PU3aOb6$SfIav5FCpAGm"), fernet,
        sealed}) {
    INFO(s);
    CHECK(StoredValueKind(s) != nullptr);
  }
  for (const std::string& s : {std::string("Harbor$Cobalt9!"), std::string("$ecretPa55word!"),
                               std::string("$1$abc"), std::string("user:Pa55$word1"),
                               std::string("gAAAAAshort"), "AgB" + test::PseudoRandomBase62(60, 5),
                               "gAAAAAB" + test::PseudoRandomBase62(100, 3) + "!"}) {
    INFO(s);
    CHECK(StoredValueKind(s) == nullptr);
  }
}
