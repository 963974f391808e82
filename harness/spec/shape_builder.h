// Building members and shapes from spec JSON ("input"/"output" objects, member entries).
//
// Promises: never throws. Checks every shape on its own and reports at the offending pointer: known
// type and location names; patterns compile as ECMAScript (std::regex) and are at most 2000
// characters; length/range have min <= max and non-negative lengths; length only on string, blob,
// list and map; range only on integer, long and double; pattern/enum/format only on strings; lists and
// maps have an `element`. patternText defaults to pattern; locationName defaults to the member name.
#pragma once

#include <string>

#include "harness/spec/json_reader.h"
#include "harness/spec/model.h"

namespace conform::spec {

// `holder` is an object with a "members" object (an operation's "input" or "output").
Shape build_structure(const JsonReader& reader, const Json& holder, const std::string& pointer);
// One member entry; `top_level` allows `required` and `location`.
Member build_member(const JsonReader& reader, const std::string& name, const Json& entry,
                    const std::string& pointer, bool top_level);
ShapePtr build_shape(const JsonReader& reader, const Json& entry, const std::string& pointer);
// Compiles `pattern` as std::regex ECMAScript; "" when it compiles, else why it does not.
std::string pattern_problem(const std::string& pattern);

}  // namespace conform::spec
