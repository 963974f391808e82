// One request script (request_script.h) run against a FuzzEmulator exactly as the emulator_request
// target runs it (and one request as emulator_single_request does), shared by the targets and the
// tests that replay their inputs: the steps in order, an
// `@advance` moving the clock, each request built with its placeholders bound from earlier answers,
// handled, and judged by an InvariantChecker (invariants.h) kept for the whole script.
//
// Promises: `observe` sees every exchange in order with the first invariant it broke ("" when it kept
// them all); returning false stops the run. Answers are read only for the placeholder names the
// script uses (bindings.h). The emulator is not reset here (the caller decides when).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "fuzz/support/fuzz_emulator.h"
#include "harness/http/message.h"

namespace conform::fuzz {

using ExchangeObserver =
    std::function<bool(const http::Request& request, const http::Response& response, const std::string& broken)>;

void run_script(FuzzEmulator& emu, std::string_view bytes, const ExchangeObserver& observe);

// The emulator_single_request target's run: `bytes` as one request (request_script.h parse_step), its
// placeholders as written, judged by a fresh InvariantChecker; nothing happens for bytes without a
// request line or with a malformed target. A one-step script answers the same through run_script.
void run_request(FuzzEmulator& emu, std::string_view bytes, const ExchangeObserver& observe);

}  // namespace conform::fuzz
