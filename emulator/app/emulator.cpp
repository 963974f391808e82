// Emulator: the built-in specs, the three service backends and the protocol core, in-process.
#include "emulator/app/emulator.h"

#include "emulator/app/signature_gate.h"
#include "emulator/core/request_handler.h"
#include "emulator/lambda/backend.h"
#include "emulator/sfn/backend.h"
#include "emulator/swf/backend.h"
#include "harness/spec/loader.h"

namespace conform::emulator {

struct Emulator::Impl {
  EmulatorOptions options;
  RequestHandler handler;

  static HandlerOptions handler_options(const EmulatorOptions& o) {
    HandlerOptions h;
    h.faults = o.faults;
    h.seed = o.seed;
    h.clock = o.clock ? o.clock : std::make_shared<SystemClock>();
    h.region = o.region;
    h.account = o.account;
    h.require_sigv4 = o.require_sigv4;
    h.throttle_every = o.throttle_every;
    h.disabled_operations = o.disabled_operations;
    if (o.require_sigv4) h.verify_signature = make_signature_gate();
    return h;
  }

  explicit Impl(EmulatorOptions o) : options(std::move(o)), handler(spec::builtin_specs(), handler_options(options)) {
    if (!options.clock) options.clock = handler.options().clock;
    add_backends();
  }

  // Fresh backends: a service's whole state lives in its backend.
  void add_backends() {
    SfnOptions sfn;
    sfn.poll_wait = options.poll_wait;
    SwfOptions swf;
    swf.poll_wait = options.poll_wait;
    handler.add_backend(make_stepfunctions_backend(sfn));
    handler.add_backend(make_swf_backend(swf));
    handler.add_backend(make_lambda_backend());
  }
};

Emulator::Emulator(EmulatorOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Emulator::~Emulator() = default;

http::Response Emulator::handle(const http::Request& request) { return impl_->handler.handle(request); }

void Emulator::reset() {
  impl_->handler.reset();
  impl_->add_backends();
}

bool Emulator::implements(const std::string& service, const std::string& operation) const {
  return impl_->handler.implements(service, operation);
}

const EmulatorOptions& Emulator::options() const { return impl_->options; }

}  // namespace conform::emulator
