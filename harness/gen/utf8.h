// UTF-8 helpers for generators and oracles: lengths are counted in Unicode scalar values (code points),
// as Smithy `length` on strings does.
//
// Promises: encode() emits well-formed UTF-8 for every scalar value (never a surrogate: surrogates are
// replaced by U+FFFD); decode() never throws and reports malformed input; code_points() of a
// well-formed string equals the number of scalars encoded into it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace conform::gen {

bool is_scalar(char32_t c);                       // 0..0x10FFFF without the surrogates
void append_utf8(std::string& out, char32_t c);
std::string encode_utf8(const std::u32string& cps);
std::optional<std::u32string> decode_utf8(std::string_view s);  // nullopt if malformed
// Number of code points; malformed bytes count one each.
size_t code_points(std::string_view s);
// The first `n` code points of `s`.
std::string utf8_prefix(std::string_view s, size_t n);

}  // namespace conform::gen
