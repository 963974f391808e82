// Compact JSON serialisation, byte-for-byte what nlohmann's dump(-1, ' ', false, replace) writes, without
// its per-byte UTF-8 state machine: runs of bytes that need no escape are copied whole. This is the
// request and response bodies' path (payload-sized strings of up to 1 MB), so speed matters here.
//
// Promises: the output equals spec::Json::dump(-1, ' ', false, error_handler_t::replace) for every
// value (strings with invalid UTF-8 and floating-point numbers are handed to nlohmann, so their text is
// nlohmann's own); never throws for a value nlohmann can dump.
#pragma once

#include <string>
#include <string_view>

#include "harness/spec/model.h"

namespace conform::protocol {

void write_json(const spec::Json& value, std::string& out);
// `text` as a JSON string literal (quotes included), appended to `out`.
void write_json_string(std::string_view text, std::string& out);

}  // namespace conform::protocol
