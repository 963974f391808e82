#include "fuzz/support/fuzz_emulator.h"

#include "emulator/lambda/backend.h"
#include "emulator/sfn/backend.h"
#include "emulator/swf/backend.h"
#include "harness/spec/loader.h"

namespace conform::fuzz {
namespace {

emulator::HandlerOptions options_with(std::shared_ptr<emulator::ManualClock> clock) {
  emulator::HandlerOptions o;  // the defaults of emulator::EmulatorOptions
  o.clock = std::move(clock);
  return o;
}

}  // namespace

FuzzEmulator::FuzzEmulator()
    : clock_(std::make_shared<emulator::ManualClock>()), handler_(spec::builtin_specs(), options_with(clock_)) {
  emulator::SfnOptions sfn;
  sfn.poll_wait = std::chrono::milliseconds(0);
  emulator::SwfOptions swf;
  swf.poll_wait = std::chrono::milliseconds(0);
  handler_.add_backend(emulator::make_stepfunctions_backend(sfn));
  handler_.add_backend(emulator::make_swf_backend(swf));
  handler_.add_backend(emulator::make_lambda_backend());
}

}  // namespace conform::fuzz
