#include "fuzz/support/fuzz_emulator.h"

namespace conform::fuzz {

emulator::EmulatorOptions fuzz_emulator_options(std::shared_ptr<emulator::Clock> clock) {
  emulator::EmulatorOptions o;
  o.clock = std::move(clock);
  o.poll_wait = std::chrono::milliseconds(0);
  return o;
}

FuzzEmulator::FuzzEmulator() : clock_(std::make_shared<FuzzClock>()), emulator_(fuzz_emulator_options(clock_)) {}

void FuzzEmulator::reset() {
  emulator_.reset();
  clock_->restart();
}

InputScope::InputScope() : emu_([]() -> FuzzEmulator& {
  static FuzzEmulator& process_emulator = *new FuzzEmulator;
  return process_emulator;
}()) {}

InputScope::~InputScope() { emu_.reset(); }

}  // namespace conform::fuzz
