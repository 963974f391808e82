// Valid values for a spec Shape: strings (enum, pattern, format json, or free Unicode), numbers,
// booleans, timestamps, blobs, structures, lists and maps.
//
// Promises: every value satisfies the shape's constraints (length in code points, pattern, enum, range,
// JSON format, required nested members) whenever the constraints are satisfiable and the pattern is in the
// supported subset; optional nested members are sometimes absent and shrink toward absent; strings
// shrink toward shorter. Deterministic for a seed.
#pragma once

#include <rapidcheck.h>

#include "harness/spec/model.h"

namespace conform::gen {

// Strings without a modeled maximum get at most this many code points in "anything" draws.
constexpr size_t kDefaultMaxLength = 64;

rc::Gen<spec::Json> shape_value(const spec::Shape& shape, int depth = 0);
// HTTP strips optional white space around a header value and cannot carry control characters, so a
// header member's value must have neither to reach the service as it was drawn; a query list with no
// element puts nothing on the wire. True for every other location.
bool travels_intact(const spec::Member& member, const spec::Json& value);
// A valid value of the member that travels intact (header and query values are redrawn until they do).
rc::Gen<spec::Json> member_value(const spec::Member& member);
rc::Gen<std::string> string_value(const spec::Shape& shape);
// A string of exactly `length` code points satisfying the shape's pattern / format (nullopt if none).
rc::Gen<std::optional<std::string>> string_of_exact_length(const spec::Shape& shape, size_t length);

}  // namespace conform::gen
