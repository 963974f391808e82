// The emulator as the emulator_request target runs it: emulator::Emulator (built-in specs, the protocol
// core, the stepfunctions, swf and lambda backends) on a FuzzClock, with EmulatorOptions::poll_wait
// = 0 so an idle GetActivityTask / PollForActivityTask / PollForDecisionTask answers at once (the
// default 200 ms of real time would cap the target at a few executions per second as soon as a
// mutated script polls an empty queue).
//
// One FuzzEmulator serves every input of a fuzzing process: reset() between inputs puts it back to the
// state of a new one (Emulator::reset: fresh backends, id sequences restarted; the clock back to its
// start), which costs a fraction of constructing one (construction routes every spec'd operation's
// URI template). Nothing an input did is visible to the next: tests/fuzz/fuzz_emulator_reset_test.cpp
// compares every answer after a reset with a new emulator's.
//
// Promises: handle() is Emulator::handle (never throws); clock() advances the emulator's time.
#pragma once

#include <memory>

#include "emulator/app/emulator.h"

namespace conform::fuzz {

// The emulator's time in a fuzz run: kStart (ManualClock's default start) until advanced; single-threaded.
class FuzzClock final : public emulator::Clock {
 public:
  static constexpr double kStart = 1700000000.0;
  double now() const override { return now_; }
  void advance(double seconds) { now_ += seconds; }
  void restart() { now_ = kStart; }

 private:
  double now_ = kStart;
};

// The options FuzzEmulator uses (tests replay regression inputs with the same).
emulator::EmulatorOptions fuzz_emulator_options(std::shared_ptr<emulator::Clock> clock);

class FuzzEmulator {
 public:
  FuzzEmulator();
  http::Response handle(const http::Request& request) { return emulator_.handle(request); }
  FuzzClock& clock() { return *clock_; }
  void reset();

 private:
  std::shared_ptr<FuzzClock> clock_;
  emulator::Emulator emulator_;
};

// The process's one FuzzEmulator (built on first use, never destroyed: no exit-order issues) lent to
// one input: as new when the scope starts, reset when it ends (so what an input allocated is freed
// before it returns, and libFuzzer's leak check sees no growth).
class InputScope {
 public:
  InputScope();
  ~InputScope();
  InputScope(const InputScope&) = delete;
  InputScope& operator=(const InputScope&) = delete;
  FuzzEmulator& emulator() { return emu_; }

 private:
  FuzzEmulator& emu_;
};

}  // namespace conform::fuzz
