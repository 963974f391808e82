// The reference emulator: Step Functions, SWF and Lambda durable executions on one endpoint.
//
// Promises: `handle` is the whole request path (dispatch, validation, service semantics, encoding)
// without a socket, so fuzzers and benchmarks can call it in-process; it never throws and never
// answers 5xx for bad input (only a planted fault or a bug does). EmulatorServer serves the same over
// HTTP/1.1 on loopback with keep-alive and TCP_NODELAY, on a given or ephemeral port; start() returns
// once the socket is listening; stop() is prompt and idempotent; the destructor stops.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <thread>

#include "emulator/core/clock.h"
#include "emulator/core/faults.h"
#include "harness/http/message.h"

namespace conform::emulator {

struct EmulatorOptions {
  FaultSet faults;
  uint64_t seed = 0x5eed;               // ids are deterministic for a seed
  std::shared_ptr<Clock> clock;         // default: SystemClock
  std::string region = "us-east-1";
  std::string account = "123456789012";
  bool require_sigv4 = false;           // reject unsigned / wrongly signed requests (issue 5)
  // How long an idle long poll (SFN GetActivityTask, SWF PollForActivityTask / PollForDecisionTask)
  // waits in real time for a task before answering the empty result. AWS waits up to 60 s; 0 answers
  // at once (fuzzing, in-process tests). `conform emulator --poll-wait-ms N`.
  std::chrono::milliseconds poll_wait{200};
  // Throttling for clients' back-off tests: when N > 0, every N-th request that names an operation
  // (the N-th, 2N-th, ... counted from the emulator's start) is answered with the service's throttling
  // error instead of being handled, before validation and without any state change:
  //   Step Functions, SWF (awsJson1_0): 400 ThrottlingException (__type
  //     com.amazon.coral.availability#ThrottlingException), message "Rate exceeded", no Retry-After;
  //   Lambda (restJson1): 429 TooManyRequestsException, X-Amzn-ErrorType TooManyRequestsException,
  //     body {"Type":"User","message":"Rate Exceeded.","Reason":"CallerRateLimitExceeded"}, header
  //     Retry-After: 0 (the model's retryAfterSeconds).
  // Requests that name no operation (unroutable) are neither counted nor throttled; with
  // require_sigv4 the signature is checked first. `conform emulator --throttle-every N`.
  uint64_t throttle_every = 0;
  // Operations ("swf.DescribeDomain") answered as unknown ones although the emulator implements them:
  // the emulator then stands for a target that lacks them. `conform emulator --disable-operation OP`.
  std::set<std::string> disabled_operations;
};

class Emulator {
 public:
  explicit Emulator(EmulatorOptions options = {});
  ~Emulator();
  Emulator(const Emulator&) = delete;
  Emulator& operator=(const Emulator&) = delete;

  http::Response handle(const http::Request& request);
  // Back to the state of a freshly constructed Emulator with the same options: every service's state
  // dropped (its backend is rebuilt), the id and request-id sequences and the throttle count restarted,
  // so the next answers equal a new Emulator's. The clock (options().clock) is left as it is. Not
  // concurrent with handle(). Cheaper than construction, which routes every spec'd operation's URI
  // template (the emulator_request fuzz target resets one emulator per input).
  void reset();
  // Whether the emulator has behaviour for the operation (the others are answered as unknown ones).
  bool implements(const std::string& service, const std::string& operation) const;
  const EmulatorOptions& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class EmulatorServer {
 public:
  explicit EmulatorServer(EmulatorOptions options = {});
  ~EmulatorServer();
  EmulatorServer(const EmulatorServer&) = delete;
  EmulatorServer& operator=(const EmulatorServer&) = delete;

  // Binds host:port (port 0 = ephemeral) and starts serving on a background thread. Returns the bound
  // port, or -1 with `error` set.
  int start(const std::string& host = "127.0.0.1", int port = 0, std::string* error = nullptr);
  void stop();
  int port() const;
  std::string url() const;              // "http://127.0.0.1:PORT"
  Emulator& emulator();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace conform::emulator
