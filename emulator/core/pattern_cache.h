// Whole-value regular-expression matching for spec `pattern`s, compiled once per pattern text.
//
// Promises: thread-safe; never throws. A pattern that does not compile (ECMAScript) constrains
// nothing (the loader rejects such specs). Values are matched by the harness's backtracking-free engine
// (gen/regex.h) over code points, as AWS counts a quantifier like {1,80} (std::regex over UTF-8 bytes
// rejected 41 two-byte characters there), with \s \d \w read as ASCII as Java reads them. A pattern
// outside that engine's subset falls back to std::regex over bytes, which recurses per input
// character: values longer than kMaxPatternInput bytes are then reported as a mismatch.
#pragma once

#include <string>

namespace conform::emulator {

constexpr size_t kMaxPatternInput = 2048;  // ~1 MB of stack at -O2 (measured: 4096 needs > 1 MB)

bool matches_whole(const std::string& pattern, const std::string& value);

}  // namespace conform::emulator
