// The stepfunctions backend in-process: the activityTask walk, closed and malformed tokens, read-back,
// StopExecution and timeouts (ManualClock).
#include <gtest/gtest.h>

#include "emulator/core/ids.h"
#include "tests/emulator_sfn/direct.h"

using namespace conform::emulator;
using sfn_test::Direct;

namespace {
const char* kTimedOut = "Task Timed Out: 'Provided task does not exist anymore'";

void expect_error(const Outcome& o, const std::string& name, const std::string& message = "") {
  EXPECT_TRUE(o.is_error) << o.output.dump();
  EXPECT_EQ(o.error_name, name);
  if (!message.empty()) {
    EXPECT_EQ(o.error_message, message);
  }
}
}  // namespace

TEST(SfnLifecycle, WalkGivesALiveTokenAndRunningExecution) {
  Direct d;
  auto l = d.live_task("walk");
  ASSERT_FALSE(l.token.empty());
  EXPECT_TRUE(Ids::is_well_formed_token(l.token, "sfn"));
  Json desc = d.describe(l.execution_arn);
  EXPECT_EQ(desc["status"], "RUNNING");
  EXPECT_EQ(desc["input"], R"({"k":1})");
  EXPECT_EQ(desc["stateMachineArn"], l.machine_arn);
  EXPECT_FALSE(desc.contains("stopDate"));
  EXPECT_FALSE(desc.contains("error"));
  // The one task was handed out: the queue is empty now.
  Outcome again = d.call("GetActivityTask", {{"activityArn", l.activity_arn}});
  EXPECT_FALSE(again.is_error);
  EXPECT_FALSE(again.output.contains("taskToken"));
}

TEST(SfnLifecycle, TaskInputIsTheExecutionInput) {
  Direct d;
  std::string act = d.call("CreateActivity", {{"name", "a"}}).output["activityArn"];
  std::string sm = d.call("CreateStateMachine", {{"name", "m"}, {"roleArn", "arn:aws:iam::123456789012:role/r"},
                                                 {"definition", R"({"StartAt":"T","States":{"T":{"Type":"Task","Resource":")" + act + R"(","End":true}}})"}})
                       .output["stateMachineArn"];
  d.call("StartExecution", {{"stateMachineArn", sm}, {"input", R"({"n": 5})"}});
  Outcome t = d.call("GetActivityTask", {{"activityArn", act}});
  EXPECT_EQ(t.output["input"], R"({"n": 5})");
}

TEST(SfnLifecycle, FailureClosesTheTokenAndEchoesErrorAndCause) {
  Direct d;
  auto l = d.live_task("fail");
  Outcome first = d.call("SendTaskFailure", {{"taskToken", l.token}, {"error", "E1"}, {"cause", "C1"}});
  ASSERT_FALSE(first.is_error) << first.error_message;
  EXPECT_TRUE(first.output.empty());
  Json desc = d.describe(l.execution_arn);
  EXPECT_EQ(desc["status"], "FAILED");
  EXPECT_EQ(desc["error"], "E1");
  EXPECT_EQ(desc["cause"], "C1");
  EXPECT_TRUE(desc.contains("stopDate"));
  // Every later use of the token: TaskTimedOut, with any payload and by any sibling.
  expect_error(d.call("SendTaskFailure", {{"taskToken", l.token}, {"error", "E1"}, {"cause", "C1"}}), "TaskTimedOut", kTimedOut);
  expect_error(d.call("SendTaskFailure", {{"taskToken", l.token}, {"error", "other"}}), "TaskTimedOut", kTimedOut);
  expect_error(d.call("SendTaskFailure", {{"taskToken", l.token}}), "TaskTimedOut", kTimedOut);
  expect_error(d.call("SendTaskSuccess", {{"taskToken", l.token}, {"output", "{}"}}), "TaskTimedOut", kTimedOut);
  expect_error(d.call("SendTaskHeartbeat", {{"taskToken", l.token}}), "TaskTimedOut", kTimedOut);
  // Nothing changed.
  Json after = d.describe(l.execution_arn);
  EXPECT_EQ(after, desc);
}

TEST(SfnLifecycle, FailureWithoutErrorOrCauseLeavesKeysAbsent) {
  Direct d;
  auto l = d.live_task("bare");
  ASSERT_FALSE(d.call("SendTaskFailure", {{"taskToken", l.token}}).is_error);
  Json desc = d.describe(l.execution_arn);
  EXPECT_EQ(desc["status"], "FAILED");
  EXPECT_FALSE(desc.contains("error"));
  EXPECT_FALSE(desc.contains("cause"));
}

TEST(SfnLifecycle, SuccessEndsWithTheOutputOrContinues) {
  Direct d;
  auto l = d.live_task("ok");
  ASSERT_FALSE(d.call("SendTaskSuccess", {{"taskToken", l.token}, {"output", R"({ "r" : 2.50 })"}}).is_error);
  Json desc = d.describe(l.execution_arn);
  EXPECT_EQ(desc["status"], "SUCCEEDED");
  EXPECT_EQ(desc["output"], R"({ "r" : 2.50 })");  // echoed as sent
  EXPECT_EQ(desc["outputDetails"], Json({{"included", true}}));

  std::string act = d.call("CreateActivity", {{"name", "two"}}).output["activityArn"];
  std::string def = R"({"StartAt":"A","States":{"A":{"Type":"Task","Resource":")" + act +
                    R"(","Next":"B"},"B":{"Type":"Task","Resource":")" + act + R"(","End":true}}})";
  std::string sm = d.call("CreateStateMachine", {{"name", "two"}, {"definition", def}, {"roleArn", "arn:aws:iam::123456789012:role/r"}})
                       .output["stateMachineArn"];
  std::string ex = d.call("StartExecution", {{"stateMachineArn", sm}}).output["executionArn"];
  std::string t1 = d.call("GetActivityTask", {{"activityArn", act}}).output["taskToken"];
  ASSERT_FALSE(d.call("SendTaskSuccess", {{"taskToken", t1}, {"output", R"("mid")"}}).is_error);
  Outcome second = d.call("GetActivityTask", {{"activityArn", act}});
  ASSERT_TRUE(second.output.contains("taskToken"));
  EXPECT_NE(second.output["taskToken"], t1);
  EXPECT_EQ(second.output["input"], R"("mid")");
  EXPECT_EQ(d.describe(ex)["status"], "RUNNING");
}

TEST(SfnLifecycle, InvalidOutputIsRejectedWithoutClosing) {
  Direct d;
  auto l = d.live_task("badout");
  expect_error(d.call("SendTaskSuccess", {{"taskToken", l.token}, {"output", "{not json"}}), "InvalidOutput");
  EXPECT_FALSE(d.call("SendTaskSuccess", {{"taskToken", l.token}, {"output", "1"}}).is_error);
}

TEST(SfnLifecycle, MalformedAndNeverIssuedTokens) {
  Direct d;
  d.live_task("tok");
  expect_error(d.call("SendTaskFailure", {{"taskToken", "FakeTaskToken"}}), "InvalidToken", "Invalid Token: 'Invalid token'");
  expect_error(d.call("SendTaskHeartbeat", {{"taskToken", "x"}}), "InvalidToken", "Invalid Token: 'Invalid token'");
  Ids other(99);
  expect_error(d.call("SendTaskSuccess", {{"taskToken", other.task_token("sfn")}, {"output", "{}"}}), "TaskDoesNotExist");
}

TEST(SfnLifecycle, HeartbeatOnLiveTokenSucceedsAndKeepsItOpen) {
  Direct d;
  auto l = d.live_task("hb");
  EXPECT_FALSE(d.call("SendTaskHeartbeat", {{"taskToken", l.token}}).is_error);
  EXPECT_FALSE(d.call("SendTaskHeartbeat", {{"taskToken", l.token}}).is_error);
  EXPECT_EQ(d.describe(l.execution_arn)["status"], "RUNNING");
  EXPECT_FALSE(d.call("SendTaskFailure", {{"taskToken", l.token}}).is_error);
}

TEST(SfnStop, LiveExecutionIsAbortedAndItsTokenClosed) {
  Direct d;
  auto l = d.live_task("stop");
  d.clock().advance(3);
  Outcome s = d.call("StopExecution", {{"executionArn", l.execution_arn}, {"error", "Manual"}, {"cause", "probe"}});
  ASSERT_FALSE(s.is_error);
  EXPECT_DOUBLE_EQ(s.output["stopDate"].get<double>(), d.clock().now());
  Json desc = d.describe(l.execution_arn);
  EXPECT_EQ(desc["status"], "ABORTED");
  EXPECT_EQ(desc["error"], "Manual");
  EXPECT_EQ(desc["cause"], "probe");
  EXPECT_EQ(desc["stopDate"], s.output["stopDate"]);
  expect_error(d.call("SendTaskFailure", {{"taskToken", l.token}}), "TaskTimedOut", kTimedOut);
}

TEST(SfnStop, WithoutErrorOrCauseKeysAreAbsent) {
  Direct d;
  auto l = d.live_task("stop-bare");
  ASSERT_FALSE(d.call("StopExecution", {{"executionArn", l.execution_arn}}).is_error);
  Json desc = d.describe(l.execution_arn);
  EXPECT_EQ(desc["status"], "ABORTED");
  EXPECT_FALSE(desc.contains("error"));
  EXPECT_FALSE(desc.contains("cause"));
}

TEST(SfnStop, ClosedExecutionAnswersTheOriginalStopDate) {
  Direct d;
  auto l = d.live_task("stop-twice");
  Outcome first = d.call("StopExecution", {{"executionArn", l.execution_arn}, {"error", "A"}});
  d.clock().advance(10);
  Outcome second = d.call("StopExecution", {{"executionArn", l.execution_arn}, {"error", "B"}, {"cause", "C"}});
  ASSERT_FALSE(second.is_error);
  EXPECT_EQ(second.output, first.output);
  Json desc = d.describe(l.execution_arn);
  EXPECT_EQ(desc["error"], "A");
  EXPECT_FALSE(desc.contains("cause"));

  auto f = d.live_task("stop-failed");
  d.call("SendTaskFailure", {{"taskToken", f.token}, {"error", "X"}});
  Json failed = d.describe(f.execution_arn);
  d.clock().advance(5);
  Outcome s = d.call("StopExecution", {{"executionArn", f.execution_arn}});
  ASSERT_FALSE(s.is_error);
  EXPECT_EQ(s.output["stopDate"], failed["stopDate"]);
  EXPECT_EQ(d.describe(f.execution_arn), failed);
}

TEST(SfnStop, UnknownMalformedAndExpressArns) {
  Direct d;
  std::string unknown = "arn:aws:states:us-east-1:123456789012:execution:m:nope";
  expect_error(d.call("StopExecution", {{"executionArn", unknown}}), "ExecutionDoesNotExist",
               "Execution Does Not Exist: '" + unknown + "'");
  expect_error(d.call("StopExecution", {{"executionArn", "not-an-arn"}}), "InvalidArn",
               "Invalid Arn: 'Invalid ARN prefix: not-an-arn'");
  expect_error(d.call("StopExecution", {{"executionArn", "arn:aws:states:us-east-1:123456789012:express:m:e:x"}}),
               "InvalidArn", "Invalid Arn: 'Resource type not valid in this context: express'");
  expect_error(d.call("DescribeExecution", {{"executionArn", unknown}}), "ExecutionDoesNotExist",
               "Execution Does Not Exist: '" + unknown + "'");
}

TEST(SfnStop, ExpressExecutionArnsAreNotDescribable) {
  Direct d;
  std::string sm = d.call("CreateStateMachine", {{"name", "x"}, {"type", "EXPRESS"}, {"roleArn", "arn:aws:iam::123456789012:role/r"},
                                                 {"definition", R"({"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}})"}})
                       .output["stateMachineArn"];
  Outcome started = d.call("StartExecution", {{"stateMachineArn", sm}});
  ASSERT_FALSE(started.is_error);
  std::string arn = started.output["executionArn"];
  EXPECT_EQ(arn.rfind("arn:aws:states:us-east-1:123456789012:express:x:", 0), 0u) << arn;
  expect_error(d.call("DescribeExecution", {{"executionArn", arn}}), "InvalidArn",
               "Invalid Arn: 'Resource type not valid in this context: express'");
  expect_error(d.call("StopExecution", {{"executionArn", arn}}), "InvalidArn",
               "Invalid Arn: 'Resource type not valid in this context: express'");
}

TEST(SfnTimeout, TaskTimeoutFailsTheExecutionAndClosesTheToken) {
  Direct d;
  auto l = d.live_task("to", R"(,"TimeoutSeconds":5)");
  d.clock().advance(4);
  EXPECT_EQ(d.describe(l.execution_arn)["status"], "RUNNING");
  double start = d.describe(l.execution_arn)["startDate"];
  d.clock().advance(2);
  Json desc = d.describe(l.execution_arn);
  EXPECT_EQ(desc["status"], "FAILED");
  EXPECT_EQ(desc["error"], "States.Timeout");
  EXPECT_DOUBLE_EQ(desc["stopDate"].get<double>(), start + 5);
  expect_error(d.call("SendTaskSuccess", {{"taskToken", l.token}, {"output", "{}"}}), "TaskTimedOut", kTimedOut);
}

TEST(SfnTimeout, TimeoutFiresWithoutAnyReadFirst) {
  Direct d;
  auto l = d.live_task("to2", R"(,"TimeoutSeconds":1)");
  d.clock().advance(1.5);
  expect_error(d.call("SendTaskFailure", {{"taskToken", l.token}}), "TaskTimedOut", kTimedOut);
}

TEST(SfnTimeout, HeartbeatsKeepATaskAliveUntilTheyStop) {
  Direct d;
  auto l = d.live_task("hb2", R"(,"TimeoutSeconds":100,"HeartbeatSeconds":3)");
  for (int i = 0; i < 5; ++i) {
    d.clock().advance(2);
    ASSERT_FALSE(d.call("SendTaskHeartbeat", {{"taskToken", l.token}}).is_error) << i;
  }
  EXPECT_EQ(d.describe(l.execution_arn)["status"], "RUNNING");
  d.clock().advance(3.5);
  Json desc = d.describe(l.execution_arn);
  EXPECT_EQ(desc["status"], "FAILED");
  EXPECT_EQ(desc["error"], "States.Timeout");
  expect_error(d.call("SendTaskHeartbeat", {{"taskToken", l.token}}), "TaskTimedOut", kTimedOut);
}

TEST(SfnTimeout, QueuedTaskThatTimedOutIsNotHandedOut) {
  Direct d;
  std::string act = d.call("CreateActivity", {{"name", "q"}}).output["activityArn"];
  std::string sm = d.call("CreateStateMachine", {{"name", "q"}, {"roleArn", "arn:aws:iam::123456789012:role/r"},
                                                 {"definition", R"({"StartAt":"T","States":{"T":{"Type":"Task","Resource":")" + act +
                                                                    R"(","TimeoutSeconds":2,"End":true}}})"}})
                       .output["stateMachineArn"];
  d.call("StartExecution", {{"stateMachineArn", sm}});
  d.clock().advance(3);
  EXPECT_FALSE(d.call("GetActivityTask", {{"activityArn", act}}).output.contains("taskToken"));
}

TEST(SfnTimeout, ExecutionTimeoutSecondsEndsAsTimedOut) {
  Direct d;
  std::string act = d.call("CreateActivity", {{"name", "et"}}).output["activityArn"];
  std::string sm = d.call("CreateStateMachine", {{"name", "et"}, {"roleArn", "arn:aws:iam::123456789012:role/r"},
                                                 {"definition", R"({"TimeoutSeconds":10,"StartAt":"T","States":{"T":{"Type":"Task","Resource":")" + act +
                                                                    R"(","End":true}}})"}})
                       .output["stateMachineArn"];
  std::string ex = d.call("StartExecution", {{"stateMachineArn", sm}}).output["executionArn"];
  std::string token = d.call("GetActivityTask", {{"activityArn", act}}).output["taskToken"];
  d.clock().advance(11);
  EXPECT_EQ(d.describe(ex)["status"], "TIMED_OUT");
  expect_error(d.call("SendTaskFailure", {{"taskToken", token}}), "TaskTimedOut", kTimedOut);
}
