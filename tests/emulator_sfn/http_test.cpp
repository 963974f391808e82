// The stepfunctions backend over real HTTP (EmulatorServer on 127.0.0.1, ephemeral port): the
// activityTask recipe, closed/malformed tokens, read-back, StopExecution, timeouts, concurrency, faults.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "tests/emulator_sfn/expect.h"

using namespace conform::emulator;
using sfn_test::expect_error;
using sfn_test::Reply;
using sfn_test::Served;
using sfn_test::sfn_call;
using sfn_test::with;

namespace {

const char* kTimedOut = "Task Timed Out: 'Provided task does not exist anymore'";
const char* kNs = "com.amazonaws.swf.service.v2.model#";

}  // namespace

TEST(SfnHttp, RecipeGivesLiveTokenAndCloseIsFinal) {
  Served s;
  ASSERT_TRUE(s.ok());
  auto l = s.walk("1");
  ASSERT_FALSE(l.token.empty());
  Reply live = s.call("DescribeExecution", {{"executionArn", l.execution_arn}});
  EXPECT_EQ(live.status, 200);
  EXPECT_EQ(live.body["status"], "RUNNING");
  EXPECT_FALSE(live.body.contains("stopDate"));

  Reply first = s.call("SendTaskFailure", {{"taskToken", l.token}, {"error", "Boom"}, {"cause", "probe"}});
  EXPECT_EQ(first.status, 200) << first.raw;
  Reply again = s.call("SendTaskFailure", {{"taskToken", l.token}, {"error", "Boom"}, {"cause", "probe"}});
  expect_error(again, "TaskTimedOut", kTimedOut);
  EXPECT_EQ(again.body["__type"], std::string(kNs) + "TaskTimedOut");
  expect_error(s.call("SendTaskFailure", {{"taskToken", l.token}, {"error", "Other"}}), "TaskTimedOut", kTimedOut);
  expect_error(s.call("SendTaskSuccess", {{"taskToken", l.token}, {"output", "{}"}}), "TaskTimedOut", kTimedOut);
  expect_error(s.call("SendTaskHeartbeat", {{"taskToken", l.token}}), "TaskTimedOut", kTimedOut);

  Reply d = s.call("DescribeExecution", {{"executionArn", l.execution_arn}});
  EXPECT_EQ(d.body["status"], "FAILED");
  EXPECT_EQ(d.body["error"], "Boom");
  EXPECT_EQ(d.body["cause"], "probe");
  EXPECT_TRUE(d.body["stopDate"].is_number());
  EXPECT_EQ(d.body["executionArn"], l.execution_arn);
  EXPECT_EQ(d.body["stateMachineArn"], l.machine_arn);
  EXPECT_EQ(d.body["name"], "conform-t-ex-1");
}

TEST(SfnHttp, FailureWithoutErrorOrCauseLeavesKeysAbsent) {
  Served s;
  ASSERT_TRUE(s.ok());
  auto l = s.walk("2");
  EXPECT_EQ(s.call("SendTaskFailure", {{"taskToken", l.token}}).status, 200);
  Reply d = s.call("DescribeExecution", {{"executionArn", l.execution_arn}});
  EXPECT_EQ(d.body["status"], "FAILED");
  EXPECT_FALSE(d.body.contains("error"));
  EXPECT_FALSE(d.body.contains("cause"));
}

TEST(SfnHttp, SuccessEchoesOutput) {
  Served s;
  ASSERT_TRUE(s.ok());
  auto l = s.walk("3");
  EXPECT_EQ(s.call("SendTaskSuccess", {{"taskToken", l.token}, {"output", R"({"done":true})"}}).status, 200);
  Reply d = s.call("DescribeExecution", {{"executionArn", l.execution_arn}});
  EXPECT_EQ(d.body["status"], "SUCCEEDED");
  EXPECT_EQ(d.body["output"], R"({"done":true})");
}

TEST(SfnHttp, MalformedTokenIsInvalidToken) {
  Served s;
  ASSERT_TRUE(s.ok());
  expect_error(s.call("SendTaskFailure", {{"taskToken", "FakeTaskToken"}}), "InvalidToken", "Invalid Token: 'Invalid token'");
  expect_error(s.call("SendTaskSuccess", {{"taskToken", "FakeTaskToken"}, {"output", "{}"}}), "InvalidToken");
  expect_error(s.call("SendTaskHeartbeat", {{"taskToken", "FakeTaskToken"}}), "InvalidToken");
}

TEST(SfnHttp, StopExecutionLiveClosedUnknownMalformedExpress) {
  Served s;
  ASSERT_TRUE(s.ok());
  auto l = s.walk("4");
  s.clock().advance(2);
  Reply stop = s.call("StopExecution", {{"executionArn", l.execution_arn}, {"error", "Manual"}, {"cause", "probe"}});
  ASSERT_EQ(stop.status, 200) << stop.raw;
  ASSERT_TRUE(stop.body["stopDate"].is_number());
  Reply d = s.call("DescribeExecution", {{"executionArn", l.execution_arn}});
  EXPECT_EQ(d.body["status"], "ABORTED");
  EXPECT_EQ(d.body["error"], "Manual");
  EXPECT_EQ(d.body["cause"], "probe");
  expect_error(s.call("SendTaskFailure", {{"taskToken", l.token}}), "TaskTimedOut", kTimedOut);

  s.clock().advance(5);
  Reply again = s.call("StopExecution", {{"executionArn", l.execution_arn}});
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.body, stop.body);  // the original stopDate; nothing changed
  EXPECT_EQ(s.call("DescribeExecution", {{"executionArn", l.execution_arn}}).body, d.body);

  std::string unknown = l.execution_arn.substr(0, l.execution_arn.rfind(':') + 1) + "6f1c1a0e-0000-4000-8000-000000000000";
  expect_error(s.call("StopExecution", {{"executionArn", unknown}}), "ExecutionDoesNotExist",
               "Execution Does Not Exist: '" + unknown + "'");
  expect_error(s.call("StopExecution", {{"executionArn", "not-an-arn"}}), "InvalidArn",
               "Invalid Arn: 'Invalid ARN prefix: not-an-arn'");
  expect_error(s.call("StopExecution", {{"executionArn", "arn:aws:states:us-east-1:123456789012:express:conform-sm:a:b"}}),
               "InvalidArn", "Invalid Arn: 'Resource type not valid in this context: express'");
}

TEST(SfnHttp, StopWithoutErrorOrCauseLeavesKeysAbsent) {
  Served s;
  ASSERT_TRUE(s.ok());
  auto l = s.walk("5");
  EXPECT_EQ(s.call("StopExecution", {{"executionArn", l.execution_arn}}).status, 200);
  Reply d = s.call("DescribeExecution", {{"executionArn", l.execution_arn}});
  EXPECT_EQ(d.body["status"], "ABORTED");
  EXPECT_FALSE(d.body.contains("error"));
  EXPECT_FALSE(d.body.contains("cause"));
}

TEST(SfnHttp, TimedOutTaskWithManualClock) {
  Served s;
  ASSERT_TRUE(s.ok());
  auto l = s.walk("6", R"(,"TimeoutSeconds":1)");
  ASSERT_FALSE(l.token.empty());
  s.clock().advance(1.5);
  expect_error(s.call("SendTaskSuccess", {{"taskToken", l.token}, {"output", "{}"}}), "TaskTimedOut", kTimedOut);
  Reply d = s.call("DescribeExecution", {{"executionArn", l.execution_arn}});
  EXPECT_EQ(d.body["status"], "FAILED");
  EXPECT_EQ(d.body["error"], "States.Timeout");
  Reply stop = s.call("StopExecution", {{"executionArn", l.execution_arn}});
  EXPECT_EQ(stop.status, 200);
  EXPECT_EQ(stop.body["stopDate"], d.body["stopDate"]);
}

TEST(SfnHttp, SixteenConcurrentClosesExactlyOneSucceeds) {
  Served s;
  ASSERT_TRUE(s.ok());
  auto l = s.walk("7");
  std::atomic<int> ok{0}, timed_out{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> pool;
  for (int i = 0; i < 16; ++i) {
    pool.emplace_back([&] {
      auto client = s.make_client();
      while (!go.load()) std::this_thread::yield();
      Reply r = sfn_call(*client, "SendTaskFailure", {{"taskToken", l.token}, {"error", "race"}});
      if (r.status == 200) ++ok;
      if (r.type() == "TaskTimedOut") ++timed_out;
    });
  }
  go = true;
  for (auto& t : pool) t.join();
  EXPECT_EQ(ok.load(), 1);
  EXPECT_EQ(timed_out.load(), 15);
}

TEST(SfnHttp, EmptyPollHasNoTaskToken) {
  Served s;
  ASSERT_TRUE(s.ok());
  Reply a = s.call("CreateActivity", {{"name", "idle"}});
  Reply t = s.call("GetActivityTask", {{"activityArn", a.body["activityArn"]}});
  EXPECT_EQ(t.status, 200);
  EXPECT_TRUE(!t.body.is_object() || !t.body.contains("taskToken")) << t.raw;
  std::string missing = "arn:aws:states:us-east-1:123456789012:activity:nope";
  expect_error(s.call("GetActivityTask", {{"activityArn", missing}}), "ActivityDoesNotExist",
               "Activity Does Not Exist: '" + missing + "'");
}

// Every planted SFN fault reaches the backend through EmulatorOptions and changes its behaviour.
TEST(SfnHttpFaults, ClosedTokenAccepted) {
  Served s(with(Fault::SfnClosedTokenAccepted));
  ASSERT_TRUE(s.ok());
  auto l = s.walk("f1");
  EXPECT_EQ(s.call("SendTaskFailure", {{"taskToken", l.token}}).status, 200);
  EXPECT_EQ(s.call("SendTaskFailure", {{"taskToken", l.token}}).status, 200);
}

TEST(SfnHttpFaults, InvalidTokenAccepted) {
  Served s(with(Fault::SfnInvalidTokenAccepted));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s.call("SendTaskFailure", {{"taskToken", "FakeTaskToken"}}).status, 200);
}

TEST(SfnHttpFaults, WrongErrorIdentity) {
  Served s(with(Fault::SfnWrongErrorIdentity));
  ASSERT_TRUE(s.ok());
  auto l = s.walk("f3");
  EXPECT_EQ(s.call("SendTaskFailure", {{"taskToken", l.token}}).status, 200);
  expect_error(s.call("SendTaskFailure", {{"taskToken", l.token}}), "TaskDoesNotExist");
}

TEST(SfnHttpFaults, StopMissingStopDate) {
  Served s(with(Fault::SfnStopMissingStopDate));
  ASSERT_TRUE(s.ok());
  auto l = s.walk("f4");
  Reply r = s.call("StopExecution", {{"executionArn", l.execution_arn}});
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(!r.body.is_object() || !r.body.contains("stopDate")) << r.raw;
}

TEST(SfnHttpFaults, StopNoStateChange) {
  Served s(with(Fault::SfnStopNoStateChange));
  ASSERT_TRUE(s.ok());
  auto l = s.walk("f5");
  EXPECT_EQ(s.call("StopExecution", {{"executionArn", l.execution_arn}}).status, 200);
  EXPECT_EQ(s.call("DescribeExecution", {{"executionArn", l.execution_arn}}).body["status"], "RUNNING");
}

TEST(SfnHttpFaults, TimeoutNotEnforced) {
  Served s(with(Fault::SfnTimeoutNotEnforced));
  ASSERT_TRUE(s.ok());
  auto l = s.walk("f6", R"(,"TimeoutSeconds":1)");
  s.clock().advance(60);
  EXPECT_EQ(s.call("SendTaskSuccess", {{"taskToken", l.token}, {"output", "{}"}}).status, 200);
}

TEST(SfnHttpFaults, CloseNotAtomic) {
  Served s(with(Fault::SfnCloseNotAtomic));
  ASSERT_TRUE(s.ok());
  auto l = s.walk("f7");
  std::atomic<int> ok{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> pool;
  for (int i = 0; i < 8; ++i) {
    pool.emplace_back([&] {
      auto client = s.make_client();
      while (!go.load()) std::this_thread::yield();
      if (sfn_call(*client, "SendTaskFailure", {{"taskToken", l.token}}).status == 200) ++ok;
    });
  }
  go = true;
  for (auto& t : pool) t.join();
  EXPECT_GT(ok.load(), 1);
}
