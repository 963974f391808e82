// Fuzz target: one request per input through the reference emulator's whole request handling
// (in-process, no socket), for throughput: the emulator_request target runs scripts of up to 24
// requests; this one reaches routing, protocol errors, decoding, validation and each operation's
// answer from an empty emulator (creations, unknown or forged identifiers) at several times the rate.
// Input: one step of a request script (fuzz/support/request_script.h, parse_step): request line,
// headers, blank line, body; placeholders stay as written (there is no earlier answer); run by
// fuzz/support/script_run.h (run_request). Beyond crashes and sanitizer reports, the exchange must
// keep the emulator's invariants (never a 5xx; every non-2xx with an error identity:
// fuzz/support/invariants.h); a broken invariant aborts.
// The emulator is support/fuzz_emulator.h's, one per process, reset after each input.
#include <cstdint>
#include <string_view>

#include "fuzz/support/fuzz_emulator.h"
#include "fuzz/support/invariants.h"
#include "fuzz/support/script_run.h"

using namespace conform;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::InputScope scope;  // the process's emulator, as new; reset when the input is done
  fuzz::run_request(scope.emulator(), std::string_view(reinterpret_cast<const char*>(data), size),
                    [](const http::Request& request, const http::Response& response, const std::string& broken) {
                      if (!broken.empty()) fuzz::abort_broken_invariant(broken, request, response);
                      return true;
                    });
  return 0;
}
