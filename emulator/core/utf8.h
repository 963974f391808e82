// UTF-8 facts the emulator needs: validity and length in Unicode code points.
//
// Promises: never throws; `valid_utf8` rejects overlong forms, surrogates and code points above
// U+10FFFF; `code_points` counts every lead byte (it is meant for valid text).
#pragma once

#include <cstddef>
#include <string_view>

namespace conform::emulator {

bool valid_utf8(std::string_view text);
size_t code_points(std::string_view text);

}  // namespace conform::emulator
