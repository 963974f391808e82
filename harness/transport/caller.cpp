// Caller (caller.h): encode -> sign -> pace -> send -> decode, with throttling retries and the exchange
// log (credentials redacted).
#include "harness/transport/caller.h"

#include <chrono>
#include <random>
#include <thread>

#include "harness/auth/redact.h"
#include "harness/auth/sigv4.h"
#include "harness/transport/rate_limiter.h"
#include "harness/transport/retry_policy.h"

namespace conform::transport {

namespace {

std::string default_host(const Url& url) {
  std::string h = url.host.find(':') != std::string::npos ? "[" + url.host + "]" : url.host;
  bool default_port = (url.scheme == "http" && url.port == 80) || (url.scheme == "https" && url.port == 443);
  return default_port ? h : h + ":" + std::to_string(url.port);
}

}  // namespace

struct Caller::Impl {
  Url url;
  CallerOptions options;
  Client client;
  std::vector<Exchange> log;
  std::function<void(const Exchange&)> observer;
  std::mt19937_64 rng{std::random_device{}()};

  Impl(Url u, CallerOptions o, ClientOptions co) : url(u), options(std::move(o)), client(std::move(u), co) {}

  std::string host() const { return options.host_header.empty() ? default_host(url) : options.host_header; }

  void record(Exchange e) {
    if (observer) {
      try {
        observer(e);
      } catch (...) {
        // An observer's failure must not break the call.
      }
    }
    log.push_back(std::move(e));
  }

  // `request` is signed in place on every attempt (sign() replaces its own headers), so no attempt copies
  // the body; the exchange log takes the request itself after the last attempt.
  protocol::DecodedResponse run(const spec::Service& service, const spec::Operation& op, http::Request request,
                                const std::string& purpose, bool sign) {
    protocol::DecodedResponse decoded;
    int max_retries = std::max(0, options.max_retries);
    if (!request.headers.has("Host")) request.headers.set("Host", host());
    for (int attempt = 0;; ++attempt) {
      if (sign && options.sign) {
        auth::SignOptions so;
        so.region = options.region;
        so.service = service.signing_name.empty() ? service.name : service.signing_name;
        auth::sign(request,
                   {options.credentials.access_key_id, options.credentials.secret_access_key,
                    options.credentials.session_token},
                   so);
      }
      RateLimiter::global().acquire(options.max_rps);
      SendResult sent = client.send(request);

      decoded = protocol::decode(service, op, sent.response);
      if (!sent.error.empty()) {
        decoded.status = 0;
        decoded.transport_error = true;
        decoded.transport_message = sent.error;
      }
      bool throttled = !decoded.transport_error &&
                       is_throttling(decoded.status, decoded.error ? decoded.error->code : std::string());
      bool retry = throttled && attempt < max_retries;

      Exchange e;
      e.operation = op.id();
      e.purpose = purpose;
      e.request = retry ? request : std::move(request);
      e.request.headers = auth::redact_headers(e.request.headers);
      e.response = std::move(sent.response);
      e.transport_error = sent.error;
      e.elapsed_ms = sent.elapsed_ms;
      e.attempt = attempt;
      e.retried = retry;
      std::optional<double> retry_after = retry ? retry_after_ms(e.response.headers) : std::nullopt;
      record(std::move(e));
      if (!retry) return decoded;

      BackoffOptions bo{options.retry_base_ms, options.retry_cap_ms, options.max_retry_delay_ms};
      double delay = backoff_delay_ms(attempt, retry_after, bo, rng);
      std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(delay));
    }
  }
};

Caller::Caller(Url url, CallerOptions options, ClientOptions client_options)
    : impl_(std::make_unique<Impl>(std::move(url), std::move(options), client_options)) {}
Caller::~Caller() = default;

protocol::DecodedResponse Caller::call(const spec::Service& service, const spec::Operation& op,
                                       const spec::Json& input, const std::string& purpose) {
  try {
    protocol::EncodeOptions eo;
    eo.host = impl_->host();
    return impl_->run(service, op, protocol::encode(service, op, input, eo), purpose, true);
  } catch (const std::exception& e) {
    protocol::DecodedResponse d;
    d.transport_error = true;
    d.transport_message = std::string("caller failure: ") + e.what();
    return d;
  } catch (...) {
    protocol::DecodedResponse d;
    d.transport_error = true;
    d.transport_message = "caller failure";
    return d;
  }
}

protocol::DecodedResponse Caller::call_raw(const spec::Service& service, const spec::Operation& op,
                                           http::Request request, const std::string& purpose, bool sign) {
  try {
    return impl_->run(service, op, std::move(request), purpose, sign);
  } catch (const std::exception& e) {
    protocol::DecodedResponse d;
    d.transport_error = true;
    d.transport_message = std::string("caller failure: ") + e.what();
    return d;
  } catch (...) {
    protocol::DecodedResponse d;
    d.transport_error = true;
    d.transport_message = "caller failure";
    return d;
  }
}

void Caller::close_idle_connection() { impl_->client.close_idle_connection(); }

const std::vector<Exchange>& Caller::exchanges() const { return impl_->log; }

std::vector<Exchange> Caller::take_exchanges() {
  std::vector<Exchange> out;
  out.swap(impl_->log);
  return out;
}

void Caller::on_exchange(std::function<void(const Exchange&)> observer) { impl_->observer = std::move(observer); }

const Url& Caller::url() const { return impl_->url; }

}  // namespace conform::transport
