#include "verify/aws_sigv4.hpp"

#include "util/libcrypto.hpp"
#include "util/sha256.hpp"
#include "verify/response_matcher.hpp"

namespace sprawl {
namespace {

constexpr const char* kAlgorithm = "AWS4-HMAC-SHA256";
constexpr const char* kStsRegion = "us-east-1";  // the global endpoint signs for us-east-1
constexpr const char* kStsContentType = "application/x-www-form-urlencoded; charset=utf-8";

std::string Hmac(const std::string& key, const std::string& data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  const LibcryptoApi& crypto = Libcrypto();
  crypto.hmac(crypto.evp_sha256(), key.data(), static_cast<int>(key.size()),
              reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &len);
  return std::string(reinterpret_cast<char*>(out), len);
}

std::string SigningKey(const std::string& secret, const std::string& date,
                       const std::string& region, const std::string& service) {
  const std::string k_date = Hmac("AWS4" + secret, date);
  const std::string k_region = Hmac(k_date, region);
  const std::string k_service = Hmac(k_region, service);
  return Hmac(k_service, "aws4_request");
}

std::string HexOf(const std::string& bytes) {
  return ToHex(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

std::string Scope(const SigV4Request& r) {
  return r.amz_date.substr(0, 8) + "/" + r.region + "/" + r.service + "/aws4_request";
}

std::string SignedHeaders(const SigV4Request& r) {
  std::string out;
  for (const auto& [name, value] : r.headers)
    out += (out.empty() ? "" : ";") + name;
  return out;
}

std::string XmlText(const std::string& body, const std::string& tag) {
  const std::string open = "<" + tag + ">", close = "</" + tag + ">";
  const size_t a = body.find(open);
  if (a == std::string::npos) return {};
  const size_t b = body.find(close, a + open.size());
  if (b == std::string::npos) return {};
  return body.substr(a + open.size(), std::min<size_t>(b - a - open.size(), 200));
}

}  // namespace

std::string SigV4SigningKeyHex(const std::string& secret, const std::string& date,
                               const std::string& region, const std::string& service) {
  return HexOf(SigningKey(secret, date, region, service));
}

std::string SigV4CanonicalRequest(const SigV4Request& r) {
  // Built by append: GCC 12 reports a false -Wrestrict on "\n" + std::string (PR105329).
  std::string out = r.method;
  out.append("\n").append(r.path).append("\n").append(r.query).append("\n");
  for (const auto& [name, value] : r.headers) {
    out.append(name).append(":").append(value).append("\n");
  }
  out.append("\n").append(SignedHeaders(r)).append("\n").append(Sha256Hex(r.payload));
  return out;
}

std::string SigV4StringToSign(const SigV4Request& r) {
  return std::string(kAlgorithm) + "\n" + r.amz_date + "\n" + Scope(r) + "\n" +
         Sha256Hex(SigV4CanonicalRequest(r));
}

std::string SigV4Authorization(const SigV4Request& r, const std::string& key_id,
                               const std::string& secret) {
  const std::string key = SigningKey(secret, r.amz_date.substr(0, 8), r.region, r.service);
  const std::string signature = HexOf(Hmac(key, SigV4StringToSign(r)));
  return std::string(kAlgorithm) + " Credential=" + key_id + "/" + Scope(r) +
         ", SignedHeaders=" + SignedHeaders(r) + ", Signature=" + signature;
}

HttpRequest BuildStsRequest(const std::string& key_id, const std::string& secret,
                            const EgressPolicy& egress, std::time_t now) {
  char stamp[32];
  std::tm tm{};
  gmtime_r(&now, &tm);
  std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
  SigV4Request sig;
  sig.method = "POST";
  sig.host = kAwsStsHost;
  sig.headers = {{"content-type", kStsContentType}, {"host", kAwsStsHost}, {"x-amz-date", stamp}};
  sig.payload = kStsBody;
  sig.region = kStsRegion;
  sig.service = "sts";
  sig.amz_date = stamp;

  HttpRequest req;
  req.method = "POST";
  std::string error;
  egress.BuildUrl(std::string("https://") + kAwsStsHost + "/", "/", &req.url, &error);
  req.headers = {{"Content-Type", kStsContentType},
                 {"X-Amz-Date", stamp},
                 {"Authorization", SigV4Authorization(sig, key_id, secret)}};
  req.has_body = true;
  req.body = kStsBody;
  return req;
}

Verification ClassifyStsResponse(const HttpResponse& r) {
  Verification v;
  v.status = VerificationStatus::kUnknown;
  if (r.completed && r.status == 200 &&
      r.body.find("<GetCallerIdentityResult>") != std::string::npos) {
    v.status = VerificationStatus::kVerified;
    for (const auto& [name, tag] :
         {std::pair{"arn", "Arn"}, {"account", "Account"}, {"user_id", "UserId"}}) {
      const std::string value = XmlText(r.body, tag);
      if (!value.empty()) v.identity.emplace_back(name, value);
    }
    return v;
  }
  if (r.completed && r.status == 403 &&
      r.body.find("<Code>InvalidClientTokenId</Code>") != std::string::npos) {
    v.status = VerificationStatus::kInvalid;
    v.reason = "AWS says the access key id does not exist or is deactivated (InvalidClientTokenId)";
    return v;
  }
  if (r.completed && r.status == 403 &&
      r.body.find("<Code>SignatureDoesNotMatch</Code>") != std::string::npos) {
    v.reason = "the paired secret access key does not match this key id (SignatureDoesNotMatch)";
    return v;
  }
  v.reason = UnmatchedReason(r, false);
  return v;
}

}  // namespace sprawl
