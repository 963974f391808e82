// Fuzz target: the reference emulator's whole request handling, in-process (no socket).
// Input: a request script (fuzz/support/request_script.h): several requests, placeholders bound to
// values from earlier answers, clock advances, run by fuzz/support/script_run.h. Beyond crashes and
// sanitizer reports, every exchange must keep the emulator's invariants (fuzz/support/invariants.h);
// a broken invariant aborts.
// The emulator is emulator::Emulator's wiring with idle polls answering at once (support/fuzz_emulator.h),
// one per process, reset after each input: each input starts from a new emulator's state, and what an
// input allocated is freed before it returns (libFuzzer's leak check sees no growth).
#include <cstdint>
#include <string_view>

#include "fuzz/support/fuzz_emulator.h"
#include "fuzz/support/invariants.h"
#include "fuzz/support/script_run.h"

using namespace conform;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::InputScope scope;  // the process's emulator, as new; reset when the input is done
  fuzz::run_script(scope.emulator(), std::string_view(reinterpret_cast<const char*>(data), size),
                   [](const http::Request& request, const http::Response& response, const std::string& broken) {
                     if (!broken.empty()) fuzz::abort_broken_invariant(broken, request, response);
                     return true;
                   });
  return 0;
}
