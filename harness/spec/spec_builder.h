// Building Service and Operation objects from spec documents, one file at a time.
//
// Promises: never throws. Reads every key the format defines (specs/README.md) and reports, at its
// pointer, values the model cannot represent (unknown situation, protocol, provenance, member path
// style, template key; wrong JSON types the schema let through). Cross-file facts (declared errors,
// fixtures, read-back operations, variables) are checked later by consistency.h. Error `wire` values
// are left empty when the file gives none; the loader fills them from the service.
#pragma once

#include <string>

#include "harness/spec/json_reader.h"
#include "harness/spec/model.h"

namespace conform::spec {

Service build_service(const JsonReader& reader, const Json& doc);
Operation build_operation(const JsonReader& reader, const Json& doc);

// Pieces shared by both kinds of file.
ErrorSpec build_error(const JsonReader& reader, const Json& entry, const std::string& pointer);
Rule build_rule(const JsonReader& reader, const Json& entry, const std::string& pointer, size_t index);
Fixture build_fixture(const JsonReader& reader, const std::string& name, const Json& entry, const std::string& pointer);
StateAssertion build_assertion(const JsonReader& reader, const Json& entry, const std::string& pointer);

}  // namespace conform::spec
