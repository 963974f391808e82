// Invariants of a correct emulator that hold for ANY request sequence, checked by the emulator_request
// fuzz target on every exchange:
//   1. never a 5xx;
//   2. every non-2xx answer carries an error identity (awsJson `__type` / restJson `X-Amzn-ErrorType`);
//   3. a task token closed successfully is never accepted again (closing or heartbeat);
//   4. an execution (SFN or durable) stopped successfully is never read back as RUNNING again.
//
// Promises: observe() never throws, whatever the bytes; it returns an empty string when the exchange
// keeps every invariant, otherwise a one-line description of the first invariant broken.
#pragma once

#include <set>
#include <string>

#include "harness/http/message.h"

namespace conform::fuzz {

class InvariantChecker {
 public:
  std::string observe(const http::Request& request, const http::Response& response);

 private:
  std::set<std::string> closed_tokens_;
  std::set<std::string> stopped_executions_;
};

// Prints the broken invariant with the exchange to stderr and aborts (the fuzz targets' verdict).
[[noreturn]] void abort_broken_invariant(const std::string& broken, const http::Request& request,
                                         const http::Response& response);

}  // namespace conform::fuzz
