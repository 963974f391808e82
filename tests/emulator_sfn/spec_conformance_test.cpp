// Every error the backend answers is declared by the operation's spec (or the service's common errors),
// and its message fits the spec's message template when the spec gives one.
#include <gtest/gtest.h>

#include "emulator/core/ids.h"
#include "harness/spec/loader.h"
#include "tests/emulator_sfn/direct.h"

using namespace conform;
using namespace conform::emulator;
using sfn_test::Direct;

namespace {

// Matches `text` against a template whose only variable is ${*} (any text).
bool fits(const std::string& tmpl, const std::string& text) {
  std::vector<std::string> parts;
  size_t start = 0, p;
  while ((p = tmpl.find("${*}", start)) != std::string::npos) {
    parts.push_back(tmpl.substr(start, p - start));
    start = p + 4;
  }
  parts.push_back(tmpl.substr(start));
  if (parts.size() == 1) return tmpl == text;
  if (text.rfind(parts.front(), 0) != 0) return false;
  size_t pos = parts.front().size();
  for (size_t i = 1; i + 1 < parts.size(); ++i) {
    pos = text.find(parts[i], pos);
    if (pos == std::string::npos) return false;
    pos += parts[i].size();
  }
  const std::string& last = parts.back();
  return text.size() >= pos + last.size() && text.compare(text.size() - last.size(), last.size(), last) == 0;
}

void check(const std::string& op_name, const Outcome& o) {
  ASSERT_TRUE(o.is_error) << op_name;
  const spec::SpecSet& specs = spec::builtin_specs();
  const spec::Operation* op = specs.find_operation("stepfunctions", op_name);
  ASSERT_NE(op, nullptr) << op_name;
  const spec::ErrorSpec* e = specs.find_error(*op, o.error_name);
  ASSERT_NE(e, nullptr) << op_name << " does not declare " << o.error_name;
  if (e->message) {
    EXPECT_TRUE(fits(*e->message, o.error_message))
        << op_name << ": '" << o.error_message << "' vs '" << *e->message << "'";
  }
}

}  // namespace

TEST(SfnSpecConformance, EveryErrorIsDeclaredWithItsMessage) {
  Direct d;
  auto l = d.live_task("spec");
  const std::string role = "arn:aws:iam::123456789012:role/r";
  const std::string bad_exec = "arn:aws:states:us-east-1:123456789012:execution:m:none";
  const std::string never = Ids(42).task_token("sfn");
  d.call("SendTaskFailure", {{"taskToken", l.token}});
  for (const char* op : {"SendTaskFailure", "SendTaskHeartbeat"}) {
    check(op, d.call(op, {{"taskToken", l.token}}));
    check(op, d.call(op, {{"taskToken", "FakeTaskToken"}}));
    check(op, d.call(op, {{"taskToken", never}}));
  }
  check("SendTaskSuccess", d.call("SendTaskSuccess", {{"taskToken", l.token}, {"output", "{}"}}));
  check("SendTaskSuccess", d.call("SendTaskSuccess", {{"taskToken", "FakeTaskToken"}, {"output", "{}"}}));
  check("SendTaskSuccess", d.call("SendTaskSuccess", {{"taskToken", never}, {"output", "{}"}}));
  check("SendTaskSuccess", d.call("SendTaskSuccess", {{"taskToken", l.token}, {"output", "{"}}));
  for (const char* op : {"StopExecution", "DescribeExecution"}) {
    check(op, d.call(op, {{"executionArn", bad_exec}}));
    check(op, d.call(op, {{"executionArn", "not-an-arn"}}));
  }
  check("GetActivityTask", d.call("GetActivityTask", {{"activityArn", "arn:aws:states:us-east-1:123456789012:activity:none"}}));
  check("GetActivityTask", d.call("GetActivityTask", {{"activityArn", "x"}}));
  check("DeleteActivity", d.call("DeleteActivity", {{"activityArn", "x"}}));
  check("DeleteStateMachine", d.call("DeleteStateMachine", {{"stateMachineArn", "x"}}));
  check("CreateActivity", d.call("CreateActivity", {{"name", "a b"}}));
  check("CreateStateMachine", d.call("CreateStateMachine", {{"name", "a b"}, {"definition", "{}"}, {"roleArn", role}}));
  check("CreateStateMachine", d.call("CreateStateMachine", {{"name", "m"}, {"definition", "{}"}, {"roleArn", "role"}}));
  check("CreateStateMachine", d.call("CreateStateMachine", {{"name", "m"}, {"definition", "{}"}, {"roleArn", role}}));
  check("CreateStateMachine", d.call("CreateStateMachine", {{"name", "sm-spec"}, {"definition", R"({"StartAt":"A","States":{"A":{"Type":"Succeed"}}})"}, {"roleArn", role}}));
  check("StartExecution", d.call("StartExecution", {{"stateMachineArn", "x"}}));
  check("StartExecution", d.call("StartExecution", {{"stateMachineArn", l.machine_arn}, {"name", "a b"}}));
  check("StartExecution", d.call("StartExecution", {{"stateMachineArn", l.machine_arn}, {"input", "{"}}));
  check("StartExecution", d.call("StartExecution", {{"stateMachineArn", l.machine_arn + "x"}}));
  std::string name = l.execution_arn.substr(l.execution_arn.rfind(':') + 1);
  check("StartExecution", d.call("StartExecution", {{"stateMachineArn", l.machine_arn}, {"name", name}}));
}

TEST(SfnSpecConformance, ReadListTagAndUpdateErrorsAreDeclaredWithTheirMessages) {
  Direct d;
  auto l = d.live_task("rl");
  const std::string prefix = "arn:aws:states:us-east-1:123456789012:";
  const std::string no_machine = prefix + "stateMachine:none";
  const std::string no_exec = prefix + "execution:m:none";
  check("DescribeActivity", d.call("DescribeActivity", {{"activityArn", prefix + "activity:none"}}));
  check("DescribeActivity", d.call("DescribeActivity", {{"activityArn", "x"}}));
  check("DescribeStateMachine", d.call("DescribeStateMachine", {{"stateMachineArn", no_machine}}));
  check("DescribeStateMachine", d.call("DescribeStateMachine", {{"stateMachineArn", "x"}}));
  for (const char* op : {"DescribeStateMachineForExecution", "GetExecutionHistory"}) {
    check(op, d.call(op, {{"executionArn", no_exec}}));
    check(op, d.call(op, {{"executionArn", "x"}}));
  }
  check("GetExecutionHistory", d.call("GetExecutionHistory", {{"executionArn", l.execution_arn}, {"nextToken", "bad"}}));
  for (const char* op : {"ListActivities", "ListStateMachines"}) check(op, d.call(op, {{"nextToken", "bad"}}));
  check("ListExecutions", d.call("ListExecutions", {{"stateMachineArn", no_machine}}));
  check("ListExecutions", d.call("ListExecutions", {{"stateMachineArn", "x"}}));
  check("ListExecutions", d.call("ListExecutions", {{"stateMachineArn", l.machine_arn}, {"nextToken", "bad"}}));
  check("ListExecutions", d.call("ListExecutions", {{"mapRunArn", prefix + "mapRun:m/l:1"}}));
  check("ListExecutions", d.call("ListExecutions", Json::object()));
  std::string express = d.call("CreateStateMachine", {{"name", "fast"},
                                                      {"definition", R"({"StartAt":"S","States":{"S":{"Type":"Succeed"}}})"},
                                                      {"roleArn", "arn:aws:iam::123456789012:role/r"},
                                                      {"type", "EXPRESS"}})
                            .output["stateMachineArn"];
  check("ListExecutions", d.call("ListExecutions", {{"stateMachineArn", express}}));
  check("UpdateStateMachine", d.call("UpdateStateMachine", {{"stateMachineArn", l.machine_arn}}));
  check("UpdateStateMachine", d.call("UpdateStateMachine", {{"stateMachineArn", no_machine}, {"roleArn", "arn:x"}}));
  check("UpdateStateMachine", d.call("UpdateStateMachine", {{"stateMachineArn", l.machine_arn}, {"definition", "{}"}}));
  check("UpdateStateMachine", d.call("UpdateStateMachine", {{"stateMachineArn", l.machine_arn}, {"roleArn", "r"}}));
  check("UpdateStateMachine",
        d.call("UpdateStateMachine", {{"stateMachineArn", l.machine_arn}, {"roleArn", "arn:x"}, {"versionDescription", "v"}}));
  for (const char* op : {"TagResource", "UntagResource", "ListTagsForResource"}) {
    check(op, d.call(op, {{"resourceArn", no_machine}}));
    check(op, d.call(op, {{"resourceArn", "x"}}));
  }
  Json many = Json::array();
  for (int i = 0; i < 51; ++i) many.push_back({{"key", "k" + std::to_string(i)}, {"value", "v"}});
  check("TagResource", d.call("TagResource", {{"resourceArn", l.activity_arn}, {"tags", many}}));
  check("CreateActivity", d.call("CreateActivity", {{"name", "crowded"}, {"tags", many}}));
  check("CreateStateMachine", d.call("CreateStateMachine", {{"name", "crowded"},
                                                            {"definition", R"({"StartAt":"S","States":{"S":{"Type":"Succeed"}}})"},
                                                            {"roleArn", "arn:aws:iam::123456789012:role/r"},
                                                            {"tags", many}}));
}
