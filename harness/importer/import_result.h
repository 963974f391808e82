// The result of importing an AWS model (botocore service-2.json or Smithy JSON AST) into spec JSON.
//
// Promises: `service` is a service file and each operation a file of the spec format
// (specs/README.md) that the loader accepts together; facts the model cannot provide (lifecycle,
// fixtures, rules, measured messages, the error namespace of botocore models) are left out and named
// in `notes`. `errors` says why nothing could be imported.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace conform::importer {

using Json = nlohmann::ordered_json;

struct ImportOptions {
  std::vector<std::string> operations;  // import only these (empty: every operation of the service)
  std::string service_name;             // spec folder/service name; derived from the model when empty
};

struct ImportedOperation {
  std::string name;
  Json spec;  // the operation file
};

struct ImportResult {
  std::string service_name;
  Json service;                               // the service file
  std::vector<ImportedOperation> operations;  // in model order
  std::vector<std::string> notes;             // what the model could not provide, per fact
  std::vector<std::string> errors;
  bool ok() const { return errors.empty(); }
};

}  // namespace conform::importer
