// A real HTTPS server on 127.0.0.1 that impersonates credential providers in tests. The
// certificate chain is generated per test run: a throwaway CA (written to ca.pem, given to
// sprawl through SPRAWL_VERIFY_CA_FILE) and a server certificate for 127.0.0.1 it signs.
// Include from one test file only: cpp-httplib is a large header.
#pragma once

#ifndef CPPHTTPLIB_OPENSSL_SUPPORT
#define CPPHTTPLIB_OPENSSL_SUPPORT 1  // Debian's pkg-config file also defines it
#endif
#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/temp_dir.hpp"

namespace sprawl::test {

// One request as the provider saw it.
struct SeenRequest {
  std::string method;
  std::string path;
  std::map<std::string, std::string> headers;  // as received (httplib keeps case-insensitive)
  std::string body;

  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

class TestCertificates {
 public:
  explicit TestCertificates(const std::string& dir) {
    EVP_PKEY* ca_key = EVP_EC_gen("P-256");
    EVP_PKEY* server_key = EVP_EC_gen("P-256");
    if (!ca_key || !server_key) throw std::runtime_error("EC key generation failed");
    X509* ca = MakeCert(ca_key, nullptr, ca_key, "sprawl test CA", true);
    X509* server = MakeCert(server_key, ca, ca_key, "127.0.0.1", false);
    ca_file = dir + "/ca.pem";
    cert_file = dir + "/server.pem";
    key_file = dir + "/server-key.pem";
    WriteCert(ca_file, ca);
    WriteCert(cert_file, server);
    FILE* f = std::fopen(key_file.c_str(), "wb");
    PEM_write_PrivateKey(f, server_key, nullptr, nullptr, 0, nullptr, nullptr);
    std::fclose(f);
    X509_free(ca);
    X509_free(server);
    EVP_PKEY_free(ca_key);
    EVP_PKEY_free(server_key);
  }

  std::string ca_file, cert_file, key_file;

 private:
  static void AddExt(X509* cert, X509* issuer, int nid, const char* value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer ? issuer : cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!ext) throw std::runtime_error("bad certificate extension");
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
  }

  static X509* MakeCert(EVP_PKEY* key, X509* issuer, EVP_PKEY* issuer_key, const char* cn,
                        bool is_ca) {
    static long serial = 1;
    X509* cert = X509_new();
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), serial++);
    X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert), 86400);
    X509_set_pubkey(cert, key);
    X509_NAME* name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(cn),
                               -1, -1, 0);
    X509_set_issuer_name(cert, issuer ? X509_get_subject_name(issuer) : name);
    if (is_ca) {
      AddExt(cert, issuer, NID_basic_constraints, "critical,CA:TRUE");
      AddExt(cert, issuer, NID_key_usage, "critical,keyCertSign,cRLSign");
      AddExt(cert, issuer, NID_subject_key_identifier, "hash");
    } else {
      AddExt(cert, issuer, NID_basic_constraints, "critical,CA:FALSE");
      AddExt(cert, issuer, NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost");
      AddExt(cert, issuer, NID_ext_key_usage, "serverAuth");
      AddExt(cert, issuer, NID_authority_key_identifier, "keyid");
    }
    X509_sign(cert, issuer_key, EVP_sha256());
    return cert;
  }

  static void WriteCert(const std::string& path, X509* cert) {
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) throw std::runtime_error("cannot write " + path);
    PEM_write_X509(f, cert);
    std::fclose(f);
  }
};

// The server. Register handlers with server(), then Start(); requests are recorded.
class HttpsProvider {
 public:
  HttpsProvider()
      : certs_(dir_.path()), server_(certs_.cert_file.c_str(), certs_.key_file.c_str()) {
    // httplib calls the logger after the response is written, so the client may have its
    // answer (and sprawl may have exited) before the request is recorded. Requests are
    // counted as they arrive, and Seen() waits until each has been recorded.
    server_.set_pre_routing_handler([this](const httplib::Request&, httplib::Response&) {
      std::lock_guard<std::mutex> lock(mu_);
      ++arrived_;
      return httplib::Server::HandlerResponse::Unhandled;
    });
    server_.set_logger([this](const httplib::Request& req, const httplib::Response&) {
      {
        std::lock_guard<std::mutex> lock(mu_);
        SeenRequest seen{req.method, req.path, {}, req.body};
        for (const auto& [k, v] : req.headers)
          seen.headers[k] = v;
        seen_.push_back(std::move(seen));
      }
      recorded_.notify_all();
    });
  }
  ~HttpsProvider() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }

  httplib::SSLServer& server() { return server_; }

  void Start() {
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) throw std::runtime_error("cannot bind 127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    for (int i = 0; i < 500 && !server_.is_running(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }

  std::string origin() const { return "https://127.0.0.1:" + std::to_string(port_); }
  const std::string& ca_file() const { return certs_.ca_file; }
  // The environment that points sprawl's verifiers at this server (test-only override).
  std::map<std::string, std::string> Env() const {
    return {{"SPRAWL_VERIFY_OVERRIDE", origin()}, {"SPRAWL_VERIFY_CA_FILE", ca_file()}};
  }

  // Every request that has reached the server, once each is recorded (a request whose
  // connection broke before its response was written is waited for at most 10 s).
  std::vector<SeenRequest> Seen() const {
    std::unique_lock<std::mutex> lock(mu_);
    recorded_.wait_for(lock, std::chrono::seconds(10), [&] { return seen_.size() >= arrived_; });
    return seen_;
  }
  // Requests whose path starts with `prefix`.
  std::size_t Count(const std::string& prefix) const {
    std::size_t n = 0;
    for (const auto& r : Seen())
      n += r.path.rfind(prefix, 0) == 0;
    return n;
  }

 private:
  TempDir dir_;
  TestCertificates certs_;
  httplib::SSLServer server_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mu_;
  mutable std::condition_variable recorded_;
  std::size_t arrived_ = 0;
  std::vector<SeenRequest> seen_;
};

}  // namespace sprawl::test
