#include "fuzz/support/script_run.h"

#include "fuzz/support/invariants.h"
#include "fuzz/support/request_script.h"

namespace conform::fuzz {

void run_script(FuzzEmulator& emu, std::string_view bytes, const ExchangeObserver& observe) {
  const std::vector<ScriptStep> steps = parse_script(bytes);
  Bindings bindings(steps);  // learns only the names the steps' placeholders use
  InvariantChecker invariants;
  for (const auto& step : steps) {
    if (step.is_advance) {
      emu.clock().advance(step.advance_seconds);
      continue;
    }
    auto request = to_request(step, bindings);
    if (!request) continue;
    http::Response response = emu.handle(*request);
    bindings.learn(response);
    if (!observe(*request, response, invariants.observe(*request, response))) return;
  }
}

void run_request(FuzzEmulator& emu, std::string_view bytes, const ExchangeObserver& observe) {
  auto step = parse_step(bytes);
  if (!step || step->is_advance) return;
  auto request = to_request(*step, Bindings());
  if (!request) return;
  http::Response response = emu.handle(*request);
  observe(*request, response, InvariantChecker().observe(*request, response));
}

}  // namespace conform::fuzz
