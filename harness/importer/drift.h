// Drift: where shipped specs and an AWS model disagree, operation by operation.
//
// Promises: never throws. Compares every operation of the spec service the model describes (matched
// by name, else awsJson targetPrefix, else endpointPrefix) with the model's operation of the same
// name: members added or removed (input and output, nested structures and list/map elements), type,
// required, length/range bounds (an absent length min counts as 0), patterns (the spec's patternText
// against the model's text, when both have one), enum values, sensitivity, errors the spec declares
// but the model does not and vice versa (an error the service lists as common is not drift) and
// their statuses, and the HTTP binding (protocol, method, uri, member locations). Operations the
// spec has and the model lacks are drift; model operations the specs do not cover are counted only.
#pragma once

#include <string>
#include <vector>

#include "harness/importer/import_result.h"
#include "harness/spec/model.h"

namespace conform::importer {

struct DriftItem {
  std::string operation;  // "stepfunctions.SendTaskFailure"
  std::string kind;       // operation | member | type | required | limit | pattern | enum | sensitive | error | binding
  std::string path;       // "input.taskToken", "output.events[].id", "" for the operation as a whole
  std::string message;    // what differs, spec value first
  std::string to_string() const;  // "operation: path: message"
};

struct DriftReport {
  std::string service;
  std::vector<DriftItem> items;
  size_t compared = 0;          // operations compared
  size_t model_only = 0;        // model operations the specs do not cover
  std::vector<std::string> errors;  // the comparison could not be made
};

DriftReport compute_drift(const spec::SpecSet& specs, const ImportResult& model);

}  // namespace conform::importer
