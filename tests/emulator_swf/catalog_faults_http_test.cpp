// The planted faults of the listing and type operations over HTTP, each against a clean server:
// swf-pagination-never-ends (the last page hands out a token that leads back to the first page) and
// swf-describe-type-ignores-deprecation (Describe{Activity,Workflow}Type say REGISTERED after a
// deprecation), and nothing else changes.
#include <gtest/gtest.h>

#include "tests/emulator_swf/output_shape.h"
#include "tests/emulator_swf/swf_direct.h"
#include "tests/emulator_swf/swf_seed.h"

using namespace conform::emulator;
using namespace conform::emulator::swf_test;

namespace {

struct Followed {
  std::vector<std::string> names;  // every name handed out, in order
  size_t pages = 0;
  bool ended = false;              // a page without nextPageToken was reached
};

// Follows ListDomains tokens for at most `max_pages` pages.
Followed follow(SwfClient& c, size_t max_pages) {
  Followed f;
  Json request = {{"registrationStatus", "REGISTERED"}, {"maximumPageSize", 2}};
  while (f.pages < max_pages) {
    HttpAnswer a = c.call("ListDomains", request);
    EXPECT_EQ(output_problems("ListDomains", a), std::vector<std::string>{});
    ++f.pages;
    for (const Json& d : a.body["domainInfos"]) f.names.push_back(d["name"]);
    if (!a.body.contains("nextPageToken")) {
      f.ended = true;
      break;
    }
    request["nextPageToken"] = a.body["nextPageToken"];
  }
  return f;
}

void register_domains(SwfClient& c) {
  for (const char* name : {"a", "b", "c"})
    ASSERT_EQ(c.call("RegisterDomain", {{"name", name}, {"workflowExecutionRetentionPeriodInDays", "1"}}).status, 200);
}

Json type_status(SwfClient& c, const std::string& op, const char* member, const Json& type) {
  return c.call(op, {{"domain", "d"}, {member, type}}).body["typeInfo"];
}

}  // namespace

TEST(SwfCatalogFaultsHttp, PaginationNeverEndsLeadsBackToTheFirstPage) {
  SwfServer clean_server;
  SwfServer faulty_server(with(Fault::SwfPaginationNeverEnds));
  SwfClient clean(clean_server.port()), faulty(faulty_server.port());
  register_domains(clean);
  register_domains(faulty);

  Followed ok = follow(clean, 10);
  EXPECT_TRUE(ok.ended);
  EXPECT_EQ(ok.pages, 2u);
  EXPECT_EQ(ok.names, (std::vector<std::string>{"a", "b", "c"}));

  Followed endless = follow(faulty, 10);
  EXPECT_FALSE(endless.ended);
  EXPECT_EQ(endless.pages, 10u);
  // The pages themselves are right; the last one's token starts over.
  ASSERT_GE(endless.names.size(), 5u);
  EXPECT_EQ(std::vector<std::string>(endless.names.begin(), endless.names.begin() + 5),
            (std::vector<std::string>{"a", "b", "c", "a", "b"}));
  // A single-page listing, and the other list operations, never end either.
  HttpAnswer one = faulty.call("ListDomains", {{"registrationStatus", "REGISTERED"}});
  EXPECT_EQ(one.body["domainInfos"].size(), 3u);
  EXPECT_TRUE(one.body.contains("nextPageToken"));
  Seed(faulty, "d").registered();
  for (const char* op : {"ListActivityTypes", "ListWorkflowTypes"})
    EXPECT_TRUE(faulty.call(op, {{"domain", "d"}, {"registrationStatus", "REGISTERED"}}).body.contains("nextPageToken")) << op;
  for (const char* op : {"ListOpenWorkflowExecutions", "ListClosedWorkflowExecutions"})
    EXPECT_TRUE(faulty.call(op, {{"domain", "d"}, {"startTimeFilter", {{"oldestDate", 0}}}}).body.contains("nextPageToken")) << op;
  // The history pages are not list operations: unaffected.
  std::string run = Seed(faulty, "d").start("w");
  HttpAnswer history = faulty.call("GetWorkflowExecutionHistory", {{"domain", "d"}, {"execution", {{"workflowId", "w"}, {"runId", run}}}});
  EXPECT_FALSE(history.body.contains("nextPageToken"));
}

TEST(SwfCatalogFaultsHttp, DescribeTypeIgnoresDeprecationOnlyInDescribe) {
  for (bool planted : {false, true}) {
    SCOPED_TRACE(planted ? "faulty" : "clean");
    SwfServer server(planted ? with(Fault::SwfDescribeTypeIgnoresDeprecation) : FaultSet{});
    SwfClient c(server.port());
    Seed s(c, "d");
    s.registered();
    Json at = {{"name", "at"}, {"version", "1"}};
    s.expect_ok("DeprecateActivityType", {{"domain", "d"}, {"activityType", at}});
    s.expect_ok("DeprecateWorkflowType", {{"domain", "d"}, {"workflowType", Seed::wt()}});

    Json activity = type_status(c, "DescribeActivityType", "activityType", at);
    Json workflow = type_status(c, "DescribeWorkflowType", "workflowType", Seed::wt());
    EXPECT_EQ(activity["status"], planted ? "REGISTERED" : "DEPRECATED");
    EXPECT_EQ(workflow["status"], planted ? "REGISTERED" : "DEPRECATED");
    EXPECT_EQ(activity.contains("deprecationDate"), !planted);
    // Everything else still knows the types are deprecated.
    for (const char* op : {"ListActivityTypes", "ListWorkflowTypes"})
      EXPECT_EQ(c.call(op, {{"domain", "d"}, {"registrationStatus", "DEPRECATED"}}).body["typeInfos"].size(), 1u) << op;
    EXPECT_EQ(c.call("DeprecateActivityType", {{"domain", "d"}, {"activityType", at}}).error_type(),
              fault_type("TypeDeprecatedFault"));
    EXPECT_EQ(c.call("StartWorkflowExecution", {{"domain", "d"}, {"workflowId", "w"}, {"workflowType", Seed::wt()}}).error_type(),
              fault_type("TypeDeprecatedFault"));
    // A registered type reads the same with and without the fault.
    s.expect_ok("UndeprecateActivityType", {{"domain", "d"}, {"activityType", at}});
    EXPECT_EQ(type_status(c, "DescribeActivityType", "activityType", at)["status"], "REGISTERED");
  }
}
