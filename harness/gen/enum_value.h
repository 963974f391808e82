// Enum members: valid values and near-miss invalid ones.
//
// Promises: enum_value() draws only listed values (shrinking toward the first); enum_near_miss() returns a
// value that is not listed but looks like one (case-changed or suffixed), deterministic per input.
#pragma once

#include <rapidcheck.h>
#include <string>
#include <vector>

namespace conform::gen {

rc::Gen<std::string> enum_value(const std::vector<std::string>& values);
rc::Gen<std::string> enum_near_miss(const std::vector<std::string>& values);

}  // namespace conform::gen
