// A JSON Schema validator for the draft 2020-12 subset Conform's spec schema uses.
//
// Promises: never throws, on any schema or instance. Supported keywords: type (name or array of names),
// enum, const, properties, patternProperties, additionalProperties (bool or schema), required,
// propertyNames, minProperties, maxProperties, dependentRequired, items, prefixItems, minItems,
// maxItems, uniqueItems, minimum, maximum, exclusiveMinimum, exclusiveMaximum, minLength, maxLength
// (Unicode code points), pattern (ECMAScript, unanchored), $ref ("#" + JSON pointer into the same
// document, e.g. "#/$defs/member"), allOf, anyOf, oneOf, not, if/then/else. Other keywords are
// annotations and ignored. Each violation names the JSON pointer of the offending instance value and
// says in a sentence what is wrong there. When no branch of a oneOf/anyOf matches, the violations of
// the branch that fits best are reported (branches whose `const` discriminator or type differ are
// set aside), so a typo deep in an operation is reported where it is, not as "matches no branch".
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace conform::spec {

struct SchemaViolation {
  std::string pointer;  // instance location ("" = whole document); for problems(): schema location
  std::string message;
};

class JsonSchema {
 public:
  explicit JsonSchema(const nlohmann::ordered_json& schema);

  // Problems with the schema document itself (unresolvable $ref, bad regex, ill-typed keywords).
  // A schema with problems still validates, ignoring the keywords that are broken.
  const std::vector<SchemaViolation>& problems() const;
  std::vector<SchemaViolation> validate(const nlohmann::ordered_json& instance) const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace conform::spec
