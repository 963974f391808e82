// The emulator as the emulator_request target runs it: emulator::Emulator (built-in specs, the protocol
// core, the stepfunctions, swf and lambda backends) on a ManualClock, with EmulatorOptions::poll_wait
// = 0 so an idle GetActivityTask / PollForActivityTask / PollForDecisionTask answers at once (the
// default 200 ms of real time would cap the target at a few executions per second as soon as a
// mutated script polls an empty queue).
//
// Promises: handle() is Emulator::handle (never throws); clock() advances the emulator's time.
#pragma once

#include <memory>

#include "emulator/app/emulator.h"

namespace conform::fuzz {

// The options FuzzEmulator uses (tests replay regression inputs with the same).
emulator::EmulatorOptions fuzz_emulator_options(std::shared_ptr<emulator::Clock> clock);

class FuzzEmulator {
 public:
  FuzzEmulator();
  http::Response handle(const http::Request& request) { return emulator_.handle(request); }
  emulator::ManualClock& clock() { return *clock_; }

 private:
  std::shared_ptr<emulator::ManualClock> clock_;
  emulator::Emulator emulator_;
};

}  // namespace conform::fuzz
