// GetExecutionHistory over real HTTP: the events of each way an execution runs and ends (ids,
// previousEventId, timestamps, details), reverseOrder, includeExecutionData, pagination by event id
// (tokens bound to execution and order; events recorded between pages), not-found and malformed ARNs.
#include <gtest/gtest.h>

#include "tests/emulator_sfn/expect.h"

using namespace conform::emulator;
using namespace conform::emulator::sfn_test;
using Json = conform::spec::Json;

namespace {

Json history(Served& s, const std::string& execution_arn, Json extra = Json::object()) {
  extra["executionArn"] = execution_arn;
  Reply r = s.call("GetExecutionHistory", extra);
  expect_ok(r, "GetExecutionHistory");
  return r.body.is_object() && r.body.contains("events") ? r.body["events"] : Json::array();
}

std::vector<std::string> types(const Json& events) {
  std::vector<std::string> out;
  for (const Json& e : events) out.push_back(e["type"]);
  return out;
}

// ids 1..n in order, previousEventId one less, timestamps never going back.
void expect_well_numbered(const Json& events) {
  double last = 0;
  for (size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(events[i]["id"], static_cast<int64_t>(i + 1));
    EXPECT_EQ(events[i]["previousEventId"], static_cast<int64_t>(i));
    ASSERT_TRUE(events[i]["timestamp"].is_number());
    EXPECT_GE(events[i]["timestamp"].get<double>(), last);
    last = events[i]["timestamp"].get<double>();
  }
}

}  // namespace

TEST(SfnHistory, ActivityTaskThatSucceeds) {
  Served s;
  ASSERT_TRUE(s.ok());
  auto l = s.walk("h1");  // worker name conform-t-worker
  ASSERT_FALSE(l.token.empty());
  s.clock().advance(2);
  ASSERT_EQ(s.call("SendTaskSuccess", {{"taskToken", l.token}, {"output", "{\"done\": true}"}}).status, 200);
  Json events = history(s, l.execution_arn);
  EXPECT_EQ(types(events), (std::vector<std::string>{"ExecutionStarted", "TaskStateEntered", "ActivityScheduled",
                                                     "ActivityStarted", "ActivitySucceeded", "TaskStateExited",
                                                     "ExecutionSucceeded"}));
  expect_well_numbered(events);
  const Json& started = events[0]["executionStartedEventDetails"];
  EXPECT_EQ(started["input"], "{}");
  EXPECT_EQ(started["inputDetails"], Json({{"truncated", false}}));
  EXPECT_EQ(started["roleArn"], "arn:aws:iam::123456789012:role/conform-t");
  EXPECT_EQ(events[1]["stateEnteredEventDetails"]["name"], "T");
  EXPECT_EQ(events[1]["stateEnteredEventDetails"]["input"], "{}");
  EXPECT_EQ(events[2]["activityScheduledEventDetails"]["resource"], l.activity_arn);
  EXPECT_EQ(events[3]["activityStartedEventDetails"]["workerName"], "conform-t-worker");
  EXPECT_EQ(events[4]["activitySucceededEventDetails"]["output"], "{\"done\": true}");
  EXPECT_EQ(events[5]["stateExitedEventDetails"]["name"], "T");
  EXPECT_EQ(events[5]["stateExitedEventDetails"]["output"], "{\"done\": true}");
  EXPECT_EQ(events[6]["executionSucceededEventDetails"]["output"], "{\"done\": true}");
  EXPECT_EQ(events[6]["timestamp"].get<double>(), events[0]["timestamp"].get<double>() + 2);
  Json desc = s.call("DescribeExecution", {{"executionArn", l.execution_arn}}).body;
  EXPECT_EQ(events[6]["timestamp"], desc["stopDate"]);
}

TEST(SfnHistory, ActivityTaskThatFailsTimesOutOrIsStopped) {
  Served s;
  ASSERT_TRUE(s.ok());
  auto failed = s.walk("f");
  ASSERT_EQ(s.call("SendTaskFailure", {{"taskToken", failed.token}, {"error", "Boom"}, {"cause", "why"}}).status, 200);
  Json f = history(s, failed.execution_arn);
  ASSERT_EQ(types(f).size(), 6u);
  EXPECT_EQ(f[4]["type"], "ActivityFailed");
  EXPECT_EQ(f[4]["activityFailedEventDetails"], Json({{"error", "Boom"}, {"cause", "why"}}));
  EXPECT_EQ(f[5]["type"], "ExecutionFailed");
  EXPECT_EQ(f[5]["executionFailedEventDetails"], Json({{"error", "Boom"}, {"cause", "why"}}));

  auto stopped = s.walk("s");
  ASSERT_EQ(s.call("StopExecution", {{"executionArn", stopped.execution_arn}}).status, 200);
  Json a = history(s, stopped.execution_arn);
  EXPECT_EQ(a.back()["type"], "ExecutionAborted");
  EXPECT_EQ(a.back()["executionAbortedEventDetails"], Json::object());  // no error/cause given: none answered
  auto stopped2 = s.walk("s2");
  s.call("StopExecution", {{"executionArn", stopped2.execution_arn}, {"error", "Manual"}, {"cause", "probe"}});
  EXPECT_EQ(history(s, stopped2.execution_arn).back()["executionAbortedEventDetails"],
            Json({{"error", "Manual"}, {"cause", "probe"}}));

  auto timed = s.walk("t", R"(,"TimeoutSeconds":3)");
  s.clock().advance(10);
  Json t = history(s, timed.execution_arn);
  EXPECT_EQ(types(t), (std::vector<std::string>{"ExecutionStarted", "TaskStateEntered", "ActivityScheduled",
                                                "ActivityStarted", "ActivityTimedOut", "ExecutionFailed"}));
  EXPECT_EQ(t[2]["activityScheduledEventDetails"]["timeoutInSeconds"], 3);
  EXPECT_EQ(t[4]["activityTimedOutEventDetails"]["error"], "States.Timeout");
  EXPECT_EQ(t[5]["executionFailedEventDetails"]["error"], "States.Timeout");
  EXPECT_EQ(t[5]["timestamp"].get<double>(), t[2]["timestamp"].get<double>() + 3);  // the deadline's own time
}

TEST(SfnHistory, PassSucceedAndFailStates) {
  Served s;
  ASSERT_TRUE(s.ok());
  std::string ok = create_machine(s, "pass", R"({"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"x":1},"Next":"S"},"S":{"Type":"Succeed"}}})");
  Json p = history(s, start(s, ok, "e1", R"({"in": 0})"));
  EXPECT_EQ(types(p), (std::vector<std::string>{"ExecutionStarted", "PassStateEntered", "PassStateExited",
                                                "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded"}));
  expect_well_numbered(p);
  EXPECT_EQ(p[1]["stateEnteredEventDetails"]["input"], R"({"in": 0})");
  EXPECT_EQ(p[2]["stateExitedEventDetails"]["output"], R"({"x":1})");
  EXPECT_EQ(p[3]["stateEnteredEventDetails"]["name"], "S");
  EXPECT_EQ(p[5]["executionSucceededEventDetails"]["output"], R"({"x":1})");

  std::string bad = create_machine(s, "fail", R"({"StartAt":"F","States":{"F":{"Type":"Fail","Error":"E","Cause":"C"}}})");
  Json f = history(s, start(s, bad, "e2"));
  EXPECT_EQ(types(f), (std::vector<std::string>{"ExecutionStarted", "FailStateEntered", "ExecutionFailed"}));
  EXPECT_EQ(f[2]["executionFailedEventDetails"], Json({{"error", "E"}, {"cause", "C"}}));
}

TEST(SfnHistory, PassLoopStopsAtTheHistoryLimit) {
  Served s;
  ASSERT_TRUE(s.ok());
  std::string loop = create_machine(s, "loop", R"({"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"}}})");
  std::string exec = start(s, loop, "forever");
  Reply last = s.call("GetExecutionHistory", {{"executionArn", exec}, {"reverseOrder", true}, {"maxResults", 1}});
  expect_ok(last, "GetExecutionHistory");
  const Json& end = last.body["events"][0];
  EXPECT_EQ(end["type"], "ExecutionFailed");
  EXPECT_EQ(end["executionFailedEventDetails"]["error"], "States.Runtime");
  EXPECT_LE(end["id"].get<int64_t>(), 25000);
  EXPECT_GE(end["id"].get<int64_t>(), 24999);
}

TEST(SfnHistory, ReverseOrderAndWithoutExecutionData) {
  Served s;
  ASSERT_TRUE(s.ok());
  auto l = s.walk("r");
  s.call("SendTaskSuccess", {{"taskToken", l.token}, {"output", "{}"}});
  Json forward = history(s, l.execution_arn);
  Json backward = history(s, l.execution_arn, {{"reverseOrder", true}});
  ASSERT_EQ(forward.size(), backward.size());
  for (size_t i = 0; i < forward.size(); ++i) EXPECT_EQ(forward[i], backward[backward.size() - 1 - i]);

  Json bare = history(s, l.execution_arn, {{"includeExecutionData", false}});
  ASSERT_EQ(bare.size(), forward.size());
  EXPECT_FALSE(bare[0]["executionStartedEventDetails"].contains("input"));
  EXPECT_EQ(bare[0]["executionStartedEventDetails"]["roleArn"], forward[0]["executionStartedEventDetails"]["roleArn"]);
  EXPECT_FALSE(bare[1]["stateEnteredEventDetails"].contains("input"));
  EXPECT_FALSE(bare[4]["activitySucceededEventDetails"].contains("output"));
  EXPECT_FALSE(bare[6]["executionSucceededEventDetails"].contains("output"));
  EXPECT_EQ(bare[2]["activityScheduledEventDetails"]["resource"], l.activity_arn);
}

TEST(SfnHistory, PagesInBothOrdersCoverEveryEventOnce) {
  Served s;
  ASSERT_TRUE(s.ok());
  auto l = s.walk("p");
  s.call("SendTaskSuccess", {{"taskToken", l.token}, {"output", "{}"}});
  for (bool reverse : {false, true}) {
    Json all = history(s, l.execution_arn, {{"reverseOrder", reverse}});
    ASSERT_EQ(all.size(), 7u);
    Json input = {{"executionArn", l.execution_arn}, {"reverseOrder", reverse}, {"maxResults", 3}};
    Json collected = Json::array();
    std::vector<size_t> sizes;
    for (int page = 0; page < 10; ++page) {
      Reply r = s.call("GetExecutionHistory", input);
      expect_ok(r, "GetExecutionHistory");
      sizes.push_back(r.body["events"].size());
      for (const Json& e : r.body["events"]) collected.push_back(e);
      if (!r.body.contains("nextToken")) break;
      input["nextToken"] = r.body["nextToken"];
    }
    EXPECT_EQ(sizes, (std::vector<size_t>{3, 3, 1})) << reverse;
    EXPECT_EQ(collected, all) << reverse;
  }
}

TEST(SfnHistory, EventsRecordedBetweenPagesAppearOnLaterPages) {
  Served s;
  ASSERT_TRUE(s.ok());
  auto l = s.walk("grow");
  Reply first = s.call("GetExecutionHistory", {{"executionArn", l.execution_arn}, {"maxResults", 3}});
  ASSERT_EQ(first.body["events"].size(), 3u);
  ASSERT_TRUE(first.body.contains("nextToken"));
  Reply back = s.call("GetExecutionHistory", {{"executionArn", l.execution_arn}, {"maxResults", 2}, {"reverseOrder", true}});
  ASSERT_TRUE(back.body.contains("nextToken"));
  s.call("SendTaskSuccess", {{"taskToken", l.token}, {"output", "{}"}});  // three more events

  Reply rest = s.call("GetExecutionHistory", {{"executionArn", l.execution_arn}, {"nextToken", first.body["nextToken"]}});
  expect_ok(rest, "GetExecutionHistory");
  EXPECT_EQ(types(rest.body["events"]), (std::vector<std::string>{"ActivityStarted", "ActivitySucceeded",
                                                                  "TaskStateExited", "ExecutionSucceeded"}));
  // The reverse pager goes on below where it stopped; the newer events do not shift it.
  Reply older = s.call("GetExecutionHistory", {{"executionArn", l.execution_arn}, {"reverseOrder", true},
                                              {"nextToken", back.body["nextToken"]}});
  EXPECT_EQ(types(older.body["events"]), (std::vector<std::string>{"TaskStateEntered", "ExecutionStarted"}));
}

TEST(SfnHistory, TokensAreBoundToExecutionAndOrder) {
  Served s;
  ASSERT_TRUE(s.ok());
  auto a = s.walk("ta");
  auto b = s.walk("tb");
  Reply page = s.call("GetExecutionHistory", {{"executionArn", a.execution_arn}, {"maxResults", 1}});
  ASSERT_TRUE(page.body.contains("nextToken"));
  Json token = page.body["nextToken"];
  expect_error(s.call("GetExecutionHistory", {{"executionArn", b.execution_arn}, {"nextToken", token}}), "InvalidToken");
  expect_error(s.call("GetExecutionHistory", {{"executionArn", a.execution_arn}, {"reverseOrder", true}, {"nextToken", token}}),
               "InvalidToken");
  expect_error(s.call("GetExecutionHistory", {{"executionArn", a.execution_arn}, {"nextToken", "garbage"}}), "InvalidToken");
  Reply list_token = s.call("ListActivities", {{"maxResults", 1}});
  ASSERT_TRUE(list_token.body.contains("nextToken"));
  expect_error(s.call("GetExecutionHistory", {{"executionArn", a.execution_arn}, {"nextToken", list_token.body["nextToken"]}}),
               "InvalidToken");
  s.clock().advance(24 * 3600 + 1);
  expect_error(s.call("GetExecutionHistory", {{"executionArn", a.execution_arn}, {"nextToken", token}}), "InvalidToken");
}

TEST(SfnHistory, UnknownMalformedOrExpressExecution) {
  Served s;
  ASSERT_TRUE(s.ok());
  const std::string never = kArnPrefix + "execution:sm:never";
  expect_error(s.call("GetExecutionHistory", {{"executionArn", never}}), "ExecutionDoesNotExist",
               "Execution Does Not Exist: '" + never + "'");
  expect_error(s.call("GetExecutionHistory", {{"executionArn", "nope"}}), "InvalidArn", "Invalid Arn: 'Invalid ARN prefix: nope'");
  expect_error(s.call("GetExecutionHistory", {{"executionArn", kArnPrefix + "express:sm:a:b"}}), "InvalidArn",
               "Invalid Arn: 'Resource type not valid in this context: express'");
}
