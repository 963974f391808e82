// Loading and checking specs.
//
// Promises: never throws and never crashes on bad input. Every problem is reported as a SpecError
// naming the file and the JSON pointer of the offending value, with a sentence a person can act on.
// A load with any error yields no SpecSet. Checks, in order: JSON syntax; the JSON Schema in
// specs/schema/ (kinds, types, required keys, enums); then the spec against itself (rules name existing
// members and declared errors, lifecycles name existing fixtures and read-back operations, fixture
// steps name existing operations and only use variables captured by earlier steps or builtins,
// patterns compile, min <= max).
//
// Defaults filled in while loading: an error's `wire` (awsJson1_0: errorNamespace#name, restJson1:
// name), a rule's expect.status from the error it names, a shape's pattern_text from its pattern, a
// member's location_name from its name. A directory without schema/spec.schema.json is checked
// against the built-in schema. Operation files must be named <Operation>.json and sit next to their
// service.json; `conform specs check` (check_command.h) prints the same errors.
#pragma once

#include <string>
#include <vector>

#include "harness/spec/builtin_specs.h"
#include "harness/spec/model.h"

namespace conform::spec {

struct SpecError {
  std::string file;      // path as given (relative to the spec dir)
  std::string pointer;   // JSON pointer, "" for the whole document
  std::string message;
  std::string to_string() const;  // "file: /pointer: message"
};

struct LoadResult {
  std::optional<SpecSet> specs;  // set iff errors is empty
  std::vector<SpecError> errors;
  bool ok() const { return specs.has_value(); }
};

// Loads every *.json under `dir` (recursively); files under schema/ are the schema, not specs.
LoadResult load_spec_dir(const std::string& dir);
// Loads from in-memory files (the same layout), e.g. builtin_spec_files().
LoadResult load_spec_files(const std::vector<EmbeddedFile>& files);
// The specs compiled into the binary. Loaded once; aborts with a message if they are broken (a
// build with broken built-in specs cannot pass its tests).
const SpecSet& builtin_specs();

}  // namespace conform::spec
