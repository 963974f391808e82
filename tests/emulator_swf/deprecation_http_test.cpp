// Deprecate/Undeprecate of domains and types and Delete{Activity,Workflow}Type over HTTP: the status
// each read shows afterwards, the already-in-that-state faults, what a deprecated domain or type no
// longer allows (starts, registrations, scheduling), and that only deprecated types can be deleted.
#include <gtest/gtest.h>

#include "tests/emulator_swf/output_shape.h"
#include "tests/emulator_swf/swf_seed.h"

using namespace conform::emulator;
using namespace conform::emulator::swf_test;

namespace {

class SwfDeprecationHttp : public SwfHttpTest {};

Json at() { return {{"name", "at"}, {"version", "1"}}; }

void expect_fault(const HttpAnswer& a, const std::string& op, const std::string& fault, const std::string& message) {
  EXPECT_EQ(a.error_type(), fault_type(fault)) << op << ": " << a.raw;
  EXPECT_EQ(a.message(), message) << op;
  EXPECT_EQ(error_problems(op, a), std::vector<std::string>{});
}

}  // namespace

TEST_F(SwfDeprecationHttp, DeprecatedActivityTypeIsDescribedListedAndUndeprecated) {
  Seed s(client, "d");
  s.registered();
  server.clock().advance(5);
  double deprecated_at = server.clock().now();
  HttpAnswer deprecate = call("DeprecateActivityType", {{"domain", "d"}, {"activityType", at()}});
  EXPECT_EQ(output_problems("DeprecateActivityType", deprecate), std::vector<std::string>{});

  HttpAnswer described = call("DescribeActivityType", {{"domain", "d"}, {"activityType", at()}});
  EXPECT_EQ(output_problems("DescribeActivityType", described), std::vector<std::string>{});
  EXPECT_EQ(described.body["typeInfo"]["status"], "DEPRECATED");
  EXPECT_DOUBLE_EQ(described.body["typeInfo"]["deprecationDate"].get<double>(), deprecated_at);
  expect_fault(call("DeprecateActivityType", {{"domain", "d"}, {"activityType", at()}}), "DeprecateActivityType",
               "TypeDeprecatedFault", "ActivityType=[name=at, version=1]");

  EXPECT_EQ(output_problems("UndeprecateActivityType", call("UndeprecateActivityType", {{"domain", "d"}, {"activityType", at()}})),
            std::vector<std::string>{});
  HttpAnswer again = call("DescribeActivityType", {{"domain", "d"}, {"activityType", at()}});
  EXPECT_EQ(again.body["typeInfo"]["status"], "REGISTERED");
  EXPECT_FALSE(again.body["typeInfo"].contains("deprecationDate"));
  expect_fault(call("UndeprecateActivityType", {{"domain", "d"}, {"activityType", at()}}), "UndeprecateActivityType",
               "TypeAlreadyExistsFault", "ActivityType=[name=at, version=1]");
}

TEST_F(SwfDeprecationHttp, DeprecatedWorkflowTypeCannotStartExecutionsButOpenOnesRun) {
  Seed s(client, "d");
  s.registered();
  std::string run = s.start("before");
  s.expect_ok("DeprecateWorkflowType", {{"domain", "d"}, {"workflowType", Seed::wt()}});
  EXPECT_EQ(call("DescribeWorkflowType", {{"domain", "d"}, {"workflowType", Seed::wt()}}).body["typeInfo"]["status"],
            "DEPRECATED");
  expect_fault(call("StartWorkflowExecution", {{"domain", "d"}, {"workflowId", "after"}, {"workflowType", Seed::wt()}}),
               "StartWorkflowExecution", "TypeDeprecatedFault", "WorkflowType=[name=wt, version=1]");
  expect_fault(call("DeprecateWorkflowType", {{"domain", "d"}, {"workflowType", Seed::wt()}}), "DeprecateWorkflowType",
               "TypeDeprecatedFault", "WorkflowType=[name=wt, version=1]");
  // The execution started before goes on: its decision task is still handed out and completes it.
  std::string token = s.poll_decision();
  ASSERT_FALSE(token.empty());
  s.decide(token, Json::array({Seed::complete()}));
  HttpAnswer described = call("DescribeWorkflowExecution", {{"domain", "d"}, {"execution", {{"workflowId", "before"}, {"runId", run}}}});
  EXPECT_EQ(described.body["executionInfo"]["closeStatus"], "COMPLETED");

  s.expect_ok("UndeprecateWorkflowType", {{"domain", "d"}, {"workflowType", Seed::wt()}});
  s.start("after");
  expect_fault(call("UndeprecateWorkflowType", {{"domain", "d"}, {"workflowType", Seed::wt()}}), "UndeprecateWorkflowType",
               "TypeAlreadyExistsFault", "WorkflowType=[name=wt, version=1]");
}

TEST_F(SwfDeprecationHttp, ScheduleActivityTaskOfADeprecatedTypeFails) {
  Seed s(client, "d");
  s.registered();
  std::string run = s.start("w");
  s.expect_ok("DeprecateActivityType", {{"domain", "d"}, {"activityType", at()}});
  s.decide(s.poll_decision(), Json::array({Seed::schedule("a1")}));
  EXPECT_EQ(call("CountPendingActivityTasks", {{"domain", "d"}, {"taskList", {{"name", "activities"}}}}).body["count"], 0);
  HttpAnswer history = call("GetWorkflowExecutionHistory", {{"domain", "d"}, {"execution", {{"workflowId", "w"}, {"runId", run}}}});
  const Json& last = history.body["events"].back();
  ASSERT_EQ(history.body["events"].size(), 6u) << history.raw;
  const Json& failed = history.body["events"][4];
  EXPECT_EQ(failed["eventType"], "ScheduleActivityTaskFailed");
  EXPECT_EQ(failed["scheduleActivityTaskFailedEventAttributes"]["cause"], "ACTIVITY_TYPE_DEPRECATED");
  EXPECT_EQ(last["eventType"], "DecisionTaskScheduled");  // the failure asks the decider again
}

TEST_F(SwfDeprecationHttp, DeprecatedDomainDeprecatesItsTypesAndRefusesNewOnes) {
  Seed s(client, "d");
  s.registered();
  s.start("open-before");
  HttpAnswer deprecate = call("DeprecateDomain", {{"name", "d"}});
  EXPECT_EQ(output_problems("DeprecateDomain", deprecate), std::vector<std::string>{});
  EXPECT_EQ(call("DescribeDomain", {{"name", "d"}}).body["domainInfo"]["status"], "DEPRECATED");
  expect_fault(call("DeprecateDomain", {{"name", "d"}}), "DeprecateDomain", "DomainDeprecatedFault", "d");
  for (const char* op : {"ListActivityTypes", "ListWorkflowTypes"}) {
    EXPECT_EQ(call(op, {{"domain", "d"}, {"registrationStatus", "REGISTERED"}}).body["typeInfos"], Json::array()) << op;
    EXPECT_EQ(call(op, {{"domain", "d"}, {"registrationStatus", "DEPRECATED"}}).body["typeInfos"].size(), 1u) << op;
  }
  expect_fault(call("StartWorkflowExecution", {{"domain", "d"}, {"workflowId", "new"}, {"workflowType", Seed::wt()}}),
               "StartWorkflowExecution", "TypeDeprecatedFault", "WorkflowType=[name=wt, version=1]");
  expect_fault(call("RegisterActivityType", {{"domain", "d"}, {"name", "new"}, {"version", "1"}}), "RegisterActivityType",
               "UnknownResourceFault", "Unknown domain: d");
  expect_fault(call("RegisterWorkflowType", {{"domain", "d"}, {"name", "new"}, {"version", "1"}}), "RegisterWorkflowType",
               "UnknownResourceFault", "Unknown domain: d");
  // Visibility still works on a deprecated domain, and its open execution still runs.
  EXPECT_EQ(call("CountOpenWorkflowExecutions", {{"domain", "d"}, {"startTimeFilter", {{"oldestDate", 0}}}}).body["count"], 1);
  EXPECT_FALSE(s.poll_decision().empty());

  EXPECT_EQ(output_problems("UndeprecateDomain", call("UndeprecateDomain", {{"name", "d"}})), std::vector<std::string>{});
  EXPECT_EQ(call("DescribeDomain", {{"name", "d"}}).body["domainInfo"]["status"], "REGISTERED");
  expect_fault(call("UndeprecateDomain", {{"name", "d"}}), "UndeprecateDomain", "DomainAlreadyExistsFault", "d");
  s.expect_ok("RegisterActivityType", {{"domain", "d"}, {"name", "new"}, {"version", "1"}});
}

TEST_F(SwfDeprecationHttp, UnknownDomainsAndTypes) {
  Seed(client, "d").registered();
  for (const char* op : {"DeprecateDomain", "UndeprecateDomain"})
    expect_fault(call(op, {{"name", "nope"}}), op, "UnknownResourceFault", "Unknown domain: nope");
  for (const char* op : {"DeprecateActivityType", "UndeprecateActivityType", "DeleteActivityType"}) {
    expect_fault(call(op, {{"domain", "nope"}, {"activityType", at()}}), op, "UnknownResourceFault", "Unknown domain: nope");
    expect_fault(call(op, {{"domain", "d"}, {"activityType", {{"name", "at"}, {"version", "2"}}}}), op,
                 "UnknownResourceFault", "Unknown type: ActivityType=[name=at, version=2]");
  }
  for (const char* op : {"DeprecateWorkflowType", "UndeprecateWorkflowType", "DeleteWorkflowType"})
    expect_fault(call(op, {{"domain", "d"}, {"workflowType", {{"name", "x"}, {"version", "1"}}}}), op,
                 "UnknownResourceFault", "Unknown type: WorkflowType=[name=x, version=1]");
}

TEST_F(SwfDeprecationHttp, OnlyDeprecatedTypesAreDeleted) {
  Seed s(client, "d");
  s.registered();
  expect_fault(call("DeleteActivityType", {{"domain", "d"}, {"activityType", at()}}), "DeleteActivityType",
               "TypeNotDeprecatedFault", "ActivityType=[name=at, version=1]");
  expect_fault(call("DeleteWorkflowType", {{"domain", "d"}, {"workflowType", Seed::wt()}}), "DeleteWorkflowType",
               "TypeNotDeprecatedFault", "WorkflowType=[name=wt, version=1]");
  EXPECT_EQ(call("DescribeActivityType", {{"domain", "d"}, {"activityType", at()}}).status, 200);

  s.expect_ok("DeprecateActivityType", {{"domain", "d"}, {"activityType", at()}});
  HttpAnswer deleted = call("DeleteActivityType", {{"domain", "d"}, {"activityType", at()}});
  EXPECT_EQ(output_problems("DeleteActivityType", deleted), std::vector<std::string>{});
  expect_fault(call("DescribeActivityType", {{"domain", "d"}, {"activityType", at()}}), "DescribeActivityType",
               "UnknownResourceFault", "Unknown type: ActivityType=[name=at, version=1]");
  EXPECT_EQ(call("ListActivityTypes", {{"domain", "d"}, {"registrationStatus", "DEPRECATED"}}).body["typeInfos"], Json::array());
  // The name and version can be registered again.
  s.expect_ok("RegisterActivityType", {{"domain", "d"}, {"name", "at"}, {"version", "1"}});

  s.expect_ok("DeprecateWorkflowType", {{"domain", "d"}, {"workflowType", Seed::wt()}});
  s.expect_ok("DeleteWorkflowType", {{"domain", "d"}, {"workflowType", Seed::wt()}});
  expect_fault(call("StartWorkflowExecution", {{"domain", "d"}, {"workflowId", "w"}, {"workflowType", Seed::wt()}}),
               "StartWorkflowExecution", "UnknownResourceFault", "Unknown type: WorkflowType=[name=wt, version=1]");
}
