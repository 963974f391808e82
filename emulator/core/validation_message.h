// Coral ValidationException text: one violation rendered with the service's template (or Coral's own
// wording when the service does not give one), and the violations joined under the service's header.
//
// Promises: never throws. Template variables: ${value} ${path} ${min} ${max} ${pattern} ${enum}
// ${count}; ${*} renders as nothing. A sensitive violation uses the "<key>.sensitive" template; when
// the service has none, the plain template with "Value '${value}' at" turned into "Value at".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "harness/spec/model.h"

namespace conform::emulator {

struct Violation {
  std::string key;           // required | lengthMin | lengthMax | pattern | enum | rangeMin | rangeMax
  std::string path;          // member path as the service prints it
  std::string value;         // the offending value as Coral prints it
  bool sensitive = false;    // use the form that does not echo the value
  std::optional<int64_t> min, max;
  std::string pattern;       // as printed (patternText)
  std::string enum_text;     // "[A, B, C]"
};

std::string render_violation(const spec::ValidationStyle& style, const Violation& v);
// "1 validation error detected: X" / "2 validation errors detected: X; Y"
std::string validation_message(const spec::ValidationStyle& style, const std::vector<std::string>& violations);

}  // namespace conform::emulator
