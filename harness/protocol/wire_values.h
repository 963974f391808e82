// Scalar conversions between logical JSON values and their wire text, as the AWS SDKs serialise them:
// timestamps (epoch seconds in JSON bodies, RFC 3339 in query strings, IMF-fixdate in headers), blobs
// (base64 inside JSON), and header/query text for every scalar type.
//
// Promises: pure functions, never throw; a value that does not have the expected JSON type is passed
// through unchanged (so deliberately wrong-typed probes reach the wire as they are).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "harness/spec/model.h"

namespace conform::protocol {

// "2015-08-30T12:36:00Z", "2015-08-30T12:36:00.5+02:00" -> epoch seconds; nullopt if not RFC 3339.
std::optional<double> parse_rfc3339(std::string_view text);
// Epoch seconds -> "2015-08-30T12:36:00Z" (fraction printed only when non-zero, millisecond precision).
std::string format_rfc3339(double epoch_seconds);
// Epoch seconds -> "Sun, 30 Aug 2015 12:36:00 GMT".
std::string format_http_date(double epoch_seconds);
// "Sun, 30 Aug 2015 12:36:00 GMT" -> epoch seconds.
std::optional<double> parse_http_date(std::string_view text);

std::string base64_encode(std::string_view bytes);
std::optional<std::string> base64_decode(std::string_view text);

// A JSON number for epoch seconds: an integer when whole, else a double.
spec::Json epoch_json(double epoch_seconds);

// The value a member of `shape` takes inside a JSON body: timestamps given as RFC 3339 strings become
// epoch seconds, blobs are base64-encoded (a string is raw bytes; {"base64": "..."} is already encoded and
// is sent verbatim), structures/lists/maps are converted recursively.
spec::Json to_body_value(const spec::Shape* shape, const spec::Json& value, int depth = 0);

// Text of a scalar for an HTTP header (timestamps as IMF-fixdate, lists comma-joined) or a query
// parameter (timestamps as RFC 3339). Strings are used verbatim; other JSON is dumped.
std::string to_header_text(const spec::Shape* shape, const spec::Json& value);
std::string to_query_text(const spec::Shape* shape, const spec::Json& value);

// A header value read back into the member's type (integers, booleans, numbers; else the string).
spec::Json from_header_text(const spec::Shape* shape, const std::string& text);

}  // namespace conform::protocol
