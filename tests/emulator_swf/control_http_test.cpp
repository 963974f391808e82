// TerminateWorkflowExecution, RequestCancelWorkflowExecution and SignalWorkflowExecution over HTTP:
// the documented history events, the state each leaves (closed / cancel requested / a decision task),
// runId optional, and UnknownResourceFault for closed or unknown executions.
#include <gtest/gtest.h>

#include "tests/emulator_swf/output_shape.h"
#include "tests/emulator_swf/swf_seed.h"

using namespace conform::emulator;
using namespace conform::emulator::swf_test;

namespace {

class SwfControlHttp : public SwfHttpTest {
 protected:
  Json history(const std::string& workflow_id, const std::string& run_id) {
    HttpAnswer h = call("GetWorkflowExecutionHistory",
                        {{"domain", "d"}, {"execution", {{"workflowId", workflow_id}, {"runId", run_id}}}});
    EXPECT_EQ(h.status, 200) << h.raw;
    return h.body.value("events", Json::array());
  }
  Json info(const std::string& workflow_id, const std::string& run_id) {
    HttpAnswer a = call("DescribeWorkflowExecution",
                        {{"domain", "d"}, {"execution", {{"workflowId", workflow_id}, {"runId", run_id}}}});
    return a.body.value("executionInfo", Json::object());
  }
  void expect_unknown(const std::string& op, const Json& in, const std::string& message) {
    HttpAnswer a = call(op, in);
    EXPECT_EQ(a.error_type(), fault_type("UnknownResourceFault")) << op << ": " << a.raw;
    EXPECT_EQ(a.message(), message) << op;
    EXPECT_EQ(error_problems(op, a), std::vector<std::string>{});
  }
  Seed s{client, "d"};
};

const Json& last(const Json& events) { return events.back(); }

}  // namespace

TEST_F(SwfControlHttp, TerminateRecordsTheEventClosesTheExecutionAndItsTasks) {
  s.registered();
  std::string run = s.start("w", {}, {{"childPolicy", "ABANDON"}});
  s.decide(s.poll_decision(), Json::array({Seed::schedule("a1")}));
  HttpAnswer task = call("PollForActivityTask", {{"domain", "d"}, {"taskList", {{"name", "activities"}}}});
  std::string token = task.body.value("taskToken", "");
  ASSERT_FALSE(token.empty());

  server.clock().advance(2);
  HttpAnswer t = call("TerminateWorkflowExecution",
                      {{"domain", "d"}, {"workflowId", "w"}, {"runId", run}, {"reason", "stop"}, {"details", "why"}});
  EXPECT_EQ(output_problems("TerminateWorkflowExecution", t), std::vector<std::string>{});
  Json events = history("w", run);
  EXPECT_EQ(last(events)["eventType"], "WorkflowExecutionTerminated");
  EXPECT_EQ(last(events)["workflowExecutionTerminatedEventAttributes"],
            (Json{{"reason", "stop"}, {"details", "why"}, {"childPolicy", "ABANDON"}}));
  Json i = info("w", run);
  EXPECT_EQ(i["executionStatus"], "CLOSED");
  EXPECT_EQ(i["closeStatus"], "TERMINATED");
  EXPECT_DOUBLE_EQ(i["closeTimestamp"].get<double>(), last(events)["eventTimestamp"].get<double>());
  // The activity task closed with it; a second terminate finds no open execution.
  EXPECT_EQ(call("RespondActivityTaskCompleted", {{"taskToken", token}}).error_type(), fault_type("UnknownResourceFault"));
  expect_unknown("TerminateWorkflowExecution", {{"domain", "d"}, {"workflowId", "w"}, {"runId", run}},
                 "Unknown execution: WorkflowExecution=[workflowId=w, runId=" + run + "]");
  expect_unknown("TerminateWorkflowExecution", {{"domain", "d"}, {"workflowId", "w"}}, "Unknown execution, workflowId = w");
  EXPECT_EQ(history("w", run).size(), events.size());
}

TEST_F(SwfControlHttp, TerminateWithoutRunIdTakesTheOpenRunAndItsChildPolicyByDefault) {
  s.registered();
  std::string first = s.start("w");
  s.expect_ok("TerminateWorkflowExecution", {{"domain", "d"}, {"workflowId", "w"}});
  std::string second = s.start("w");  // the workflowId is free again
  ASSERT_NE(first, second);
  s.expect_ok("TerminateWorkflowExecution", {{"domain", "d"}, {"workflowId", "w"}, {"childPolicy", "REQUEST_CANCEL"}});
  EXPECT_EQ(last(history("w", first))["workflowExecutionTerminatedEventAttributes"], (Json{{"childPolicy", "TERMINATE"}}));
  EXPECT_EQ(last(history("w", second))["workflowExecutionTerminatedEventAttributes"],
            (Json{{"childPolicy", "REQUEST_CANCEL"}}));
}

TEST_F(SwfControlHttp, RequestCancelRecordsTheEventAndAsksTheDecider) {
  s.registered();
  std::string run = s.start("w");
  s.decide(s.poll_decision(), Json::array());
  HttpAnswer r = call("RequestCancelWorkflowExecution", {{"domain", "d"}, {"workflowId", "w"}, {"runId", run}});
  EXPECT_EQ(output_problems("RequestCancelWorkflowExecution", r), std::vector<std::string>{});
  Json events = history("w", run);
  ASSERT_GE(events.size(), 2u);
  EXPECT_EQ(events[events.size() - 2]["eventType"], "WorkflowExecutionCancelRequested");
  EXPECT_EQ(last(events)["eventType"], "DecisionTaskScheduled");
  Json i = info("w", run);
  EXPECT_EQ(i["executionStatus"], "OPEN");
  EXPECT_EQ(i["cancelRequested"], true);
  // The decider sees the request and cancels the execution.
  HttpAnswer decision = call("PollForDecisionTask", {{"domain", "d"}, {"taskList", {{"name", "decisions"}}}});
  bool seen = false;
  for (const Json& e : decision.body["events"]) seen |= e["eventType"] == "WorkflowExecutionCancelRequested";
  EXPECT_TRUE(seen);
  s.decide(decision.body.value("taskToken", ""), Json::array({{{"decisionType", "CancelWorkflowExecution"}}}));
  EXPECT_EQ(info("w", run)["closeStatus"], "CANCELED");
  expect_unknown("RequestCancelWorkflowExecution", {{"domain", "d"}, {"workflowId", "w"}}, "Unknown execution, workflowId = w");
}

TEST_F(SwfControlHttp, SignalRecordsNameAndInputAndSchedulesADecisionTask) {
  s.registered();
  std::string run = s.start("w");
  std::string token = s.poll_decision();
  // Signalled while the decision task is started: the next decision task follows its completion.
  HttpAnswer sig = call("SignalWorkflowExecution", {{"domain", "d"}, {"workflowId", "w"}, {"signalName", "go"}, {"input", "payload"}});
  EXPECT_EQ(output_problems("SignalWorkflowExecution", sig), std::vector<std::string>{});
  Json events = history("w", run);
  EXPECT_EQ(last(events)["eventType"], "WorkflowExecutionSignaled");
  EXPECT_EQ(last(events)["workflowExecutionSignaledEventAttributes"], (Json{{"signalName", "go"}, {"input", "payload"}}));
  s.decide(token, Json::array());
  EXPECT_EQ(last(history("w", run))["eventType"], "DecisionTaskScheduled");
  s.expect_ok("SignalWorkflowExecution", {{"domain", "d"}, {"workflowId", "w"}, {"runId", run}, {"signalName", "again"}});
  EXPECT_EQ(last(history("w", run))["eventType"], "WorkflowExecutionSignaled");  // one decision task at a time

  s.expect_ok("TerminateWorkflowExecution", {{"domain", "d"}, {"workflowId", "w"}});
  expect_unknown("SignalWorkflowExecution", {{"domain", "d"}, {"workflowId", "w"}, {"signalName", "late"}},
                 "Unknown execution, workflowId = w");
  expect_unknown("SignalWorkflowExecution", {{"domain", "d"}, {"workflowId", "w"}, {"runId", run}, {"signalName", "late"}},
                 "Unknown execution: WorkflowExecution=[workflowId=w, runId=" + run + "]");
  expect_unknown("SignalWorkflowExecution", {{"domain", "x"}, {"workflowId", "w"}, {"signalName", "late"}},
                 "Unknown domain: x");
}
