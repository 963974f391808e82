// Reading model files (botocore and Smithy JSON) without exceptions: a member of an object, or
// nothing when the object, the member or its type is not what a model would have.
#pragma once

#include <optional>

#include "harness/spec/model.h"

namespace conform::importer {

// obj[key] as a number; nullopt if obj is not an object or the member is absent or not a number.
inline std::optional<double> number_member(const spec::Json& obj, const char* key) {
  if (!obj.is_object()) return std::nullopt;
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

}  // namespace conform::importer
