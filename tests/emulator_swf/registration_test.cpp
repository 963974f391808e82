// Domains, types and execution starts: the SWF faults and their messages.
#include <gtest/gtest.h>

#include "tests/emulator_swf/swf_direct.h"

using namespace conform::emulator;
using swf_test::Direct;

namespace {
Json wt() { return {{"name", "wt"}, {"version", "1"}}; }
}  // namespace

TEST(SwfRegistration, DomainAndTypeFaults) {
  Direct d;
  Json domain = {{"name", "d"}, {"workflowExecutionRetentionPeriodInDays", "1"}};
  ASSERT_FALSE(d.call("RegisterDomain", domain).is_error);
  Outcome dup = d.call("RegisterDomain", domain);
  EXPECT_EQ(dup.error_name, "DomainAlreadyExistsFault");
  EXPECT_EQ(dup.error_message, "d");
  Outcome described = d.call("DescribeDomain", {{"name", "d"}});
  ASSERT_FALSE(described.is_error);
  EXPECT_EQ(described.output["domainInfo"]["name"], "d");
  EXPECT_EQ(described.output["domainInfo"]["status"], "REGISTERED");
  EXPECT_EQ(described.output["domainInfo"]["arn"], "arn:aws:swf:us-east-1:123456789012:/domain/d");
  EXPECT_EQ(described.output["configuration"]["workflowExecutionRetentionPeriodInDays"], "1");
  EXPECT_EQ(d.call("DescribeDomain", {{"name", "x"}}).error_name, "UnknownResourceFault");

  Outcome unknown = d.call("RegisterWorkflowType", {{"domain", "nope"}, {"name", "wt"}, {"version", "1"}});
  EXPECT_EQ(unknown.error_name, "UnknownResourceFault");
  EXPECT_EQ(unknown.error_message, "Unknown domain: nope");
  ASSERT_FALSE(d.call("RegisterWorkflowType", {{"domain", "d"}, {"name", "wt"}, {"version", "1"}}).is_error);
  Outcome dup_type = d.call("RegisterWorkflowType", {{"domain", "d"}, {"name", "wt"}, {"version", "1"}});
  EXPECT_EQ(dup_type.error_name, "TypeAlreadyExistsFault");
  EXPECT_EQ(dup_type.error_message, "WorkflowType=[name=wt, version=1]");
  ASSERT_FALSE(d.call("RegisterWorkflowType", {{"domain", "d"}, {"name", "wt"}, {"version", "2"}}).is_error);
  ASSERT_FALSE(d.call("RegisterActivityType", {{"domain", "d"}, {"name", "wt"}, {"version", "1"}}).is_error);
  EXPECT_EQ(d.call("RegisterActivityType", {{"domain", "d"}, {"name", "wt"}, {"version", "1"}}).error_message,
            "ActivityType=[name=wt, version=1]");
  Outcome bad_duration = d.call("RegisterActivityType",
                                {{"domain", "d"}, {"name", "x"}, {"version", "1"}, {"defaultTaskHeartbeatTimeout", "1.5"}});
  EXPECT_EQ(bad_duration.error_name, "ValidationException");
}

TEST(SwfRegistration, StartNeedsKnownDomainTypeAndDefaults) {
  Direct d;
  d.call("RegisterDomain", {{"name", "d"}, {"workflowExecutionRetentionPeriodInDays", "1"}});
  d.call("RegisterWorkflowType", {{"domain", "d"}, {"name", "wt"}, {"version", "1"}});
  Outcome no_domain = d.call("StartWorkflowExecution", {{"domain", "x"}, {"workflowId", "w"}, {"workflowType", wt()}});
  EXPECT_EQ(no_domain.error_name, "UnknownResourceFault");
  Outcome no_type = d.call("StartWorkflowExecution",
                           {{"domain", "d"}, {"workflowId", "w"}, {"workflowType", {{"name", "wt"}, {"version", "9"}}}});
  EXPECT_EQ(no_type.error_name, "UnknownResourceFault");
  EXPECT_EQ(no_type.error_message, "Unknown type: WorkflowType=[name=wt, version=9]");
  Outcome no_defaults = d.call("StartWorkflowExecution", {{"domain", "d"}, {"workflowId", "w"}, {"workflowType", wt()}});
  EXPECT_EQ(no_defaults.error_name, "DefaultUndefinedFault");
  Json full = {{"domain", "d"},
               {"workflowId", "w"},
               {"workflowType", wt()},
               {"taskList", {{"name", "l"}}},
               {"executionStartToCloseTimeout", "60"},
               {"taskStartToCloseTimeout", "NONE"},
               {"childPolicy", "TERMINATE"}};
  for (const char* m : {"taskList", "executionStartToCloseTimeout", "taskStartToCloseTimeout", "childPolicy"}) {
    Json partial = full;
    partial.erase(m);
    Outcome o = d.call("StartWorkflowExecution", partial);
    EXPECT_EQ(o.error_name, "DefaultUndefinedFault") << m;
  }
  Outcome started = d.call("StartWorkflowExecution", full);
  ASSERT_FALSE(started.is_error) << started.error_message;
  std::string run_id = started.output["runId"];
  EXPECT_GE(run_id.size(), 1u);
  EXPECT_LE(run_id.size(), 64u);
  Outcome dup = d.call("StartWorkflowExecution", full);
  EXPECT_EQ(dup.error_name, "WorkflowExecutionAlreadyStartedFault");
  EXPECT_EQ(dup.error_message, "");
  Outcome unknown_exec = d.call("GetWorkflowExecutionHistory",
                                {{"domain", "d"}, {"execution", {{"workflowId", "w"}, {"runId", "nope"}}}});
  EXPECT_EQ(unknown_exec.error_name, "UnknownResourceFault");
  EXPECT_EQ(unknown_exec.error_message, "Unknown execution: WorkflowExecution=[workflowId=w, runId=nope]");
}

TEST(SwfRegistration, PollsOnUnknownDomainsAndIdleLists) {
  Direct d;
  Outcome unknown = d.call("PollForActivityTask", {{"domain", "nope"}, {"taskList", {{"name", "l"}}}});
  EXPECT_EQ(unknown.error_name, "UnknownResourceFault");
  d.call("RegisterDomain", {{"name", "d"}, {"workflowExecutionRetentionPeriodInDays", "1"}});
  Outcome idle_activity = d.call("PollForActivityTask", {{"domain", "d"}, {"taskList", {{"name", "l"}}}});
  EXPECT_FALSE(idle_activity.is_error);
  EXPECT_EQ(idle_activity.output["taskToken"], "");
  Outcome idle_decision = d.call("PollForDecisionTask", {{"domain", "d"}, {"taskList", {{"name", "l"}}}});
  EXPECT_FALSE(idle_decision.is_error);
  EXPECT_EQ(idle_decision.output["taskToken"], "");
}
