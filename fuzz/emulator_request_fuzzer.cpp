// Fuzz target: the reference emulator's whole request handling, in-process (no socket).
// Input: a request script (fuzz/support/request_script.h): several requests, placeholders bound to
// values from earlier answers, clock advances. Beyond crashes and sanitizer reports, every exchange
// must keep the emulator's invariants (fuzz/support/invariants.h); a broken invariant aborts.
// The emulator is emulator::Emulator's wiring with idle polls answering at once (support/fuzz_emulator.h).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "fuzz/support/fuzz_emulator.h"
#include "fuzz/support/invariants.h"
#include "fuzz/support/request_script.h"

using namespace conform;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto steps = fuzz::parse_script(bytes);
  // Responses are parsed for placeholder values only when the script has a placeholder at all (most
  // mutated inputs have none; parsing every answer was a tenth of an execution).
  const bool uses_placeholders = bytes.find("{{") != std::string_view::npos;
  fuzz::FuzzEmulator emu;
  fuzz::Bindings bindings;
  fuzz::InvariantChecker invariants;
  for (const auto& step : steps) {
    if (step.is_advance) {
      emu.clock().advance(step.advance_seconds);
      continue;
    }
    auto request = fuzz::to_request(step, bindings);
    if (!request) continue;
    http::Response response = emu.handle(*request);
    if (uses_placeholders) bindings.learn(response);
    std::string broken = invariants.observe(*request, response);
    if (!broken.empty()) {
      std::fprintf(stderr, "emulator invariant broken: %s\nrequest: %s %s\n%s\nresponse: %d %s\n", broken.c_str(),
                   request->method.c_str(), request->target().c_str(), request->body.c_str(), response.status,
                   response.body.c_str());
      std::abort();
    }
  }
  return 0;
}
