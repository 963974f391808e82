// The emulator as the emulator_request target runs it: exactly emulator::Emulator's wiring (built-in
// specs, the protocol core, the stepfunctions, swf and lambda backends, a ManualClock) except that an idle
// GetActivityTask / PollForActivityTask / PollForDecisionTask answers at once. The real emulator waits
// 200-250 ms of real time there, which caps the target at a few executions per second as soon as a
// mutated script polls twice. TODO(lead): replace with an EmulatorOptions poll-wait knob passed to
// SfnOptions/SwfOptions::poll_wait, then construct emulator::Emulator here.
//
// Promises: handle() is RequestHandler::handle (never throws); clock() advances the emulator's time.
#pragma once

#include <memory>

#include "emulator/core/clock.h"
#include "emulator/core/request_handler.h"

namespace conform::fuzz {

class FuzzEmulator {
 public:
  FuzzEmulator();
  http::Response handle(const http::Request& request) { return handler_.handle(request); }
  emulator::ManualClock& clock() { return *clock_; }

 private:
  std::shared_ptr<emulator::ManualClock> clock_;
  emulator::RequestHandler handler_;
};

}  // namespace conform::fuzz
