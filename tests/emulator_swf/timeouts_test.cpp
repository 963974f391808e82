// Activity, decision and execution timeouts of the swf backend, driven by a ManualClock.
#include <gtest/gtest.h>

#include "tests/emulator_swf/swf_direct.h"

using namespace conform::emulator;
using swf_test::Direct;
using swf_test::events_of;

namespace {

std::string timed_out_type(const Json& events) {
  auto t = events_of(events, "ActivityTaskTimedOut");
  if (t.size() != 1) return "count=" + std::to_string(t.size());
  return t[0]["activityTaskTimedOutEventAttributes"].value("timeoutType", "");
}

void expect_closed(Direct& d, const Direct::Live& l) {
  Outcome o = d.call("RespondActivityTaskCompleted", {{"taskToken", l.token}});
  EXPECT_TRUE(o.is_error);
  EXPECT_EQ(o.error_name, "UnknownResourceFault");
  EXPECT_EQ(o.error_message, "Unknown activity, scheduledEventId = " + std::to_string(l.scheduled_id));
}

}  // namespace

TEST(SwfTimeouts, StartToCloseFromTheTypeDefault) {
  Direct d;
  Direct::ActivityDefaults defaults;
  defaults.start_to_close = "10";
  auto l = d.live_activity("stc", defaults);
  d.clock().advance(9);
  ASSERT_FALSE(d.call("RecordActivityTaskHeartbeat", {{"taskToken", l.token}}).is_error);
  d.clock().advance(2);
  expect_closed(d, l);
  Json events = d.history(l);
  EXPECT_EQ(timed_out_type(events), "START_TO_CLOSE");
  auto t = events_of(events, "ActivityTaskTimedOut")[0];
  EXPECT_EQ(t["activityTaskTimedOutEventAttributes"]["scheduledEventId"], 5);
  EXPECT_EQ(t["activityTaskTimedOutEventAttributes"]["startedEventId"], 6);
  EXPECT_EQ(events.back()["eventType"], "DecisionTaskScheduled");
  // The event carries the deadline, not the time it was noticed.
  EXPECT_DOUBLE_EQ(t["eventTimestamp"].get<double>(), events[5]["eventTimestamp"].get<double>() + 10);
}

TEST(SwfTimeouts, DecisionAttributesOverrideTheDefaults) {
  Direct d;
  auto l = d.live_activity("override", {}, {{"startToCloseTimeout", "5"}});
  d.clock().advance(6);
  expect_closed(d, l);
  EXPECT_EQ(timed_out_type(d.history(l)), "START_TO_CLOSE");
}

TEST(SwfTimeouts, HeartbeatTimeoutIsResetByHeartbeatsAndKeepsTheirDetails) {
  Direct d;
  Direct::ActivityDefaults defaults;
  defaults.heartbeat = "5";
  auto l = d.live_activity("hb", defaults);
  d.clock().advance(4);
  ASSERT_FALSE(d.call("RecordActivityTaskHeartbeat", {{"taskToken", l.token}, {"details", "half"}}).is_error);
  d.clock().advance(4);  // 8 s after the start, 4 s after the heartbeat: still live
  ASSERT_FALSE(d.call("RecordActivityTaskHeartbeat", {{"taskToken", l.token}}).is_error);
  d.clock().advance(6);
  expect_closed(d, l);
  Json events = d.history(l);
  EXPECT_EQ(timed_out_type(events), "HEARTBEAT");
  EXPECT_EQ(events_of(events, "ActivityTaskTimedOut")[0]["activityTaskTimedOutEventAttributes"]["details"], "half");
}

TEST(SwfTimeouts, ScheduleToClose) {
  Direct d;
  Direct::ActivityDefaults defaults;
  defaults.schedule_to_close = "20";
  auto l = d.live_activity("s2c", defaults);
  d.clock().advance(21);
  expect_closed(d, l);
  EXPECT_EQ(timed_out_type(d.history(l)), "SCHEDULE_TO_CLOSE");
}

TEST(SwfTimeouts, ScheduleToStartTimesOutAQueuedTask) {
  Direct d;
  Direct::ActivityDefaults defaults;
  defaults.schedule_to_start = "3";
  auto l = d.live_activity("s2s", defaults);  // act-1 starts at once: no timeout
  ASSERT_FALSE(d.call("RespondActivityTaskCompleted", {{"taskToken", l.token}}).is_error);
  std::string decision = d.poll_decision(l.domain);
  Json attrs = {{"activityType", {{"name", "at"}, {"version", "1"}}}, {"activityId", "queued"}};
  ASSERT_FALSE(d.call("RespondDecisionTaskCompleted",
                      {{"taskToken", decision},
                       {"decisions", Json::array({{{"decisionType", "ScheduleActivityTask"},
                                                   {"scheduleActivityTaskDecisionAttributes", attrs}}})}})
                   .is_error);
  d.clock().advance(4);
  Outcome poll = d.call("PollForActivityTask", {{"domain", l.domain}, {"taskList", {{"name", "activities"}}}});
  EXPECT_EQ(poll.output["taskToken"], "");
  Json events = d.history(l);
  auto t = events_of(events, "ActivityTaskTimedOut");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0]["activityTaskTimedOutEventAttributes"]["timeoutType"], "SCHEDULE_TO_START");
  EXPECT_EQ(t[0]["activityTaskTimedOutEventAttributes"]["startedEventId"], 0);
}

TEST(SwfTimeouts, NoneNeverTimesOut) {
  Direct d;
  auto l = d.live_activity("none");  // all NONE; the execution allows 3600 s
  d.clock().advance(3500);
  Outcome beat = d.call("RecordActivityTaskHeartbeat", {{"taskToken", l.token}});
  EXPECT_FALSE(beat.is_error) << beat.error_message;
  EXPECT_TRUE(events_of(d.history(l), "ActivityTaskTimedOut").empty());
}

TEST(SwfTimeouts, ExecutionTimeoutClosesTheWorkflowAndItsTasks) {
  Direct d;
  auto l = d.live_activity("exec");
  d.clock().advance(3601);
  expect_closed(d, l);
  Json events = d.history(l);
  EXPECT_EQ(events.back()["eventType"], "WorkflowExecutionTimedOut");
  EXPECT_EQ(events.back()["workflowExecutionTimedOutEventAttributes"]["timeoutType"], "START_TO_CLOSE");
  EXPECT_EQ(events.back()["workflowExecutionTimedOutEventAttributes"]["childPolicy"], "TERMINATE");
  EXPECT_TRUE(events_of(events, "ActivityTaskTimedOut").empty());
}

TEST(SwfTimeouts, DecisionTaskStartToCloseReschedulesTheDecision) {
  Direct d;
  d.call("RegisterDomain", {{"name", "dd"}, {"workflowExecutionRetentionPeriodInDays", "1"}});
  d.call("RegisterWorkflowType", {{"domain", "dd"}, {"name", "wt"}, {"version", "1"}});
  Outcome start = d.call("StartWorkflowExecution", {{"domain", "dd"},
                                                    {"workflowId", "w"},
                                                    {"workflowType", {{"name", "wt"}, {"version", "1"}}},
                                                    {"taskList", {{"name", "decisions"}}},
                                                    {"executionStartToCloseTimeout", "600"},
                                                    {"taskStartToCloseTimeout", "30"},
                                                    {"childPolicy", "ABANDON"}});
  ASSERT_FALSE(start.is_error) << start.error_message;
  std::string first = d.poll_decision("dd");
  ASSERT_FALSE(first.empty());
  d.clock().advance(31);
  Outcome late = d.call("RespondDecisionTaskCompleted", {{"taskToken", first}});
  EXPECT_EQ(late.error_name, "UnknownResourceFault");
  EXPECT_EQ(late.error_message, "Unknown decision task, scheduledEventId = 2");
  std::string second = d.poll_decision("dd");
  ASSERT_FALSE(second.empty());
  EXPECT_FALSE(d.call("RespondDecisionTaskCompleted", {{"taskToken", second}}).is_error);
  Json events = d.call("GetWorkflowExecutionHistory",
                       {{"domain", "dd"}, {"execution", {{"workflowId", "w"}, {"runId", start.output["runId"]}}}})
                    .output["events"];
  auto timed_out = events_of(events, "DecisionTaskTimedOut");
  ASSERT_EQ(timed_out.size(), 1u);
  EXPECT_EQ(timed_out[0]["decisionTaskTimedOutEventAttributes"]["timeoutType"], "START_TO_CLOSE");
  EXPECT_EQ(events_of(events, "DecisionTaskScheduled").size(), 2u);
  EXPECT_EQ(events_of(events, "DecisionTaskCompleted").size(), 1u);
}
