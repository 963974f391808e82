// The deserialisation step of the Coral pipeline: a JSON value checked against a shape's wire TYPE
// (not its constraints) and normalised for the backends.
//
// Promises: never throws; recursion follows the shape, never the input, so hostile nesting costs
// nothing. A structure keeps only declared members and drops members whose value is JSON null (null
// means absent); lists and maps keep their entries. Blobs must be base64 strings. Integers must be
// integral and fit their type (integer: 32 bits, long: 64 bits); timestamps are epoch-second numbers.
// On a type mismatch the result is empty and `problem` names the member path and what was wrong.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "harness/spec/model.h"

namespace conform::emulator {

struct TypeProblem {
  std::string path;     // e.g. "taskToken", "Error.StackTrace"
  std::string message;  // e.g. "expected a string but got a number"
};

std::optional<spec::Json> conform_to_shape(const spec::Shape& shape, const spec::Json& value, const std::string& path,
                                           TypeProblem& problem);

// The structure case alone: `value` must be an object; only `members` are kept.
std::optional<spec::Json> conform_members(const std::vector<spec::Member>& members, const spec::Json& value,
                                          const std::string& path, TypeProblem& problem);

// Converts a string from a URI label, header or query value to a JSON value of the shape's type
// (strings are checked to be valid UTF-8). Lists are handled by the caller (one call per element).
std::optional<spec::Json> from_text(const spec::Shape& shape, const std::string& text, const std::string& path,
                                    TypeProblem& problem);

}  // namespace conform::emulator
