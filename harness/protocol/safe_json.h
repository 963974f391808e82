// Defensive JSON parsing for bytes that came off the wire.
//
// Promises: never throws; refuses (with a reason) bodies larger than `max_bytes`, nested deeper than
// `max_depth` (checked before parsing, so no recursion happens on hostile input), or not valid JSON /
// not valid UTF-8. A successful result is safe to dump(): every string is valid UTF-8.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "harness/spec/model.h"

namespace conform::protocol {

inline constexpr size_t kMaxJsonDepth = 128;
inline constexpr size_t kMaxJsonBytes = 32u << 20;

std::optional<spec::Json> parse_json_safely(std::string_view text, std::string* error = nullptr,
                                            size_t max_depth = kMaxJsonDepth, size_t max_bytes = kMaxJsonBytes);

// Nesting depth of a JSON text ({ and [ outside strings); stops counting once above `limit`.
size_t json_nesting_depth(std::string_view text, size_t limit);

// Serialises without ever throwing: invalid UTF-8 inside strings is replaced by U+FFFD.
std::string dump_json(const spec::Json& value);

bool is_valid_utf8(std::string_view text);

// `text` with every invalid UTF-8 sequence replaced by U+FFFD (unchanged when already valid): for bytes
// off the wire (header values) that end up in JSON.
std::string valid_utf8(std::string_view text);

}  // namespace conform::protocol
