// EmulatorOptions knobs that clients and fuzzers rely on: throttle_every (every N-th routed request is
// answered with the service's throttling error, without any state change) and poll_wait (how long an
// idle long poll waits; 0 answers at once).
#include <gtest/gtest.h>

#include "emulator/app/emulator.h"
#include "harness/spec/model.h"
#include "tests/emulator_core/http_client.h"

using namespace conform;
using namespace conform::emulator;
using spec::Json;

namespace {

http::Request aws_json(const std::string& target, const Json& body) {
  http::Request r;
  r.method = "POST";
  r.path = "/";
  r.headers.set("X-Amz-Target", target);
  r.headers.set("Content-Type", "application/x-amz-json-1.0");
  r.body = body.dump();
  return r;
}

http::Request create_activity(const std::string& name) {
  return aws_json("AWSStepFunctions.CreateActivity", {{"name", name}});
}

http::Request create_function(const std::string& name) {
  http::Request r;
  r.method = "POST";
  r.path = "/2015-03-31/functions";
  r.headers.set("Content-Type", "application/json");
  r.body = Json{{"FunctionName", name},
                {"Runtime", "python3.13"},
                {"Role", "arn:aws:iam::123456789012:role/conform"},
                {"Handler", "index.handler"},
                {"Code", {{"ZipFile", "UEsDBBQAAAAAAA=="}}}}
               .dump();
  return r;
}

Json body_of(const http::Response& r) { return Json::parse(r.body, nullptr, false); }

EmulatorOptions throttling(uint64_t every) {
  EmulatorOptions o;
  o.clock = std::make_shared<ManualClock>();
  o.poll_wait = std::chrono::milliseconds(0);
  o.throttle_every = every;
  return o;
}

void expect_aws_json_throttled(const http::Response& r) {
  EXPECT_EQ(r.status, 400) << r.body;
  Json body = body_of(r);
  EXPECT_EQ(body["__type"], "com.amazon.coral.availability#ThrottlingException") << r.body;
  EXPECT_EQ(body["message"], "Rate exceeded");
  EXPECT_FALSE(r.headers.has("Retry-After"));
  EXPECT_TRUE(r.headers.has("x-amzn-RequestId"));
}

}  // namespace

TEST(Throttling, EveryNthAwsJsonRequestIsThrottlingException) {
  Emulator emu(throttling(3));
  for (int i = 1; i <= 7; ++i) {
    auto r = emu.handle(create_activity("act-" + std::to_string(i)));
    if (i % 3 == 0) {
      expect_aws_json_throttled(r);
    } else {
      EXPECT_EQ(r.status, 200) << "request " << i << ": " << r.body;
      EXPECT_TRUE(body_of(r).contains("activityArn")) << r.body;
    }
  }
}

TEST(Throttling, SwfIsThrottledTooAndTheCountSpansServices) {
  Emulator emu(throttling(2));
  EXPECT_EQ(emu.handle(create_activity("a")).status, 200);
  auto swf = emu.handle(aws_json("SimpleWorkflowService.RegisterDomain",
                                 {{"name", "d"}, {"workflowExecutionRetentionPeriodInDays", "1"}}));
  expect_aws_json_throttled(swf);
}

TEST(Throttling, LambdaIs429TooManyRequestsWithRetryAfterAndChangesNothing) {
  Emulator emu(throttling(2));
  ASSERT_EQ(emu.handle(create_function("fn-1")).status, 201);
  auto r = emu.handle(create_function("fn-2"));
  EXPECT_EQ(r.status, 429) << r.body;
  EXPECT_EQ(r.headers.get("X-Amzn-ErrorType").value_or(""), "TooManyRequestsException");
  EXPECT_EQ(r.headers.get("Retry-After").value_or(""), "0");
  Json body = body_of(r);
  EXPECT_EQ(body["Type"], "User");
  EXPECT_EQ(body["message"], "Rate Exceeded.");
  EXPECT_EQ(body["Reason"], "CallerRateLimitExceeded");
  // The throttled CreateFunction created nothing: the same call now succeeds (a second create of an
  // existing function would be 409 ResourceConflictException).
  auto again = emu.handle(create_function("fn-2"));
  EXPECT_EQ(again.status, 201) << again.body;
}

TEST(Throttling, UnroutableRequestsAreNeitherCountedNorThrottled) {
  Emulator emu(throttling(2));
  http::Request garbage = create_activity("x");
  garbage.headers.set("X-Amz-Target", "AWSStepFunctions.NoSuchOperation");
  for (int i = 0; i < 3; ++i) {
    auto r = emu.handle(garbage);
    EXPECT_EQ(body_of(r)["__type"], "com.amazon.coral.service#UnknownOperationException") << r.body;
  }
  EXPECT_EQ(emu.handle(create_activity("one")).status, 200);
  expect_aws_json_throttled(emu.handle(create_activity("two")));
}

TEST(Throttling, ZeroNeverThrottles) {
  Emulator emu(throttling(0));
  for (int i = 0; i < 50; ++i) EXPECT_EQ(emu.handle(create_activity("act-" + std::to_string(i))).status, 200);
}

TEST(Throttling, TheThrottlingAnswerCrossesTheServerUnchanged) {
  EmulatorServer server(throttling(1));
  int port = server.start("127.0.0.1", 0);
  ASSERT_GT(port, 0);
  {
    conform::emulator::testing::RawClient client(port);
    expect_aws_json_throttled(client.send(create_activity("a")));
    auto lambda = client.send(create_function("fn"));
    EXPECT_EQ(lambda.status, 429);
    EXPECT_EQ(lambda.headers.get("Retry-After").value_or(""), "0");
  }  // close the client before stopping the server
}

// With poll_wait 0 an idle poll answers the empty result at once (fuzz targets rely on it; the default
// 200 ms would stall them). What is asserted is the answer, not the time.
TEST(PollWait, ZeroAnswersIdlePollsWithTheEmptyResult) {
  Emulator emu(throttling(0));
  auto act = emu.handle(create_activity("idle"));
  ASSERT_EQ(act.status, 200);
  for (int i = 0; i < 20; ++i) {
    auto r = emu.handle(aws_json("AWSStepFunctions.GetActivityTask", {{"activityArn", body_of(act)["activityArn"]}}));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(body_of(r).value("taskToken", ""), "") << r.body;
  }
  ASSERT_EQ(emu.handle(aws_json("SimpleWorkflowService.RegisterDomain",
                                {{"name", "d"}, {"workflowExecutionRetentionPeriodInDays", "1"}}))
                .status,
            200);
  for (const char* op : {"PollForActivityTask", "PollForDecisionTask"}) {
    auto r = emu.handle(aws_json(std::string("SimpleWorkflowService.") + op, {{"domain", "d"}, {"taskList", {{"name", "q"}}}}));
    ASSERT_EQ(r.status, 200) << op << ": " << r.body;
    EXPECT_EQ(body_of(r).value("taskToken", ""), "") << op << ": " << r.body;
  }
}
