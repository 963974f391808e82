// Test helper: assertions on answers of the served emulator: an error's identity and message, and a
// success body judged against the operation's output shape in the built-in specs (required members,
// types, lengths, enums, ranges, JSON-text members), plus small builders the HTTP tests share.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "emulator/core/shape_conformance.h"
#include "emulator/core/validator.h"
#include "harness/spec/loader.h"
#include "tests/emulator_sfn/direct.h"  // with(Fault)
#include "tests/emulator_sfn/http_client.h"

namespace conform::emulator::sfn_test {

inline void expect_error(const Reply& r, const std::string& name, const std::string& message = "") {
  EXPECT_EQ(r.status, 400) << r.raw;
  EXPECT_EQ(r.type(), name) << r.raw;
  if (!message.empty()) {
    EXPECT_EQ(r.message(), message) << r.raw;
  }
}

// Every way `body` breaks the output shape of stepfunctions.`op`; empty when it conforms.
inline std::vector<std::string> output_problems(const std::string& op, const spec::Json& body) {
  const spec::SpecSet& specs = spec::builtin_specs();
  const spec::Operation* operation = specs.find_operation("stepfunctions", op);
  if (!operation || !operation->output) return {"no output shape for " + op};
  TypeProblem type;
  auto conformed = conform_to_shape(*operation->output, body, "", type);
  if (!conformed) return {type.path + ": " + type.message};
  spec::Operation as_input;  // the validator judges an operation's input: lend it the output shape
  as_input.input = *operation->output;
  return validate_input(*specs.find_service("stepfunctions"), as_input, *conformed, FaultSet{});
}

// A 200 whose body satisfies the operation's output shape.
inline void expect_ok(const Reply& r, const std::string& op) {
  ASSERT_EQ(r.status, 200) << op << ": " << r.raw;
  auto problems = output_problems(op, r.body);
  EXPECT_TRUE(problems.empty()) << op << ": " << ::testing::PrintToString(problems) << " in " << r.raw;
}

inline const std::string kRole = "arn:aws:iam::123456789012:role/conform-t";
inline const std::string kArnPrefix = "arn:aws:states:us-east-1:123456789012:";

// A definition with one Task state on `activity_arn`.
inline std::string task_definition(const std::string& activity_arn) {
  return R"({"StartAt":"T","States":{"T":{"Type":"Task","Resource":")" + activity_arn + R"(","End":true}}})";
}

inline std::string create_machine(Served& s, const std::string& name, const std::string& definition,
                                  const std::string& type = "STANDARD") {
  Reply m = s.call("CreateStateMachine", {{"name", name}, {"definition", definition}, {"roleArn", kRole}, {"type", type}});
  return m.body.is_object() ? m.body.value("stateMachineArn", "") : "";
}

inline std::string start(Served& s, const std::string& machine_arn, const std::string& name,
                         const std::string& input = "{}") {
  Reply e = s.call("StartExecution", {{"stateMachineArn", machine_arn}, {"name", name}, {"input", input}});
  return e.body.is_object() ? e.body.value("executionArn", "") : "";
}

}  // namespace conform::emulator::sfn_test
