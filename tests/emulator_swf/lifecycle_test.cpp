// The swf backend in-process: the activityTask walk, closing an activity task (failed, completed,
// canceled), closed and unknown tokens, heartbeats and cancel requests, and the history they leave.
#include <gtest/gtest.h>

#include "emulator/core/ids.h"
#include "tests/emulator_swf/swf_direct.h"

using namespace conform::emulator;
using swf_test::Direct;
using swf_test::events_of;

namespace {

void expect_error(const Outcome& o, const std::string& name, const std::string& message) {
  EXPECT_TRUE(o.is_error) << o.output.dump();
  EXPECT_EQ(o.error_name, name);
  EXPECT_EQ(o.error_message, message);
}

std::vector<std::string> types(const Json& events) {
  std::vector<std::string> out;
  for (const Json& e : events) out.push_back(e.value("eventType", ""));
  return out;
}

}  // namespace

TEST(SwfLifecycle, WalkGivesAStartedActivityTask) {
  Direct d;
  auto l = d.live_activity("walk");
  ASSERT_FALSE(l.token.empty());
  EXPECT_TRUE(Ids::is_well_formed_token(l.token, "swf-activity"));
  EXPECT_EQ(l.scheduled_id, 5);
  EXPECT_EQ(l.started_id, 6);
  Json events = d.history(l);
  EXPECT_EQ(types(events),
            (std::vector<std::string>{"WorkflowExecutionStarted", "DecisionTaskScheduled", "DecisionTaskStarted",
                                      "DecisionTaskCompleted", "ActivityTaskScheduled", "ActivityTaskStarted"}));
  for (size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(events[i]["eventId"], static_cast<int64_t>(i + 1));
    EXPECT_TRUE(events[i]["eventTimestamp"].is_number());
  }
  const Json& scheduled = events[4]["activityTaskScheduledEventAttributes"];
  EXPECT_EQ(scheduled["activityId"], "act-1");
  EXPECT_EQ(scheduled["decisionTaskCompletedEventId"], 4);
  EXPECT_EQ(scheduled["taskList"]["name"], "activities");
  EXPECT_EQ(scheduled["startToCloseTimeout"], "NONE");
  EXPECT_EQ(events[5]["activityTaskStartedEventAttributes"]["scheduledEventId"], 5);
  EXPECT_EQ(events[0]["workflowExecutionStartedEventAttributes"]["input"], "wf-input");
  // The one activity task was handed out: the list is empty now.
  Outcome again = d.call("PollForActivityTask", {{"domain", l.domain}, {"taskList", {{"name", "activities"}}}});
  EXPECT_FALSE(again.is_error);
  EXPECT_EQ(again.output["taskToken"], "");
}

TEST(SwfLifecycle, FailRecordsOneEventThenEveryCloseIsUnknownActivity) {
  Direct d;
  auto l = d.live_activity("fail");
  Outcome first = d.call("RespondActivityTaskFailed", {{"taskToken", l.token}, {"reason", "R"}, {"details", "D"}});
  ASSERT_FALSE(first.is_error) << first.error_message;
  EXPECT_TRUE(first.output.empty());
  Json after_first = d.history(l);
  const std::string unknown = "Unknown activity, scheduledEventId = 5";
  expect_error(d.call("RespondActivityTaskFailed", {{"taskToken", l.token}, {"reason", "R2"}}), "UnknownResourceFault",
               unknown);
  expect_error(d.call("RespondActivityTaskCompleted", {{"taskToken", l.token}, {"result", "x"}}),
               "UnknownResourceFault", unknown);
  expect_error(d.call("RespondActivityTaskCanceled", {{"taskToken", l.token}}), "UnknownResourceFault", unknown);
  expect_error(d.call("RecordActivityTaskHeartbeat", {{"taskToken", l.token}}), "UnknownResourceFault", unknown);
  Json events = d.history(l);
  EXPECT_EQ(events, after_first);  // nothing recorded by the rejected calls
  auto failed = events_of(events, "ActivityTaskFailed");
  ASSERT_EQ(failed.size(), 1u);
  const Json& attrs = failed[0]["activityTaskFailedEventAttributes"];
  EXPECT_EQ(attrs["reason"], "R");
  EXPECT_EQ(attrs["details"], "D");
  EXPECT_EQ(attrs["scheduledEventId"], 5);
  EXPECT_EQ(attrs["startedEventId"], 6);
  EXPECT_EQ(events.back()["eventType"], "DecisionTaskScheduled");  // the decider is told
}

TEST(SwfLifecycle, FailWithoutReasonOrDetailsLeavesTheKeysAbsent) {
  Direct d;
  auto l = d.live_activity("bare");
  ASSERT_FALSE(d.call("RespondActivityTaskFailed", {{"taskToken", l.token}}).is_error);
  auto failed = events_of(d.history(l), "ActivityTaskFailed");
  ASSERT_EQ(failed.size(), 1u);
  const Json& attrs = failed[0]["activityTaskFailedEventAttributes"];
  EXPECT_FALSE(attrs.contains("reason"));
  EXPECT_FALSE(attrs.contains("details"));
}

TEST(SwfLifecycle, CompleteRecordsResultAndClosesTheTask) {
  Direct d;
  auto l = d.live_activity("complete");
  ASSERT_FALSE(d.call("RespondActivityTaskCompleted", {{"taskToken", l.token}, {"result", "done"}}).is_error);
  expect_error(d.call("RespondActivityTaskFailed", {{"taskToken", l.token}}), "UnknownResourceFault",
               "Unknown activity, scheduledEventId = 5");
  auto completed = events_of(d.history(l), "ActivityTaskCompleted");
  ASSERT_EQ(completed.size(), 1u);
  EXPECT_EQ(completed[0]["activityTaskCompletedEventAttributes"]["result"], "done");
}

TEST(SwfLifecycle, CanceledRecordsDetails) {
  Direct d;
  auto l = d.live_activity("cancel");
  ASSERT_FALSE(d.call("RespondActivityTaskCanceled", {{"taskToken", l.token}, {"details", "why"}}).is_error);
  auto canceled = events_of(d.history(l), "ActivityTaskCanceled");
  ASSERT_EQ(canceled.size(), 1u);
  EXPECT_EQ(canceled[0]["activityTaskCanceledEventAttributes"]["details"], "why");
  expect_error(d.call("RecordActivityTaskHeartbeat", {{"taskToken", l.token}}), "UnknownResourceFault",
               "Unknown activity, scheduledEventId = 5");
}

TEST(SwfLifecycle, UnknownTokensAreUnknownResource) {
  Direct d;
  auto l = d.live_activity("garbage");
  Ids other(99);
  for (const std::string& token : {std::string("garbage"), other.task_token("swf-activity")}) {
    Outcome o = d.call("RespondActivityTaskFailed", {{"taskToken", token}});
    EXPECT_TRUE(o.is_error);
    EXPECT_EQ(o.error_name, "UnknownResourceFault");
  }
  // A decision token is not an activity token.
  Outcome wrong_kind = d.call("RecordActivityTaskHeartbeat", {{"taskToken", std::string(50, 'A')}});
  EXPECT_EQ(wrong_kind.error_name, "UnknownResourceFault");
  EXPECT_EQ(events_of(d.history(l), "ActivityTaskFailed").size(), 0u);
}

TEST(SwfLifecycle, HeartbeatRecordsNoEventAndReportsNoCancel) {
  Direct d;
  auto l = d.live_activity("hb");
  Outcome beat = d.call("RecordActivityTaskHeartbeat", {{"taskToken", l.token}, {"details", "50%"}});
  ASSERT_FALSE(beat.is_error);
  EXPECT_EQ(beat.output, Json({{"cancelRequested", false}}));
  EXPECT_EQ(d.history(l).size(), 6u);
}

namespace {

Json decisions(Json list) { return list; }

Json schedule(const std::string& activity_id) {
  return {{"decisionType", "ScheduleActivityTask"},
          {"scheduleActivityTaskDecisionAttributes",
           {{"activityType", {{"name", "at"}, {"version", "1"}}}, {"activityId", activity_id}}}};
}

// After the walk: act-1 completed, act-2 running (returned token), act-3 completed, and a started
// decision task (returned token) that the test answers.
struct Busy {
  std::string act2_token, decision_token;
};

Busy running_act2_with_decision(Direct& d, const Direct::Live& l) {
  Busy b;
  EXPECT_FALSE(d.call("RespondActivityTaskCompleted", {{"taskToken", l.token}}).is_error);
  std::string decision = d.poll_decision(l.domain);
  EXPECT_FALSE(d.call("RespondDecisionTaskCompleted",
                      {{"taskToken", decision}, {"decisions", decisions(Json::array({schedule("act-2"), schedule("act-3")}))}})
                   .is_error);
  Json tl = {{"name", "activities"}};
  Outcome t2 = d.call("PollForActivityTask", {{"domain", l.domain}, {"taskList", tl}});
  Outcome t3 = d.call("PollForActivityTask", {{"domain", l.domain}, {"taskList", tl}});
  EXPECT_EQ(t2.output["activityId"], "act-2");
  b.act2_token = t2.output.value("taskToken", "");
  EXPECT_FALSE(d.call("RespondActivityTaskCompleted", {{"taskToken", t3.output.value("taskToken", "")}}).is_error);
  b.decision_token = d.poll_decision(l.domain);
  EXPECT_FALSE(b.decision_token.empty());
  return b;
}

}  // namespace

TEST(SwfLifecycle, RequestCancelActivityTaskSetsCancelRequested) {
  Direct d;
  auto l = d.live_activity("rc");
  Busy b = running_act2_with_decision(d, l);
  Json cancel = {{"decisionType", "RequestCancelActivityTask"},
                 {"requestCancelActivityTaskDecisionAttributes", {{"activityId", "act-2"}}}};
  ASSERT_FALSE(d.call("RespondDecisionTaskCompleted", {{"taskToken", b.decision_token}, {"decisions", Json::array({cancel})}})
                   .is_error);
  Outcome beat = d.call("RecordActivityTaskHeartbeat", {{"taskToken", b.act2_token}});
  ASSERT_FALSE(beat.is_error);
  EXPECT_EQ(beat.output, Json({{"cancelRequested", true}}));
  ASSERT_FALSE(d.call("RespondActivityTaskCanceled", {{"taskToken", b.act2_token}, {"details", "ok"}}).is_error);
  Json events = d.history(l);
  auto requested = events_of(events, "ActivityTaskCancelRequested");
  ASSERT_EQ(requested.size(), 1u);
  EXPECT_EQ(requested[0]["activityTaskCancelRequestedEventAttributes"]["activityId"], "act-2");
  auto canceled = events_of(events, "ActivityTaskCanceled");
  ASSERT_EQ(canceled.size(), 1u);
  EXPECT_EQ(canceled[0]["activityTaskCanceledEventAttributes"]["latestCancelRequestedEventId"], requested[0]["eventId"]);
  EXPECT_EQ(canceled[0]["activityTaskCanceledEventAttributes"]["details"], "ok");
}

TEST(SwfLifecycle, ClosingTheWorkflowClosesItsActivityTasks) {
  Direct d;
  auto l = d.live_activity("wfclose");
  Busy b = running_act2_with_decision(d, l);
  Json fail = {{"decisionType", "FailWorkflowExecution"},
               {"failWorkflowExecutionDecisionAttributes", {{"reason", "gave up"}}}};
  ASSERT_FALSE(
      d.call("RespondDecisionTaskCompleted", {{"taskToken", b.decision_token}, {"decisions", Json::array({fail})}}).is_error);
  Json events = d.history(l);
  EXPECT_EQ(events.back()["eventType"], "WorkflowExecutionFailed");
  EXPECT_EQ(events.back()["workflowExecutionFailedEventAttributes"]["reason"], "gave up");
  EXPECT_FALSE(events.back()["workflowExecutionFailedEventAttributes"].contains("details"));
  int64_t act2_scheduled = events_of(events, "ActivityTaskScheduled")[1]["eventId"];
  expect_error(d.call("RespondActivityTaskCompleted", {{"taskToken", b.act2_token}}), "UnknownResourceFault",
               "Unknown activity, scheduledEventId = " + std::to_string(act2_scheduled));
  EXPECT_EQ(d.history(l), events);
  // The same workflow id may start again once the first run closed.
  Outcome again = d.call("StartWorkflowExecution", {{"domain", l.domain},
                                                    {"workflowId", l.workflow_id},
                                                    {"workflowType", {{"name", "wt"}, {"version", "1"}}}});
  ASSERT_FALSE(again.is_error);
  EXPECT_NE(again.output["runId"], l.run_id);
}
