// The structure a botocore service-2.json must have before it can be imported: what a malformed model
// gets instead of a partial import.
//
// Checks: /metadata, /operations and /shapes are objects; each operation is an object whose input,
// output and errors refer (by "shape") to shapes /shapes defines; each shape is an object with a known
// "type"; structures' "members" (objects with a "shape" reference) and "required" (member names),
// lists' "member", maps' "key" and "value" refer to defined shapes; "min"/"max" are numbers, "pattern"
// a string, "enum" a list of strings.
//
// Promises: never throws; each problem is one line "<JSON pointer>: <what is wrong>", in document
// order, at most `limit` of them (a last line says how many more there are).
#pragma once

#include <string>
#include <vector>

#include "harness/importer/import_result.h"

namespace conform::importer {

std::vector<std::string> botocore_structure_problems(const Json& model, size_t limit = 20);

}  // namespace conform::importer
