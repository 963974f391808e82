// Building spec-format JSON from model facts, shared by the botocore and Smithy importers.
//
// Promises: never throws. Members get keys in the order of specs/README.md; constraints are only
// written when the model states them; numeric ranges that are not integers and patterns without a
// std::regex translation are left out with a note naming the member.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "harness/importer/import_result.h"

namespace conform::importer {

struct ModelConstraints {
  std::string type = "string";  // spec type name
  std::optional<double> min, max;  // length (string/blob/list/map) or range (numbers), as the model says
  std::optional<std::string> pattern;  // as the model writes it
  std::vector<std::string> enum_values;
  bool sensitive = false;
};

// Writes type, length/range, pattern/patternText, enum, sensitive into `member`. `where` names the
// member in notes ("SendTaskFailure input.taskToken").
void apply_constraints(Json& member, const ModelConstraints& c, const std::string& where, std::vector<std::string>& notes);

struct ServiceFacts {
  std::string name, title, api_version, protocol, signing_name, endpoint_prefix, target_prefix;
  std::string error_namespace;  // empty when the model does not say
};
Json service_json(const ServiceFacts& facts);

// The fixed head of an operation file; input/output/errors are added by the importer.
Json operation_json(const std::string& service, const std::string& name, const std::string& documentation,
                    const std::string& method, const std::string& uri);

Json error_json(const std::string& name, int status, const std::string& description);

// Keeps only the requested operations (reporting names the model lacks) and adds the standard notes.
void finish_import(ImportResult& result, const ImportOptions& options, const std::vector<std::string>& model_operations);

}  // namespace conform::importer
