// JSON parsing with a fast path: the texts Conform and the emulator exchange (objects, arrays, strings
// of plain or multibyte UTF-8 with simple escapes, integers, literals) are parsed by a small recursive
// reader that copies string runs whole; anything else (floating-point numbers, \u escapes, a byte-order
// mark, deep nesting, and every malformed text) is left to nlohmann, whose per-byte lexer is several
// times slower on payload-sized strings.
//
// Promises: parse_json(text) returns exactly what spec::Json::parse(text, nullptr, false) returns (a
// discarded value for a malformed text), equal in value, types (integer/unsigned) and member order, with
// a repeated key keeping its first position and its last value; never throws. parse_json_fast_path()
// returns nullopt whenever it does not handle the text, never a value nlohmann would not produce.
#pragma once

#include <optional>
#include <string_view>

#include "harness/spec/model.h"

namespace conform::protocol {

// The deepest nesting the fast path takes (deeper texts go to nlohmann).
inline constexpr int kMaxFastDepth = 64;

spec::Json parse_json(std::string_view text);
std::optional<spec::Json> parse_json_fast_path(std::string_view text);

}  // namespace conform::protocol
