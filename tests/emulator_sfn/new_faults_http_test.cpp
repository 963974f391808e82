// The planted faults sfn-list-ignores-max-results and sfn-describe-unknown-500 over real HTTP: each
// produces its deviation, and the neighbouring behaviours stay as without the fault.
#include <gtest/gtest.h>

#include "tests/emulator_sfn/expect.h"

using namespace conform::emulator;
using namespace conform::emulator::sfn_test;
using Json = conform::spec::Json;

namespace {

// Five of each listable resource: activities, state machines, executions of the first machine.
std::string populate(Served& s) {
  std::string act;
  for (int i = 0; i < 5; ++i) act = s.call("CreateActivity", {{"name", "act-" + std::to_string(i)}}).body["activityArn"];
  std::string first;
  for (int i = 0; i < 5; ++i) {
    std::string m = create_machine(s, "sm-" + std::to_string(i), task_definition(act));
    if (i == 0) first = m;
  }
  for (int i = 0; i < 5; ++i) start(s, first, "ex-" + std::to_string(i));
  return first;
}

struct Case {
  const char* op;
  const char* items;
};
const Case kLists[] = {{"ListActivities", "activities"}, {"ListStateMachines", "stateMachines"}, {"ListExecutions", "executions"}};

}  // namespace

TEST(SfnPlantedFaults, ListIgnoresMaxResultsAnswersEveryItemInOnePage) {
  Served faulty(with(Fault::SfnListIgnoresMaxResults));
  Served sound;
  ASSERT_TRUE(faulty.ok() && sound.ok());
  std::string faulty_machine = populate(faulty);
  std::string sound_machine = populate(sound);
  for (const Case& c : kLists) {
    Json in = {{"maxResults", 2}};
    if (std::string(c.op) == "ListExecutions") in["stateMachineArn"] = faulty_machine;
    Reply bad = faulty.call(c.op, in);
    ASSERT_EQ(bad.status, 200) << bad.raw;
    EXPECT_EQ(bad.body[c.items].size(), 5u) << c.op;
    EXPECT_FALSE(bad.body.contains("nextToken")) << c.op;

    if (std::string(c.op) == "ListExecutions") in["stateMachineArn"] = sound_machine;
    Reply good = sound.call(c.op, in);
    EXPECT_EQ(good.body[c.items].size(), 2u) << c.op;
    EXPECT_TRUE(good.body.contains("nextToken")) << c.op;
  }
  // Only the list operations: history pages still honour maxResults.
  Reply runs = faulty.call("ListExecutions", {{"stateMachineArn", faulty_machine}});
  std::string exec = runs.body["executions"][0]["executionArn"];
  Reply h = faulty.call("GetExecutionHistory", {{"executionArn", exec}, {"maxResults", 1}});
  EXPECT_EQ(h.body["events"].size(), 1u);
  EXPECT_TRUE(h.body.contains("nextToken"));
}

TEST(SfnPlantedFaults, DescribeUnknown500AnswersServerErrorsForUnknownArnsOnly) {
  Served faulty(with(Fault::SfnDescribeUnknown500));
  ASSERT_TRUE(faulty.ok());
  const std::string act = kArnPrefix + "activity:never";
  const std::string machine = kArnPrefix + "stateMachine:never";
  for (auto [op, member, arn] : {std::tuple{"DescribeActivity", "activityArn", act},
                                 std::tuple{"DescribeStateMachine", "stateMachineArn", machine}}) {
    Reply r = faulty.call(op, {{member, arn}});
    EXPECT_EQ(r.status, 500) << op << " " << r.raw;
    EXPECT_EQ(r.type(), "InternalFailure") << r.raw;
    expect_error(faulty.call(op, {{member, "not-an-arn"}}), "InvalidArn");  // malformed: unchanged
  }
  std::string real_act = faulty.call("CreateActivity", {{"name", "real"}}).body["activityArn"];
  expect_ok(faulty.call("DescribeActivity", {{"activityArn", real_act}}), "DescribeActivity");
  std::string real_machine = create_machine(faulty, "real", task_definition(real_act));
  expect_ok(faulty.call("DescribeStateMachine", {{"stateMachineArn", real_machine}}), "DescribeStateMachine");
  // Other not-found answers are untouched.
  expect_error(faulty.call("DescribeExecution", {{"executionArn", kArnPrefix + "execution:m:e"}}), "ExecutionDoesNotExist");
  expect_error(faulty.call("ListExecutions", {{"stateMachineArn", machine}}), "StateMachineDoesNotExist");
  expect_error(faulty.call("GetActivityTask", {{"activityArn", act}}), "ActivityDoesNotExist");

  Served sound;
  ASSERT_TRUE(sound.ok());
  expect_error(sound.call("DescribeActivity", {{"activityArn", act}}), "ActivityDoesNotExist");
  expect_error(sound.call("DescribeStateMachine", {{"stateMachineArn", machine}}), "StateMachineDoesNotExist");
}
