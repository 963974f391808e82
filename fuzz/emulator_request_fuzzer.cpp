// Fuzz target: the reference emulator's whole request handling, in-process (no socket).
// Input: a request script (fuzz/support/request_script.h): several requests, placeholders bound to
// values from earlier answers, clock advances, run by fuzz/support/script_run.h. Beyond crashes and
// sanitizer reports, every exchange must keep the emulator's invariants (fuzz/support/invariants.h);
// a broken invariant aborts.
// The emulator is emulator::Emulator's wiring with idle polls answering at once (support/fuzz_emulator.h),
// one per process, reset after each input: each input starts from a new emulator's state, and what an
// input allocated is freed before it returns (libFuzzer's leak check sees no growth).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "fuzz/support/fuzz_emulator.h"
#include "fuzz/support/script_run.h"

using namespace conform;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static fuzz::FuzzEmulator& emu = *new fuzz::FuzzEmulator;  // never destroyed: no exit-order issues
  struct ResetAfter {
    fuzz::FuzzEmulator& emu;
    ~ResetAfter() { emu.reset(); }
  } reset_after{emu};
  fuzz::run_script(emu, std::string_view(reinterpret_cast<const char*>(data), size),
                   [](const http::Request& request, const http::Response& response, const std::string& broken) {
                     if (broken.empty()) return true;
                     std::fprintf(stderr, "emulator invariant broken: %s\nrequest: %s %s\n%s\nresponse: %d %s\n",
                                  broken.c_str(), request.method.c_str(), request.target().c_str(),
                                  request.body.c_str(), response.status, response.body.c_str());
                     std::abort();
                   });
  return 0;
}
