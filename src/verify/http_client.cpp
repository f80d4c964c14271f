#include "verify/http_client.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <deque>
#include <memory>
#include <mutex>

#include "util/text.hpp"
#include "verify/curl_api.hpp"
#include "verify/url.hpp"

namespace sprawl {
namespace {

using Clock = std::chrono::steady_clock;

struct Transfer {
  std::size_t index = 0;  // into the request/response vectors
  CURL* easy = nullptr;
  curl_slist* header_list = nullptr;
  HttpResponse response;
  std::string host;
  char error[CURL_ERROR_SIZE] = {};

  ~Transfer() {
    if (easy) Curl().easy_cleanup(easy);
    if (header_list) Curl().slist_free_all(header_list);
  }
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * count;
  const size_t room = HttpClientOptions::kMaxBodyBytes -
                      std::min(t->response.body.size(), HttpClientOptions::kMaxBodyBytes);
  t->response.body.append(data, std::min(n, room));
  return n;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * count;
  std::string_view line(data, n);
  if (StartsWith(line, "HTTP/")) {
    t->response.headers.clear();  // a new response (e.g. after 100 Continue)
    return n;
  }
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return n;
  t->response.headers[ToLower(Trim(line.substr(0, colon)))] =
      std::string(Trim(line.substr(colon + 1)));
  return n;
}

std::string TransportError(CURLcode code, const char* detail) {
  const std::string text = *detail ? detail : Curl().easy_strerror(code);
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return "timeout";
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CACERT_BADFILE:
      return "TLS error: " + text;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
      return "connection failed: " + text;
    case CURLE_UNSUPPORTED_PROTOCOL:
      return "refused: only https is allowed";
    default:
      return "network error: " + text;
  }
}

class MultiRunner {
 public:
  MultiRunner(const std::vector<HttpRequest>& requests, const HttpClientOptions& options)
      : requests_(requests), options_(options), responses_(requests.size()) {
    multi_ = Curl().multi_init();
    for (std::size_t i = 0; i < requests.size(); ++i)
      queue_.push_back(Pending{i, Clock::now(), 0});
  }
  ~MultiRunner() { Curl().multi_cleanup(multi_); }

  std::vector<HttpResponse> Run() {
    while (!queue_.empty() || !active_.empty()) {
      StartReady();
      int running = 0;
      Curl().multi_perform(multi_, &running);
      Collect();
      if (active_.empty() && !queue_.empty()) {
        SleepUntilNextReady();
      } else if (!active_.empty()) {
        Curl().multi_poll(multi_, nullptr, 0, 50, nullptr);
      }
    }
    return std::move(responses_);
  }

 private:
  struct Pending {
    std::size_t index;
    Clock::time_point not_before;
    int attempts;  // made so far
  };

  static std::chrono::nanoseconds Seconds(double s) {
    return std::chrono::nanoseconds(static_cast<long long>(s * 1e9));
  }

  void StartReady() {
    const auto now = Clock::now();
    for (auto it = queue_.begin(); it != queue_.end();) {
      if (static_cast<int>(active_.size()) >= options_.concurrency) return;
      const std::string host = HostOf(requests_[it->index].url);
      auto& next_slot = host_next_[host];
      if (it->not_before > now || next_slot > now) {
        ++it;
        continue;
      }
      next_slot = now + Seconds(options_.per_host_interval_seconds);
      Start(*it, host);
      it = queue_.erase(it);
    }
  }

  void SleepUntilNextReady() {
    auto wake = Clock::time_point::max();
    for (const auto& p : queue_) {
      const auto slot = host_next_[HostOf(requests_[p.index].url)];
      wake = std::min(wake, std::max(p.not_before, slot));
    }
    const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(wake - Clock::now());
    if (wait.count() > 0) {
      Curl().multi_poll(multi_, nullptr, 0,
                        static_cast<int>(std::min<long long>(wait.count(), 1000)), nullptr);
    }
  }

  static std::string HostOf(const std::string& url) {
    UrlParts parts;
    std::string error;
    return ParseUrl(url, &parts, &error) ? parts.Origin() : url;
  }

  void Start(const Pending& p, const std::string& host) {
    const HttpRequest& req = requests_[p.index];
    auto t = std::make_unique<Transfer>();
    t->index = p.index;
    t->host = host;
    t->response.attempts = p.attempts + 1;
    CURL* e = Curl().easy_init();
    t->easy = e;
    Curl().easy_setopt(e, CURLOPT_URL, req.url.c_str());
    Curl().easy_setopt(e, CURLOPT_PROTOCOLS_STR, "https");
    Curl().easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "https");
    Curl().easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
    Curl().easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
    Curl().easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options_.ca_file.empty()) Curl().easy_setopt(e, CURLOPT_CAINFO, options_.ca_file.c_str());
    Curl().easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    const long timeout_ms = std::max(1L, std::lround(options_.timeout_seconds * 1000));
    Curl().easy_setopt(e, CURLOPT_TIMEOUT_MS, timeout_ms);
    Curl().easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
    Curl().easy_setopt(e, CURLOPT_USERAGENT, "sprawl/" SPRAWL_VERSION " (secret verification)");
    Curl().easy_setopt(e, CURLOPT_WRITEFUNCTION, OnBody);
    Curl().easy_setopt(e, CURLOPT_WRITEDATA, t.get());
    Curl().easy_setopt(e, CURLOPT_HEADERFUNCTION, OnHeader);
    Curl().easy_setopt(e, CURLOPT_HEADERDATA, t.get());
    Curl().easy_setopt(e, CURLOPT_ERRORBUFFER, t->error);
    if (req.method == "HEAD") {
      Curl().easy_setopt(e, CURLOPT_NOBODY, 1L);
    } else if (req.method != "GET") {
      Curl().easy_setopt(e, CURLOPT_CUSTOMREQUEST, req.method.c_str());
    }
    if (req.has_body) {
      Curl().easy_setopt(e, CURLOPT_POSTFIELDSIZE, static_cast<long>(req.body.size()));
      Curl().easy_setopt(e, CURLOPT_COPYPOSTFIELDS, req.body.c_str());
      if (req.method == "GET") Curl().easy_setopt(e, CURLOPT_CUSTOMREQUEST, "GET");
    }
    if (req.has_basic_auth) {
      Curl().easy_setopt(e, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
      Curl().easy_setopt(e, CURLOPT_USERNAME, req.basic_username.c_str());
      Curl().easy_setopt(e, CURLOPT_PASSWORD, req.basic_password.c_str());
    }
    t->header_list = Curl().slist_append(nullptr, "Expect:");  // no 100-continue round trip
    for (const auto& [name, value] : req.headers) {
      const std::string line = value.empty() ? name + ";" : name + ": " + value;
      t->header_list = Curl().slist_append(t->header_list, line.c_str());
    }
    Curl().easy_setopt(e, CURLOPT_HTTPHEADER, t->header_list);
    Curl().easy_setopt(e, CURLOPT_PRIVATE, t.get());
    Curl().multi_add_handle(multi_, e);
    active_.push_back(std::move(t));
  }

  // Seconds to wait before retrying, or a negative value when no retry should happen.
  double RetryDelay(const HttpResponse& r, int attempts) const {
    if (!r.completed || attempts > options_.max_retries) return -1;
    if (r.status != 429 && r.status < 500) return -1;
    double delay = options_.backoff_initial_seconds * std::pow(2.0, attempts - 1);
    auto it = r.headers.find("retry-after");
    if (it != r.headers.end()) {
      char* end = nullptr;
      const double asked = std::strtod(it->second.c_str(), &end);
      if (end && *end == '\0' && asked >= 0) {
        if (asked > options_.max_retry_after_seconds) return -1;
        delay = std::max(delay, asked);
      }
    }
    return std::min(delay, options_.max_retry_after_seconds);
  }

  void Collect() {
    int left = 0;
    while (CURLMsg* msg = Curl().multi_info_read(multi_, &left)) {
      if (msg->msg != CURLMSG_DONE) continue;
      Transfer* raw = nullptr;
      Curl().easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &raw);
      Curl().multi_remove_handle(multi_, msg->easy_handle);
      auto it = std::find_if(active_.begin(), active_.end(),
                             [&](const auto& t) { return t.get() == raw; });
      std::unique_ptr<Transfer> t = std::move(*it);
      active_.erase(it);
      HttpResponse& r = t->response;
      if (msg->data.result == CURLE_OK) {
        r.completed = true;
        Curl().easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &r.status);
      } else {
        r.error = TransportError(msg->data.result, t->error);
      }
      const double delay = RetryDelay(r, r.attempts);
      if (delay >= 0) {
        queue_.push_back(Pending{t->index, Clock::now() + Seconds(delay), r.attempts});
      } else {
        responses_[t->index] = std::move(r);
      }
    }
  }

  const std::vector<HttpRequest>& requests_;
  const HttpClientOptions& options_;
  std::vector<HttpResponse> responses_;
  CURLM* multi_ = nullptr;
  std::deque<Pending> queue_;
  std::vector<std::unique_ptr<Transfer>> active_;
  std::map<std::string, Clock::time_point> host_next_;
};

}  // namespace

std::vector<HttpResponse> PerformHttpRequests(const std::vector<HttpRequest>& requests,
                                              const HttpClientOptions& options) {
  if (requests.empty()) return {};
  Curl();  // loads and initialises libcurl before the first request
  auto runner = std::make_unique<MultiRunner>(requests, options);
  return runner->Run();
}

}  // namespace sprawl
