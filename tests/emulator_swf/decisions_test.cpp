// RespondDecisionTaskCompleted: invalid decision lists apply nothing and leave the token usable;
// semantic failures become *Failed events; closing decisions; re-completing a decision task.
#include <gtest/gtest.h>

#include "tests/emulator_swf/swf_direct.h"

using namespace conform::emulator;
using swf_test::Direct;
using swf_test::events_of;

namespace {

struct Started {
  Direct::Live l;
  std::string decision;
};

// Domain, types (via the walk's helpers), a started execution and its started first decision task.
Started started_workflow(Direct& d, const std::string& tag) {
  Started s;
  s.l.domain = "dom-" + tag;
  s.l.workflow_id = "wf-" + tag;
  d.call("RegisterDomain", {{"name", s.l.domain}, {"workflowExecutionRetentionPeriodInDays", "1"}});
  d.call("RegisterWorkflowType", {{"domain", s.l.domain}, {"name", "wt"}, {"version", "1"},
                                  {"defaultTaskList", {{"name", "decisions"}}},
                                  {"defaultExecutionStartToCloseTimeout", "3600"},
                                  {"defaultTaskStartToCloseTimeout", "NONE"},
                                  {"defaultChildPolicy", "TERMINATE"}});
  d.call("RegisterActivityType", {{"domain", s.l.domain}, {"name", "at"}, {"version", "1"},
                                  {"defaultTaskList", {{"name", "activities"}}},
                                  {"defaultTaskStartToCloseTimeout", "NONE"},
                                  {"defaultTaskScheduleToStartTimeout", "NONE"},
                                  {"defaultTaskScheduleToCloseTimeout", "NONE"}});
  d.call("RegisterActivityType", {{"domain", s.l.domain}, {"name", "bare"}, {"version", "1"}});
  s.l.run_id = d.call("StartWorkflowExecution", {{"domain", s.l.domain}, {"workflowId", s.l.workflow_id},
                                                 {"workflowType", {{"name", "wt"}, {"version", "1"}}}})
                   .output.value("runId", "");
  s.decision = d.poll_decision(s.l.domain);
  return s;
}

Json schedule(const std::string& type, const std::string& id) {
  return {{"decisionType", "ScheduleActivityTask"},
          {"scheduleActivityTaskDecisionAttributes", {{"activityType", {{"name", type}, {"version", "1"}}}, {"activityId", id}}}};
}
Json complete() { return {{"decisionType", "CompleteWorkflowExecution"}, {"completeWorkflowExecutionDecisionAttributes", Json::object()}}; }

Outcome respond(Direct& d, const std::string& token, Json decisions) {
  return d.call("RespondDecisionTaskCompleted", {{"taskToken", token}, {"decisions", std::move(decisions)}});
}

}  // namespace

TEST(SwfDecisions, CloseNotLastIsRejectedAndNothingApplied) {
  Direct d;
  auto s = started_workflow(d, "close");
  Json before = d.history(s.l);
  Outcome bad = respond(d, s.decision, Json::array({complete(), schedule("at", "a1")}));
  EXPECT_TRUE(bad.is_error);
  EXPECT_EQ(bad.error_name, "ValidationException");
  EXPECT_EQ(bad.error_message, "Close must be last decision in list");
  EXPECT_EQ(d.history(s.l), before);
  // The token is still usable.
  Outcome good = respond(d, s.decision, Json::array({schedule("at", "a1"), complete()}));
  EXPECT_FALSE(good.is_error) << good.error_message;
  Json events = d.history(s.l);
  EXPECT_EQ(events_of(events, "ActivityTaskScheduled").size(), 1u);
  EXPECT_EQ(events.back()["eventType"], "WorkflowExecutionCompleted");
}

TEST(SwfDecisions, MissingAttributesAreRejectedAndNothingApplied) {
  Direct d;
  auto s = started_workflow(d, "attrs");
  Json before = d.history(s.l);
  Outcome bad = respond(d, s.decision, Json::array({schedule("at", "a1"), {{"decisionType", "ScheduleActivityTask"}}}));
  EXPECT_EQ(bad.error_name, "ValidationException");
  EXPECT_EQ(bad.error_message,
            "1 validation error detected: Value null at 'decisions.2.member.scheduleActivityTaskDecisionAttributes' "
            "failed to satisfy constraint: Member must not be null");
  EXPECT_EQ(d.history(s.l), before);
  EXPECT_FALSE(respond(d, s.decision, Json::array()).is_error);
}

TEST(SwfDecisions, SemanticFailuresAreRecordedAndScheduleADecision) {
  Direct d;
  auto s = started_workflow(d, "sem");
  Json decisions = Json::array({schedule("nope", "a1"), schedule("bare", "a2"), schedule("at", "a3"),
                                schedule("at", "a3"),
                                {{"decisionType", "RequestCancelActivityTask"},
                                 {"requestCancelActivityTaskDecisionAttributes", {{"activityId", "zzz"}}}}});
  ASSERT_FALSE(respond(d, s.decision, decisions).is_error);
  Json events = d.history(s.l);
  auto failed = events_of(events, "ScheduleActivityTaskFailed");
  ASSERT_EQ(failed.size(), 3u);
  EXPECT_EQ(failed[0]["scheduleActivityTaskFailedEventAttributes"]["cause"], "ACTIVITY_TYPE_DOES_NOT_EXIST");
  EXPECT_EQ(failed[1]["scheduleActivityTaskFailedEventAttributes"]["cause"], "DEFAULT_TASK_LIST_UNDEFINED");
  EXPECT_EQ(failed[2]["scheduleActivityTaskFailedEventAttributes"]["cause"], "ACTIVITY_ID_ALREADY_IN_USE");
  EXPECT_EQ(failed[0]["scheduleActivityTaskFailedEventAttributes"]["decisionTaskCompletedEventId"], 4);
  auto cancel_failed = events_of(events, "RequestCancelActivityTaskFailed");
  ASSERT_EQ(cancel_failed.size(), 1u);
  EXPECT_EQ(cancel_failed[0]["requestCancelActivityTaskFailedEventAttributes"]["cause"], "ACTIVITY_ID_UNKNOWN");
  EXPECT_EQ(events_of(events, "ActivityTaskScheduled").size(), 1u);
  EXPECT_EQ(events.back()["eventType"], "DecisionTaskScheduled");
}

TEST(SwfDecisions, CancelOfAQueuedActivityCancelsItAtOnce) {
  Direct d;
  auto s = started_workflow(d, "qcancel");
  ASSERT_FALSE(respond(d, s.decision, Json::array({schedule("at", "a1"), {{"decisionType", "RequestCancelActivityTask"},
                                                   {"requestCancelActivityTaskDecisionAttributes", {{"activityId", "a1"}}}}}))
                   .is_error);
  Json events = d.history(s.l);
  ASSERT_EQ(events_of(events, "ActivityTaskCanceled").size(), 1u);
  Outcome poll = d.call("PollForActivityTask", {{"domain", s.l.domain}, {"taskList", {{"name", "activities"}}}});
  EXPECT_EQ(poll.output["taskToken"], "");
}

TEST(SwfDecisions, RecompletingADecisionTaskIsUnknown) {
  Direct d;
  auto s = started_workflow(d, "again");
  ASSERT_FALSE(respond(d, s.decision, Json::array({schedule("at", "a1")})).is_error);
  Outcome again = respond(d, s.decision, Json::array());
  EXPECT_EQ(again.error_name, "UnknownResourceFault");
  EXPECT_EQ(again.error_message, "Unknown decision task, scheduledEventId = 2");
}

TEST(SwfDecisions, CompleteWithUnhandledEventsFailsAndReschedules) {
  Direct d;
  auto s = started_workflow(d, "unhandled");
  ASSERT_FALSE(respond(d, s.decision, Json::array({schedule("at", "a1"), schedule("at", "a2")})).is_error);
  Json tl = {{"name", "activities"}};
  std::string t1 = d.call("PollForActivityTask", {{"domain", s.l.domain}, {"taskList", tl}}).output["taskToken"];
  std::string t2 = d.call("PollForActivityTask", {{"domain", s.l.domain}, {"taskList", tl}}).output["taskToken"];
  ASSERT_FALSE(d.call("RespondActivityTaskCompleted", {{"taskToken", t1}}).is_error);
  std::string decision = d.poll_decision(s.l.domain);
  ASSERT_FALSE(decision.empty());
  // a2 completes while the decider holds the task: the decider has not seen it.
  ASSERT_FALSE(d.call("RespondActivityTaskCompleted", {{"taskToken", t2}}).is_error);
  ASSERT_FALSE(respond(d, decision, Json::array({complete()})).is_error);
  Json events = d.history(s.l);
  ASSERT_EQ(events_of(events, "CompleteWorkflowExecutionFailed").size(), 1u);
  EXPECT_EQ(events_of(events, "CompleteWorkflowExecutionFailed")[0]["completeWorkflowExecutionFailedEventAttributes"]["cause"],
            "UNHANDLED_DECISION");
  EXPECT_EQ(events.back()["eventType"], "DecisionTaskScheduled");
  std::string next = d.poll_decision(s.l.domain);
  ASSERT_FALSE(next.empty());
  ASSERT_FALSE(respond(d, next, Json::array({complete()})).is_error);
  EXPECT_EQ(d.history(s.l).back()["eventType"], "WorkflowExecutionCompleted");
}

TEST(SwfDecisions, DecisionTaskCarriesTheHistoryAndPages) {
  Direct d;
  auto s = started_workflow(d, "pages");
  ASSERT_FALSE(respond(d, s.decision, Json::array({schedule("at", "a1")})).is_error);
  Json full = d.history(s.l);
  ASSERT_EQ(full.size(), 5u);
  Json collected = Json::array();
  Json input = {{"domain", s.l.domain}, {"execution", s.l.execution()}, {"maximumPageSize", 2}};
  for (int i = 0; i < 10; ++i) {
    Outcome page = d.call("GetWorkflowExecutionHistory", input);
    ASSERT_FALSE(page.is_error) << page.error_message;
    for (const Json& e : page.output["events"]) collected.push_back(e);
    if (!page.output.contains("nextPageToken")) break;
    input["nextPageToken"] = page.output["nextPageToken"];
  }
  EXPECT_EQ(collected, full);
  Outcome reversed = d.call("GetWorkflowExecutionHistory",
                            {{"domain", s.l.domain}, {"execution", s.l.execution()}, {"reverseOrder", true}});
  EXPECT_EQ(reversed.output["events"][0], full.back());
  Outcome bad = d.call("GetWorkflowExecutionHistory",
                       {{"domain", s.l.domain}, {"execution", s.l.execution()}, {"nextPageToken", "nope"}});
  EXPECT_TRUE(bad.is_error);
}
