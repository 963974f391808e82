// JSON parsing with a fast path: the texts Conform and the emulator exchange (objects, arrays, strings
// of plain or multibyte UTF-8 with simple escapes, integers, literals) are parsed by a small recursive
// reader that copies string runs whole; anything else (floating-point numbers, \u escapes, a byte-order
// mark, deep nesting, and every malformed text) is left to nlohmann, whose per-byte lexer is several
// times slower on payload-sized strings.
//
// Promises: parse_json(text) returns exactly what spec::Json::parse(text, nullptr, false) returns (a
// discarded value for a malformed text), equal in value, types (integer/unsigned) and member order, with
// a repeated key keeping its first position and its last value, for texts nested at most `max_depth`
// deep; a deeper text is discarded (the recursive validators and writers after it would overflow the
// stack). Never throws. Objects stay linear in their member count on the fast path (nlohmann's ordered
// map is quadratic). parse_json_fast_path() returns nullopt whenever it does not handle the text, never
// a value nlohmann would not produce.
#pragma once

#include <optional>
#include <string_view>

#include "harness/protocol/safe_json.h"
#include "harness/spec/model.h"

namespace conform::protocol {

// The deepest nesting the fast path takes (deeper texts go to nlohmann).
inline constexpr int kMaxFastDepth = 64;

spec::Json parse_json(std::string_view text, size_t max_depth = kMaxJsonDepth);
std::optional<spec::Json> parse_json_fast_path(std::string_view text);

}  // namespace conform::protocol
