// A Caller performs logical API calls against one target: spec + input -> codec -> SigV4 signing ->
// client -> decode, and keeps the Exchange log of everything it sent and received.
//
// Promises: never throws; one Caller per thread. Every call is appended to `exchanges()` in order, with
// the request exactly as sent (signature headers redacted in the log) and the raw response. Throttling
// answers (429, 503, ThrottlingException, TooManyRequestsException) are retried with exponential backoff
// and jitter up to `max_retries`, honouring Retry-After; the retries are logged but not judged.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "harness/http/message.h"
#include "harness/protocol/codec.h"
#include "harness/spec/model.h"
#include "harness/transport/client.h"

namespace conform::transport {

struct Credentials {
  std::string access_key_id = "test", secret_access_key = "test", session_token;
};

struct CallerOptions {
  std::string region = "us-east-1";
  Credentials credentials;
  bool sign = true;
  int max_retries = 4;
  double max_rps = 0;                           // 0 = unlimited (shared by all Callers of a run)
  double retry_base_ms = 100;                   // full-jitter backoff: uniform in [0, min(cap, base*2^n)]
  double retry_cap_ms = 20000;
  double max_retry_delay_ms = 30000;            // upper bound of any wait, Retry-After included
  std::string host_header;                      // Host to send and sign; empty: the URL's host[:port]
};

struct Exchange {
  std::string operation;                        // op id, e.g. "stepfunctions.StopExecution"
  std::string purpose;                          // "fixture", "probe", "read-back", "cleanup", "raw"
  http::Request request;                        // as sent, Authorization redacted
  http::Response response;
  std::string transport_error;
  double elapsed_ms = 0;
  int attempt = 0;                              // 0 for the first send, n for the n-th retry
  bool retried = false;                         // throttled: this exchange was followed by a retry
};

class Caller {
 public:
  Caller(Url url, CallerOptions options, ClientOptions client_options = {});
  ~Caller();

  // Encodes `input` for `op`, signs, sends, decodes.
  protocol::DecodedResponse call(const spec::Service& service, const spec::Operation& op, const spec::Json& input,
                                 const std::string& purpose = "probe");
  // Sends a hand-made request (protocol robustness probes), signed unless `sign` is false.
  protocol::DecodedResponse call_raw(const spec::Service& service, const spec::Operation& op, http::Request request,
                                     const std::string& purpose = "raw", bool sign = true);

  // Closes the kept-alive connection until the next call (Client::close_idle_connection).
  void close_idle_connection();

  const std::vector<Exchange>& exchanges() const;
  std::vector<Exchange> take_exchanges();       // returns and clears the log
  // Called for every exchange as it completes (request counting, recording). Optional.
  void on_exchange(std::function<void(const Exchange&)> observer);
  const Url& url() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace conform::transport
