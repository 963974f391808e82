// Strings matching (or deliberately not matching) the regex patterns the specs use.
//
// Promises: matching_string() yields strings that full-match the pattern with a code-point length in
// [min, max] whenever such strings exist and the pattern is in the supported subset (regex.h); lengths
// are boundary-weighted and elastic repeats are stretched to hit the exact bounds; classes that allow
// non-ASCII draw 2-, 3- and 4-byte characters too. For unsupported patterns it falls back to filtering
// unicode strings (and may then yield a non-matching value: callers verify with pattern_matches()).
// mismatching_string() yields strings of length in [min, max] that do NOT match, or nullopt when none
// was found for this seed. Deterministic for a seed; shrinks toward shorter strings.
//
// Neither ever uses a whitespace character outside ASCII (contested_space(): U+0085, U+00A0, U+1680,
// U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF) where the pattern decides: `\s` means
// Unicode whitespace to ECMAScript and Python (moto, LocalStack) but ASCII whitespace to Java (AWS) and
// to std::regex over bytes, so such a character would make the expected verdict depend on the target's
// regex engine. (A seed once made "[^\s]+" mismatch with U+2009 and blamed a target that reads \s as
// ASCII.)
#pragma once

#include <optional>
#include <rapidcheck.h>
#include <string>

#include "harness/gen/regex.h"
#include "harness/gen/unicode_string.h"

namespace conform::gen {

// A code point from `set`, preferring the zone of `alphabet` (printable, never a surrogate).
rc::Gen<char32_t> char_in(const CharSet& set, Alphabet alphabet);

// Is `c` whitespace to some regex engines and not to others (see above)?
bool contested_space(char32_t c);
bool has_contested_space(const std::string& utf8);

rc::Gen<std::string> matching_string(const std::string& pattern, size_t min, size_t max);
// Exactly `length` code points, matching; nullopt if the pattern cannot produce that length.
rc::Gen<std::optional<std::string>> matching_string_of_length(const std::string& pattern, size_t length);
rc::Gen<std::optional<std::string>> mismatching_string(const std::string& pattern, size_t min, size_t max);

}  // namespace conform::gen
