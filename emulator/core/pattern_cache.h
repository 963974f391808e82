// Whole-value regular-expression matching for spec `pattern`s, compiled once per pattern text.
//
// Promises: thread-safe; never throws. A pattern that does not compile (ECMAScript) constrains
// nothing (the loader rejects such specs). std::regex recurses per input character, so values longer
// than kMaxPatternInput bytes are matched by the harness's backtracking-free engine (gen/regex.h)
// instead; a pattern outside that engine's subset reports such values as a mismatch.
#pragma once

#include <string>

namespace conform::emulator {

constexpr size_t kMaxPatternInput = 2048;  // ~1 MB of stack at -O2 (measured: 4096 needs > 1 MB)

bool matches_whole(const std::string& pattern, const std::string& value);

}  // namespace conform::emulator
