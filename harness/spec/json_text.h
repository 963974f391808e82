// Reading one JSON text for the spec loader.
//
// Promises: never throws. On success returns the document with member order preserved. On failure
// returns a sentence naming the line and column (1-based) of the problem: syntax errors, an empty
// file, a key that appears twice in one object (with its pointer), nesting deeper than 64 levels.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace conform::spec {

struct JsonTextResult {
  std::optional<nlohmann::ordered_json> document;  // set iff `error` is empty
  std::string error;
  std::string error_pointer;                       // where the problem is, when known
};

JsonTextResult parse_json_text(const std::string& text);

}  // namespace conform::spec
