// Checks a JSON value against a spec Shape: the independent judge of what the generators produce, and
// of response shapes (required output members present, types right).
//
// Promises: never throws; reports every violated constraint once, with its member path (wire names
// joined by '.', list/map entries as [i] / [key]) and a constraint label: "required", "type",
// "length.min", "length.max", "pattern", "enum", "range.min", "range.max", "format".
#pragma once

#include <string>
#include <vector>

#include "harness/spec/model.h"

namespace conform::gen {

struct ConstraintViolation {
  std::string path;
  std::string constraint;
  std::string detail;
};

struct ValidateOptions {
  bool constraints = true;   // false: only presence of required members and types (response shapes)
  bool numbers_as_strings = false;  // header/query/uri members arrive as text
};

std::vector<ConstraintViolation> validate_value(const spec::Shape& shape, const spec::Json& value,
                                                const std::string& path, ValidateOptions options = {});
// Validates an operation's input object (members by wire name).
std::vector<ConstraintViolation> validate_input(const spec::Operation& op, const spec::Json& input,
                                                ValidateOptions options = {});

}  // namespace conform::gen
