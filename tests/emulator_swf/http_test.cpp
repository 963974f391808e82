// The swf backend through the whole emulator over real HTTP: the activityTask recipe, closed-task
// faults on the wire, a timeout with the server's ManualClock, concurrent closes, and a planted fault
// reaching the wire.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include "tests/emulator_swf/swf_http.h"

using namespace conform::emulator;
using swf_test::HttpAnswer;
using swf_test::Json;
using swf_test::SwfClient;
using swf_test::SwfServer;

namespace {

const char* kUnknownResource = "com.amazonaws.swf.base.model#UnknownResourceFault";

struct Live {
  std::string domain = "d", workflow_id = "w", run_id, token;
  int64_t scheduled_id = 0;
  Json execution() const { return {{"workflowId", workflow_id}, {"runId", run_id}}; }
};

// The spec's activityTask recipe over HTTP.
Live walk(SwfClient& c, const std::string& start_to_close = "120") {
  Live l;
  EXPECT_EQ(c.call("RegisterDomain", {{"name", l.domain}, {"workflowExecutionRetentionPeriodInDays", "1"}}).status, 200);
  HttpAnswer described = c.call("DescribeDomain", {{"name", l.domain}});
  EXPECT_EQ(described.body["domainInfo"]["name"], l.domain);
  EXPECT_EQ(c.call("RegisterWorkflowType", {{"domain", l.domain}, {"name", "wt"}, {"version", "1"},
                                            {"defaultTaskStartToCloseTimeout", "60"},
                                            {"defaultExecutionStartToCloseTimeout", "600"},
                                            {"defaultTaskList", {{"name", "dtl"}}},
                                            {"defaultChildPolicy", "TERMINATE"}})
                .status,
            200);
  EXPECT_EQ(c.call("RegisterActivityType", {{"domain", l.domain}, {"name", "at"}, {"version", "1"},
                                            {"defaultTaskStartToCloseTimeout", start_to_close},
                                            {"defaultTaskHeartbeatTimeout", "NONE"},
                                            {"defaultTaskList", {{"name", "atl"}}},
                                            {"defaultTaskScheduleToStartTimeout", "120"},
                                            {"defaultTaskScheduleToCloseTimeout", "300"}})
                .status,
            200);
  HttpAnswer start = c.call("StartWorkflowExecution", {{"domain", l.domain}, {"workflowId", l.workflow_id},
                                                       {"workflowType", {{"name", "wt"}, {"version", "1"}}},
                                                       {"taskList", {{"name", "dtl"}}}, {"input", "{}"}});
  EXPECT_EQ(start.status, 200) << start.raw;
  l.run_id = start.body.value("runId", "");
  HttpAnswer decision = c.call("PollForDecisionTask", {{"domain", l.domain}, {"taskList", {{"name", "dtl"}}}, {"identity", "decider"}});
  EXPECT_EQ(decision.status, 200) << decision.raw;
  Json schedule = {{"decisionType", "ScheduleActivityTask"},
                   {"scheduleActivityTaskDecisionAttributes",
                    {{"activityType", {{"name", "at"}, {"version", "1"}}}, {"activityId", "act"}, {"input", "{}"}}}};
  HttpAnswer respond = c.call("RespondDecisionTaskCompleted",
                              {{"taskToken", decision.body.value("taskToken", "")}, {"decisions", Json::array({schedule})}});
  EXPECT_EQ(respond.status, 200) << respond.raw;
  EXPECT_EQ(respond.raw, "");
  HttpAnswer task = c.call("PollForActivityTask", {{"domain", l.domain}, {"taskList", {{"name", "atl"}}}, {"identity", "worker"}});
  EXPECT_EQ(task.status, 200) << task.raw;
  l.token = task.body.value("taskToken", "");
  l.scheduled_id = task.body.value("startedEventId", 0) - 1;
  return l;
}

Json history(SwfClient& c, const Live& l) {
  HttpAnswer h = c.call("GetWorkflowExecutionHistory", {{"domain", l.domain}, {"execution", l.execution()}});
  EXPECT_EQ(h.status, 200) << h.raw;
  return h.body.value("events", Json::array());
}

size_t count(const Json& events, const std::string& type) {
  size_t n = 0;
  for (const Json& e : events) n += e.value("eventType", "") == type;
  return n;
}

void expect_unknown_activity(const HttpAnswer& a, int64_t scheduled_id) {
  EXPECT_EQ(a.status, 400) << a.raw;
  EXPECT_EQ(a.error_type(), kUnknownResource);
  EXPECT_EQ(a.message(), "Unknown activity, scheduledEventId = " + std::to_string(scheduled_id));
}

}  // namespace

TEST(SwfHttp, FailedTaskRejectsEveryLaterClose) {
  SwfServer server;
  ASSERT_GT(server.port(), 0) << server.error();
  {
    SwfClient c(server.port());
    Live l = walk(c);
    ASSERT_FALSE(l.token.empty());
    EXPECT_EQ(l.scheduled_id, 5);
    HttpAnswer failed = c.call("RespondActivityTaskFailed", {{"taskToken", l.token}, {"reason", "R"}, {"details", "D"}});
    EXPECT_EQ(failed.status, 200) << failed.raw;
    EXPECT_EQ(failed.raw, "");
    size_t events_after_fail = history(c, l).size();
    expect_unknown_activity(c.call("RespondActivityTaskFailed", {{"taskToken", l.token}, {"reason", "again"}}), 5);
    expect_unknown_activity(c.call("RespondActivityTaskCompleted", {{"taskToken", l.token}}), 5);
    expect_unknown_activity(c.call("RespondActivityTaskCanceled", {{"taskToken", l.token}}), 5);
    expect_unknown_activity(c.call("RecordActivityTaskHeartbeat", {{"taskToken", l.token}}), 5);
    Json events = history(c, l);
    EXPECT_EQ(events.size(), events_after_fail);
    ASSERT_EQ(count(events, "ActivityTaskFailed"), 1u);
    for (const Json& e : events)
      if (e["eventType"] == "ActivityTaskFailed") {
        EXPECT_EQ(e["activityTaskFailedEventAttributes"]["reason"], "R");
        EXPECT_EQ(e["activityTaskFailedEventAttributes"]["details"], "D");
        EXPECT_TRUE(e["eventTimestamp"].is_number());
      }
    HttpAnswer fake = c.call("RespondActivityTaskFailed", {{"taskToken", "FakeTaskToken"}});
    EXPECT_EQ(fake.status, 400);
    EXPECT_EQ(fake.error_type(), kUnknownResource);
  }
}

TEST(SwfHttp, FailWithoutReasonHasNoReasonKeys) {
  SwfServer server;
  ASSERT_GT(server.port(), 0) << server.error();
  {
    SwfClient c(server.port());
    Live l = walk(c);
    EXPECT_EQ(c.call("RespondActivityTaskFailed", {{"taskToken", l.token}}).status, 200);
    for (const Json& e : history(c, l))
      if (e["eventType"] == "ActivityTaskFailed") {
        EXPECT_FALSE(e["activityTaskFailedEventAttributes"].contains("reason"));
        EXPECT_FALSE(e["activityTaskFailedEventAttributes"].contains("details"));
      }
  }
}

TEST(SwfHttp, TimedOutTaskIsUnknownWithTheServerClock) {
  SwfServer server;
  ASSERT_GT(server.port(), 0) << server.error();
  {
    SwfClient c(server.port());
    Live l = walk(c, "1");
    server.clock().advance(1.5);
    expect_unknown_activity(c.call("RespondActivityTaskCompleted", {{"taskToken", l.token}, {"result", "late"}}), 5);
    Json events = history(c, l);
    EXPECT_EQ(count(events, "ActivityTaskTimedOut"), 1u);
    EXPECT_EQ(count(events, "ActivityTaskCompleted"), 0u);
  }
}

TEST(SwfHttp, SixteenConcurrentClosesExactlyOneSucceeds) {
  SwfServer server;
  ASSERT_GT(server.port(), 0) << server.error();
  Live l;
  {
    SwfClient c(server.port());
    l = walk(c);
  }
  std::atomic<int> ok{0}, unknown{0};
  std::mutex others_mu;
  std::vector<std::string> others;
  std::vector<std::thread> threads;
  for (int i = 0; i < 16; ++i)
    threads.emplace_back([&, i] {
      SwfClient c(server.port());
      HttpAnswer a = c.call(i % 2 ? "RespondActivityTaskFailed" : "RespondActivityTaskCompleted", {{"taskToken", l.token}});
      if (a.status == 200) ++ok;
      else if (a.status == 400 && a.error_type() == kUnknownResource) ++unknown;
      else {
        std::lock_guard<std::mutex> lock(others_mu);
        others.push_back(std::to_string(a.status) + " " + a.raw);
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 1);
  EXPECT_EQ(unknown.load(), 15) << "other answers: " << ::testing::PrintToString(others);
  SwfClient c(server.port());
  Json events = history(c, l);
  EXPECT_EQ(count(events, "ActivityTaskFailed") + count(events, "ActivityTaskCompleted"), 1u);
}

TEST(SwfHttp, PlantedFaultReachesTheWire) {
  FaultSet faults;
  faults.add(Fault::SwfHeartbeatMissingCancelRequested);
  SwfServer server(faults);
  ASSERT_GT(server.port(), 0) << server.error();
  {
    SwfClient c(server.port());
    Live l = walk(c);
    HttpAnswer beat = c.call("RecordActivityTaskHeartbeat", {{"taskToken", l.token}});
    EXPECT_EQ(beat.status, 200) << beat.raw;
    EXPECT_TRUE(beat.body.is_object());
    EXPECT_FALSE(beat.body.contains("cancelRequested")) << beat.raw;
  }
}

TEST(SwfHttp, HeartbeatAnswersCancelRequestedOnTheWire) {
  SwfServer server;
  ASSERT_GT(server.port(), 0) << server.error();
  {
    SwfClient c(server.port());
    Live l = walk(c);
    HttpAnswer beat = c.call("RecordActivityTaskHeartbeat", {{"taskToken", l.token}, {"details", "d"}});
    EXPECT_EQ(beat.status, 200) << beat.raw;
    EXPECT_EQ(beat.body, Json({{"cancelRequested", false}}));
  }
}
