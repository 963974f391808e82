// Test helper: runs a request script (fuzz/support/request_script.h) through a fresh in-process
// emulator exactly as the emulator_request fuzz target does, and keeps every exchange with the first
// invariant it broke, so regression tests can assert the fixed behaviour answer by answer.
#pragma once

#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "emulator/app/emulator.h"
#include "fuzz/support/invariants.h"
#include "fuzz/support/request_script.h"

namespace conform::fuzz::testing_support {

struct ScriptExchange {
  http::Request request;
  http::Response response;
  std::string broken;  // "" when the exchange kept every invariant
};

inline std::vector<ScriptExchange> run_script(const std::string& bytes, emulator::EmulatorOptions options = {}) {
  auto clock = std::make_shared<emulator::ManualClock>();
  options.clock = clock;
  options.poll_wait = std::chrono::milliseconds(0);  // as the fuzz target (fuzz/support/fuzz_emulator.h)
  emulator::Emulator emu(options);
  Bindings bindings;
  InvariantChecker invariants;
  std::vector<ScriptExchange> out;
  for (const auto& step : parse_script(bytes)) {
    if (step.is_advance) {
      clock->advance(step.advance_seconds);
      continue;
    }
    auto request = to_request(step, bindings);
    if (!request) continue;
    ScriptExchange e{*request, emu.handle(*request), ""};
    bindings.learn(e.response);
    e.broken = invariants.observe(e.request, e.response);
    out.push_back(std::move(e));
  }
  return out;
}

inline std::string read_input(const std::string& relative) {
  std::ifstream in(std::string(CONFORM_SOURCE_DIR) + "/" + relative, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace conform::fuzz::testing_support
