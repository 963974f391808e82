// The stepfunctions backend behind the full request path without a socket (Emulator::handle):
// routing, Coral validation and awsJson1_0 error encoding around the backend's answers.
#include <gtest/gtest.h>

#include <memory>

#include "emulator/app/emulator.h"

using namespace conform;
using namespace conform::emulator;
using Json = spec::Json;

namespace {

struct InProc {
  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>();
  std::unique_ptr<Emulator> emu;
  InProc() {
    EmulatorOptions o;
    o.clock = clock;
    emu = std::make_unique<Emulator>(o);
  }
  std::pair<int, Json> call(const std::string& op, const Json& input) {
    http::Request r;
    r.headers.set("Content-Type", "application/x-amz-json-1.0");
    r.headers.set("X-Amz-Target", "AWSStepFunctions." + op);
    r.body = input.dump();
    http::Response res = emu->handle(r);
    return {res.status, res.body.empty() ? Json() : Json::parse(res.body, nullptr, false)};
  }
};

}  // namespace

TEST(SfnInProcess, RecipeCloseTwiceDescribeStop) {
  InProc p;
  auto [s1, act] = p.call("CreateActivity", {{"name", "conform-ip-act-1"}});
  ASSERT_EQ(s1, 200) << act.dump();
  std::string activity = act["activityArn"];
  std::string def = R"({"StartAt":"T","States":{"T":{"Type":"Task","Resource":")" + activity + R"(","End":true}}})";
  auto [s2, sm] = p.call("CreateStateMachine", {{"name", "conform-ip-sm-1"}, {"definition", def},
                                                {"roleArn", "arn:aws:iam::123456789012:role/conform-ip"}, {"type", "STANDARD"}});
  ASSERT_EQ(s2, 200) << sm.dump();
  auto [s3, ex] = p.call("StartExecution", {{"stateMachineArn", sm["stateMachineArn"]}, {"name", "conform-ip-ex-1"}, {"input", "{}"}});
  ASSERT_EQ(s3, 200) << ex.dump();
  EXPECT_TRUE(ex["startDate"].is_number());
  auto [s4, task] = p.call("GetActivityTask", {{"activityArn", activity}, {"workerName", "conform-ip-worker"}});
  ASSERT_EQ(s4, 200) << task.dump();
  std::string token = task["taskToken"];

  auto [s5, first] = p.call("SendTaskFailure", {{"taskToken", token}, {"error", "E"}, {"cause", "C"}});
  EXPECT_EQ(s5, 200) << first.dump();
  auto [s6, again] = p.call("SendTaskFailure", {{"taskToken", token}, {"error", "E"}, {"cause", "C"}});
  EXPECT_EQ(s6, 400);
  EXPECT_EQ(again["__type"], "com.amazonaws.swf.service.v2.model#TaskTimedOut");
  EXPECT_EQ(again["message"], "Task Timed Out: 'Provided task does not exist anymore'");

  auto [s7, bad] = p.call("SendTaskHeartbeat", {{"taskToken", "FakeTaskToken"}});
  EXPECT_EQ(s7, 400);
  EXPECT_EQ(bad["__type"], "com.amazonaws.swf.service.v2.model#InvalidToken");

  auto [s8, d] = p.call("DescribeExecution", {{"executionArn", ex["executionArn"]}});
  ASSERT_EQ(s8, 200) << d.dump();
  EXPECT_EQ(d["status"], "FAILED");
  EXPECT_EQ(d["error"], "E");
  EXPECT_EQ(d["cause"], "C");
  EXPECT_TRUE(d["stopDate"].is_number());

  p.clock->advance(3);
  auto [s9, stop] = p.call("StopExecution", {{"executionArn", ex["executionArn"]}});
  EXPECT_EQ(s9, 200);
  EXPECT_EQ(stop["stopDate"], d["stopDate"]);
  auto [s10, express] = p.call("StopExecution", {{"executionArn", "arn:aws:states:us-east-1:123456789012:express:m:a:b"}});
  EXPECT_EQ(s10, 400);
  EXPECT_EQ(express["message"], "Invalid Arn: 'Resource type not valid in this context: express'");
}

TEST(SfnInProcess, TimedOutTaskAndValidationBeforeBackend) {
  InProc p;
  std::string activity = p.call("CreateActivity", {{"name", "ip-act"}}).second["activityArn"];
  std::string def = R"({"StartAt":"T","States":{"T":{"Type":"Task","Resource":")" + activity +
                    R"(","TimeoutSeconds":1,"End":true}}})";
  std::string sm = p.call("CreateStateMachine", {{"name", "ip-sm"}, {"definition", def}, {"roleArn", "arn:aws:iam::123456789012:role/r"}})
                       .second["stateMachineArn"];
  std::string ex = p.call("StartExecution", {{"stateMachineArn", sm}}).second["executionArn"];
  std::string token = p.call("GetActivityTask", {{"activityArn", activity}}).second["taskToken"];
  p.clock->advance(1.5);
  auto [s, r] = p.call("SendTaskSuccess", {{"taskToken", token}, {"output", "{}"}});
  EXPECT_EQ(s, 400);
  EXPECT_EQ(r["message"], "Task Timed Out: 'Provided task does not exist anymore'");
  EXPECT_EQ(p.call("DescribeExecution", {{"executionArn", ex}}).second["error"], "States.Timeout");
  auto [sv, v] = p.call("SendTaskSuccess", {{"taskToken", token}});
  EXPECT_EQ(sv, 400);
  EXPECT_EQ(v["message"], "1 validation error detected: Value at 'output' failed to satisfy constraint: Member must not be null");
}
