// CountPendingDecisionTasks and CountPendingActivityTasks over HTTP: the counts follow tasks as they are
// scheduled, taken by a poll, closed with their execution or timed out (the server's ManualClock).
#include <gtest/gtest.h>

#include "tests/emulator_swf/output_shape.h"
#include "tests/emulator_swf/swf_seed.h"

using namespace conform::emulator;
using namespace conform::emulator::swf_test;

namespace {

class SwfPendingCountsHttp : public SwfHttpTest {
 protected:
  int pending(const std::string& op, const std::string& list, const std::string& domain = "d") {
    HttpAnswer a = call(op, {{"domain", domain}, {"taskList", {{"name", list}}}});
    EXPECT_EQ(output_problems(op, a), std::vector<std::string>{});
    return a.body.value("count", -1);
  }
  int decisions() { return pending("CountPendingDecisionTasks", "decisions"); }
  int activities() { return pending("CountPendingActivityTasks", "activities"); }
  HttpAnswer poll_activity() {
    return call("PollForActivityTask", {{"domain", "d"}, {"taskList", {{"name", "activities"}}}});
  }
};

}  // namespace

TEST_F(SwfPendingCountsHttp, DecisionTasksCountedUntilTaken) {
  Seed s(client, "d");
  s.registered();
  EXPECT_EQ(decisions(), 0);
  s.start("w1");
  s.start("w2");
  EXPECT_EQ(decisions(), 2);
  std::string token = s.poll_decision();
  EXPECT_EQ(decisions(), 1);
  s.decide(token, Json::array());
  EXPECT_EQ(decisions(), 1);
  s.expect_ok("TerminateWorkflowExecution", {{"domain", "d"}, {"workflowId", "w2"}});
  EXPECT_EQ(decisions(), 0);
  s.expect_ok("SignalWorkflowExecution", {{"domain", "d"}, {"workflowId", "w1"}, {"signalName", "go"}});
  EXPECT_EQ(decisions(), 1);
  EXPECT_EQ(pending("CountPendingDecisionTasks", "never-used"), 0);
}

TEST_F(SwfPendingCountsHttp, ActivityTasksCountedUntilTakenOrTimedOut) {
  Seed s(client, "d");
  s.registered();
  s.start("w");
  s.decide(s.poll_decision(), Json::array({Seed::schedule("a1"), Seed::schedule("a2"), Seed::schedule("a3")}));
  EXPECT_EQ(activities(), 3);
  ASSERT_FALSE(poll_activity().body.value("taskToken", "").empty());
  EXPECT_EQ(activities(), 2);
  // A decider (woken by a signal) cancels a scheduled task: it is no longer pending.
  s.expect_ok("SignalWorkflowExecution", {{"domain", "d"}, {"workflowId", "w"}, {"signalName", "wake"}});
  s.decide(s.poll_decision(), Json::array({{{"decisionType", "RequestCancelActivityTask"},
                                            {"requestCancelActivityTaskDecisionAttributes", {{"activityId", "a2"}}}}}));
  EXPECT_EQ(activities(), 1);
  // One with a schedule-to-start timeout is counted until the timeout passes.
  Json with_timeout = Seed::schedule("a4");
  with_timeout["scheduleActivityTaskDecisionAttributes"]["scheduleToStartTimeout"] = "30";
  s.decide(s.poll_decision(), Json::array({with_timeout}));
  EXPECT_EQ(activities(), 2);
  server.clock().advance(31);
  EXPECT_EQ(activities(), 1);
  EXPECT_EQ(pending("CountPendingActivityTasks", "decisions"), 0);  // lists of the other kind are separate
}

TEST_F(SwfPendingCountsHttp, CountsArePerDomainAndAnswerUnknownDomains) {
  Seed a(client, "d"), b(client, "e");
  a.registered();
  b.registered();
  a.start("w");
  EXPECT_EQ(decisions(), 1);
  EXPECT_EQ(pending("CountPendingDecisionTasks", "decisions", "e"), 0);
  for (const char* op : {"CountPendingDecisionTasks", "CountPendingActivityTasks"}) {
    HttpAnswer unknown = call(op, {{"domain", "nope"}, {"taskList", {{"name", "decisions"}}}});
    EXPECT_EQ(unknown.error_type(), fault_type("UnknownResourceFault"));
    EXPECT_EQ(unknown.message(), "Unknown domain: nope");
    EXPECT_EQ(error_problems(op, unknown), std::vector<std::string>{});
  }
}
