// Whole-value regular-expression matching for spec `pattern`s, compiled once per pattern text.
//
// Promises: thread-safe; never throws. A pattern that does not compile (ECMAScript) constrains
// nothing (the loader rejects such specs). std::regex recurses per input character, so values longer
// than kMaxPatternInput bytes are not run through the engine: they are judged by a cheap necessary
// test instead (each byte alone must match the pattern's repeated class, when the pattern is one
// bracket expression or "." with + or *, e.g. "[a-zA-Z0-9_-]+", ".*"); other patterns report such values as a
// mismatch (every patterned member in the specs has a far smaller maximum length).
#pragma once

#include <string>

namespace conform::emulator {

constexpr size_t kMaxPatternInput = 2048;  // ~1 MB of stack at -O2 (measured: 4096 needs > 1 MB)

bool matches_whole(const std::string& pattern, const std::string& value);

}  // namespace conform::emulator
