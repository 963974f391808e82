// Helpers the checks share: binding lifecycle members from a fixture, finding the rule for a situation,
// reading a resource back, and the canned "not applicable" reasons.
//
// Promises: never throws; pure functions of the specs except read_back (one logged call).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "harness/oracle/case_builder.h"
#include "harness/oracle/expectation.h"

namespace conform::oracle {

// input + lifecycle.bind expanded with the fixture's variables.
Json bind_input(const spec::Operation& op, Json input, const fixture::Variables& vars);
// The first rule of `op` for the situation (for `member` when given; rules without a member match any).
const spec::Rule* rule_for(const spec::Operation& op, spec::Situation s, const std::string& member = "");
// The `valid` rule's expectation, or 2xx with model provenance when the spec has none.
Expected valid_expectation(const spec::Operation& op, std::string* rule_id);
// Operations sharing the op's lifecycle fixture (including the op itself), in spec order.
std::vector<const spec::Operation*> siblings(const Scope& scope);
std::vector<const spec::Operation*> closers(const Scope& scope);  // siblings with lifecycle.closes
// Reads the resource back per op.lifecycle.readBack; nullopt when the op has none, or when the target
// does not implement the read-back operation (the case is then marked not run, with the reason).
struct ReadBackResult {
  protocol::DecodedResponse response;
  int index = -1;
};
std::optional<ReadBackResult> read_back(CaseBuilder& b, const spec::Operation& op, const fixture::Variables& vars);
// Variables for message templates: the fixture's (or builtins) plus probe facts.
fixture::Variables with_probe(fixture::Variables vars, const Json& value);
// The member path as the service prints it (lowerCamel for Lambda).
std::string printed_path(const spec::Service& service, const std::string& path);
// Valid-input case generator for an op used by several checks: {"input": ...}.
std::optional<std::string> needs_lifecycle(const Scope& scope);

}  // namespace conform::oracle
