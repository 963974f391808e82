// Fuzz target: one request per input through the reference emulator's whole request handling
// (in-process, no socket), for throughput: the emulator_request target runs scripts of up to 24
// requests; this one reaches routing, protocol errors, decoding, validation and each operation's
// answer from an empty emulator (creations, unknown or forged identifiers) at several times the rate.
// Input: one step of a request script (fuzz/support/request_script.h, parse_step): request line,
// headers, blank line, body; placeholders stay as written (there is no earlier answer). Beyond crashes
// and sanitizer reports, the exchange must keep the emulator's invariants (never a 5xx; every non-2xx
// with an error identity: fuzz/support/invariants.h); a broken invariant aborts.
// The emulator is support/fuzz_emulator.h's, one per process, reset after each input.
#include <cstdint>
#include <string_view>

#include "fuzz/support/fuzz_emulator.h"
#include "fuzz/support/invariants.h"
#include "fuzz/support/request_script.h"

using namespace conform;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto step = fuzz::parse_step(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!step || step->is_advance) return 0;
  auto request = fuzz::to_request(*step, fuzz::Bindings());
  if (!request) return 0;
  fuzz::InputScope scope;  // the process's emulator, as new; reset when the input is done
  http::Response response = scope.emulator().handle(*request);
  std::string broken = fuzz::InvariantChecker().observe(*request, response);
  if (!broken.empty()) fuzz::abort_broken_invariant(broken, *request, response);
  return 0;
}
