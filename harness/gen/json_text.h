// JSON texts for string members with `format: json` (SFN input/output/definition).
//
// Promises: every generated string parses as JSON and has a code-point length in [min, max] (when
// max >= 1); exact bounds are drawn often, including texts made of multibyte characters (a JSON string
// literal) and padded documents. Deterministic for a seed; shrinks toward "{}"-like small texts.
#pragma once

#include <nlohmann/json.hpp>
#include <rapidcheck.h>
#include <string>

namespace conform::gen {

// A small JSON value (objects, arrays, strings with multibyte characters, numbers, booleans, null).
rc::Gen<nlohmann::ordered_json> json_value(int depth = 2);
rc::Gen<std::string> json_text(size_t min, size_t max);
// A text that is NOT valid JSON, of code-point length in [min, max] (max >= 1).
rc::Gen<std::string> non_json_text(size_t min, size_t max);

}  // namespace conform::gen
