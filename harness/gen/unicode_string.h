// Unicode string generators whose lengths are counted in code points.
//
// Promises: every generated string is well-formed UTF-8 (never an unpaired surrogate) with a code-point
// length inside [min, max]; the exact min and max are drawn often (boundary_length), also with 2-, 3- and
// 4-byte characters; strings shrink toward min length and toward 'a'. Deterministic for a seed.
#pragma once

#include <cstdint>
#include <rapidcheck.h>
#include <string>

namespace conform::gen {

// Which characters a string is made of.
enum class Alphabet {
  Ascii,      // printable ASCII (0x20..0x7E)
  Bmp,        // 2- and 3-byte characters (U+0080..U+FFFD, no surrogates, no C1 controls)
  Astral,     // 4-byte characters (U+10000..U+10FFFF)
  Mixed,      // any of the above per character
};
const char* to_string(Alphabet a);

rc::Gen<Alphabet> any_alphabet();
// An index/value uniform in [min, max) whatever the generation size (rc::gen::inRange scales with size,
// which would hide most characters and every alternative but the first at small sizes).
template <typename T>
rc::Gen<T> uniform_in(T min, T max) {
  return rc::gen::resize(rc::kNominalSize, rc::gen::inRange<T>(min, max));
}
rc::Gen<char32_t> code_point(Alphabet a);
// A length in [min, max]: the exact bounds half of the time, else anything in range. `max` is capped
// by `soft_cap` for the "anything" draw (not for the exact max) to keep cases small. A large range
// (max - min > kLargeSpan: a payload such as SendTaskSuccess's 256 Ki-character `output`) draws its
// exact max 1 time in 32 instead of 1 in 4: every check's random cases would otherwise carry megabytes,
// and that boundary has its own cases (valid_input_at_bounds, the length.max violation).
constexpr size_t kLargeSpan = 4096;
rc::Gen<size_t> boundary_length(size_t min, size_t max, size_t soft_cap = 64);
// A string of exactly `length` code points. Long strings (over kBulkLength) draw their characters from
// a seeded PRNG, so they cost one draw instead of one per character (they shrink through their length).
constexpr size_t kBulkLength = 256;
rc::Gen<std::string> string_of_length(size_t length, Alphabet a);
// `n` code points of alphabet `a` from a PRNG seeded with `seed` (deterministic), encoded as UTF-8.
// With `literal_safe`, '"' and '\\' become 'x' (the text can sit inside a JSON string literal unescaped).
std::string bulk_utf8(size_t n, Alphabet a, uint64_t seed, bool literal_safe = false);
// A code point of `a` from a 64-bit random value.
char32_t code_point_from(Alphabet a, uint64_t r);
// A string with length in [min, max] (boundary-weighted), of a random alphabet.
rc::Gen<std::string> unicode_string(size_t min, size_t max);
rc::Gen<std::string> unicode_string(size_t min, size_t max, Alphabet a);

}  // namespace conform::gen
