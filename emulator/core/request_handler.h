// The emulator's protocol core: one HTTP request in, one HTTP response out, for every service of a
// SpecSet whose backend is registered.
//
// Pipeline: route (router.h) -> signature gate (only when require_sigv4 and a verifier is set) ->
// throttle (only when throttle_every > 0) -> decode + type check (input_decoder.h) -> Coral validation (validator.h) -> backend -> encode
// (response_encoder.h). Promises: handle() never throws and is thread-safe once backends are added;
// bad input never yields a 5xx (only the ServerErrorOnMalformedJson fault, a missing backend, or an
// exception escaping a backend, which is answered 500 InternalFailure and is a bug).
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "emulator/core/backend.h"
#include "emulator/core/router.h"

namespace conform::emulator {

struct SignatureRejection {
  std::string error;    // e.g. InvalidSignatureException
  std::string message;
  int status = 403;
};

struct HandlerOptions {
  FaultSet faults;
  uint64_t seed = 0x5eed;
  std::shared_ptr<Clock> clock;              // default: SystemClock
  std::string region = "us-east-1";
  std::string account = "123456789012";
  bool require_sigv4 = false;
  // With require_sigv4: checks the request's SigV4 signature for the routed service and returns the
  // error to answer (name, message, status) when it is not acceptable, nullopt when it is. Without a
  // verifier nothing is rejected.
  std::function<std::optional<SignatureRejection>(const http::Request&, const spec::Service&)> verify_signature;
  // > 0: every N-th routed request is answered with the service's throttling error (see
  // EmulatorOptions::throttle_every in emulator/app/emulator.h for the exact answers).
  uint64_t throttle_every = 0;
  // Operations ("swf.DescribeDomain") answered as unknown although a backend implements them: a target
  // that lacks them (EmulatorOptions::disabled_operations).
  std::set<std::string> disabled_operations;
};

class RequestHandler {
 public:
  // `specs` must outlive the handler.
  RequestHandler(const spec::SpecSet& specs, HandlerOptions options);
  void add_backend(std::unique_ptr<Backend> backend);  // before the first handle()
  // Drops every backend and restarts the id sequences and the throttle count: with the same backends
  // added again, the handler answers as a freshly constructed one would. Not concurrent with handle().
  void reset();
  // Whether a backend is registered for `service` and implements `operation`.
  bool implements(const std::string& service, const std::string& operation) const;
  http::Response handle(const http::Request& request) noexcept;
  const HandlerOptions& options() const { return options_; }

 private:
  http::Response handle_unchecked(const http::Request& request, const std::string& request_id);

  const spec::SpecSet& specs_;
  HandlerOptions options_;
  Router router_;
  Ids ids_;
  Ids request_ids_;
  std::map<std::string, std::unique_ptr<Backend>> backends_;
  std::atomic<uint64_t> routed_requests_{0};  // for throttle_every
};

}  // namespace conform::emulator
