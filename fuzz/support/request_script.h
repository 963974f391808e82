// A request script: the byte format the emulator_request fuzz target (and its corpus) speaks.
//
//   POST /                                   <- request line: METHOD SP TARGET
//   X-Amz-Target: AWSStepFunctions.CreateActivity
//   Content-Type: application/x-amz-json-1.0
//                                            <- blank line ends the headers
//   {"name":"a1"}                            <- body up to the separator
//   %%                                       <- separator line between requests
//   @advance 2                               <- directive block: advance the emulator clock (seconds)
//
// Placeholders `{{name}}` in the target, header values and body are replaced, when the request is
// sent, by the latest value seen for `name` in an earlier response (bindings.h: a JSON key at depth
// <= 8, or a response header); `{{name%}}` inserts it percent-encoded (for URI labels); unknown names
// stay as they are. This lets mutated scripts reach live tokens and ARNs that the emulator issued.
//
// Promises: parse() accepts any bytes without crashing; it yields at most kMaxSteps steps, each body
// at most kMaxBody bytes (the rest is dropped), so every input runs in bounded time.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/support/bindings.h"
#include "harness/http/message.h"

namespace conform::fuzz {

struct ScriptStep {
  bool is_advance = false;
  double advance_seconds = 0;
  std::string method, target;                            // request line
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

constexpr size_t kMaxSteps = 24;
constexpr size_t kMaxBody = 64 * 1024;

std::vector<ScriptStep> parse_script(std::string_view bytes);
// The whole of `bytes` as one step (the emulator_single_request target's input: a `%%` line is body
// text there); nullopt when it has no request line.
std::optional<ScriptStep> parse_step(std::string_view bytes);
std::string render_script(const std::vector<ScriptStep>& steps);

// The http::Request a step describes, placeholders substituted. nullopt for a directive step or a
// target whose percent-escapes are malformed (the emulator's server would reject it before routing).
std::optional<http::Request> to_request(const ScriptStep& step, const Bindings& bindings);

}  // namespace conform::fuzz
