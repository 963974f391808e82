// ListDomains, Describe{Activity,Workflow}Type and List{Activity,Workflow}Types over HTTP: answers in
// the spec's output shapes, the registration echoed as configuration, status and name filters, order,
// and the not-found answers.
#include <gtest/gtest.h>

#include "tests/emulator_swf/output_shape.h"
#include "tests/emulator_swf/swf_seed.h"

using namespace conform::emulator;
using namespace conform::emulator::swf_test;

namespace {

class SwfCatalogHttp : public SwfHttpTest {};

std::vector<std::string> names(const Json& infos, const char* type_member = nullptr) {
  std::vector<std::string> out;
  for (const Json& i : infos) {
    if (!type_member) out.push_back(i.value("name", ""));
    else out.push_back(i[type_member].value("name", "") + "/" + i[type_member].value("version", ""));
  }
  return out;
}

void expect_unknown(const HttpAnswer& a, const std::string& op, const std::string& message) {
  EXPECT_EQ(a.error_type(), fault_type("UnknownResourceFault")) << a.raw;
  EXPECT_EQ(a.message(), message);
  EXPECT_EQ(error_problems(op, a), std::vector<std::string>{});
}

}  // namespace

TEST_F(SwfCatalogHttp, ListDomainsByStatusInNameOrder) {
  for (const char* name : {"charlie", "alpha", "bravo"}) Seed(client, name).expect_ok("RegisterDomain", {{"name", name}, {"workflowExecutionRetentionPeriodInDays", "3"}, {"description", "d"}});
  Seed(client, "x").expect_ok("DeprecateDomain", {{"name", "bravo"}});

  HttpAnswer registered = call("ListDomains", {{"registrationStatus", "REGISTERED"}});
  EXPECT_EQ(output_problems("ListDomains", registered), std::vector<std::string>{});
  EXPECT_EQ(names(registered.body["domainInfos"]), (std::vector<std::string>{"alpha", "charlie"}));
  EXPECT_FALSE(registered.body.contains("nextPageToken"));
  const Json& alpha = registered.body["domainInfos"][0];
  EXPECT_EQ(alpha["status"], "REGISTERED");
  EXPECT_EQ(alpha["description"], "d");
  EXPECT_EQ(alpha["arn"], "arn:aws:swf:us-east-1:123456789012:/domain/alpha");

  HttpAnswer reversed = call("ListDomains", {{"registrationStatus", "REGISTERED"}, {"reverseOrder", true}});
  EXPECT_EQ(names(reversed.body["domainInfos"]), (std::vector<std::string>{"charlie", "alpha"}));

  HttpAnswer deprecated = call("ListDomains", {{"registrationStatus", "DEPRECATED"}});
  EXPECT_EQ(output_problems("ListDomains", deprecated), std::vector<std::string>{});
  ASSERT_EQ(names(deprecated.body["domainInfos"]), std::vector<std::string>{"bravo"});
  EXPECT_EQ(deprecated.body["domainInfos"][0]["status"], "DEPRECATED");
}

TEST_F(SwfCatalogHttp, ListDomainsWithNoneAnswersAnEmptyList) {
  HttpAnswer a = call("ListDomains", {{"registrationStatus", "REGISTERED"}});
  EXPECT_EQ(output_problems("ListDomains", a), std::vector<std::string>{});
  EXPECT_EQ(a.body["domainInfos"], Json::array());
  EXPECT_FALSE(a.body.contains("nextPageToken"));
}

TEST_F(SwfCatalogHttp, DescribeActivityTypeEchoesTheRegistration) {
  Seed s(client, "d");
  s.expect_ok("RegisterDomain", {{"name", "d"}, {"workflowExecutionRetentionPeriodInDays", "1"}});
  double registered_at = server.clock().now();
  s.expect_ok("RegisterActivityType", {{"domain", "d"}, {"name", "at"}, {"version", "2"}, {"description", "what it does"},
                                       {"defaultTaskList", {{"name", "l"}}}, {"defaultTaskPriority", "7"},
                                       {"defaultTaskStartToCloseTimeout", "30"}, {"defaultTaskHeartbeatTimeout", "NONE"}});
  HttpAnswer a = call("DescribeActivityType", {{"domain", "d"}, {"activityType", {{"name", "at"}, {"version", "2"}}}});
  EXPECT_EQ(output_problems("DescribeActivityType", a), std::vector<std::string>{});
  const Json& info = a.body["typeInfo"];
  EXPECT_EQ(info["activityType"], (Json{{"name", "at"}, {"version", "2"}}));
  EXPECT_EQ(info["status"], "REGISTERED");
  EXPECT_EQ(info["description"], "what it does");
  EXPECT_DOUBLE_EQ(info["creationDate"].get<double>(), registered_at);
  EXPECT_FALSE(info.contains("deprecationDate"));
  EXPECT_EQ(a.body["configuration"],
            (Json{{"defaultTaskStartToCloseTimeout", "30"}, {"defaultTaskHeartbeatTimeout", "NONE"},
                  {"defaultTaskList", {{"name", "l"}}}, {"defaultTaskPriority", "7"}}));
}

TEST_F(SwfCatalogHttp, DescribeWorkflowTypeEchoesTheRegistration) {
  Seed(client, "d").registered();
  HttpAnswer a = call("DescribeWorkflowType", {{"domain", "d"}, {"workflowType", Seed::wt()}});
  EXPECT_EQ(output_problems("DescribeWorkflowType", a), std::vector<std::string>{});
  EXPECT_EQ(a.body["typeInfo"]["workflowType"], Seed::wt());
  EXPECT_EQ(a.body["typeInfo"]["status"], "REGISTERED");
  EXPECT_EQ(a.body["configuration"],
            (Json{{"defaultTaskStartToCloseTimeout", "NONE"}, {"defaultExecutionStartToCloseTimeout", "3600"},
                  {"defaultTaskList", {{"name", "decisions"}}}, {"defaultChildPolicy", "TERMINATE"}}));
}

TEST_F(SwfCatalogHttp, DescribeAndListAnswerUnknownDomainsAndTypes) {
  Seed(client, "d").registered();
  expect_unknown(call("DescribeActivityType", {{"domain", "nope"}, {"activityType", {{"name", "at"}, {"version", "1"}}}}),
                 "DescribeActivityType", "Unknown domain: nope");
  expect_unknown(call("DescribeActivityType", {{"domain", "d"}, {"activityType", {{"name", "at"}, {"version", "9"}}}}),
                 "DescribeActivityType", "Unknown type: ActivityType=[name=at, version=9]");
  expect_unknown(call("DescribeWorkflowType", {{"domain", "d"}, {"workflowType", {{"name", "x"}, {"version", "1"}}}}),
                 "DescribeWorkflowType", "Unknown type: WorkflowType=[name=x, version=1]");
  expect_unknown(call("ListActivityTypes", {{"domain", "nope"}, {"registrationStatus", "REGISTERED"}}),
                 "ListActivityTypes", "Unknown domain: nope");
  expect_unknown(call("ListWorkflowTypes", {{"domain", "nope"}, {"registrationStatus", "REGISTERED"}}),
                 "ListWorkflowTypes", "Unknown domain: nope");
}

TEST_F(SwfCatalogHttp, ListTypesFiltersByNameAndStatusInNameVersionOrder) {
  Seed s(client, "d");
  s.registered();
  for (const char* v : {"2", "1b", "10"}) s.expect_ok("RegisterActivityType", {{"domain", "d"}, {"name", "at"}, {"version", v}});
  s.expect_ok("RegisterActivityType", {{"domain", "d"}, {"name", "aa"}, {"version", "1"}});
  Seed other(client, "other");  // its types never appear in d's lists
  other.registered();
  other.expect_ok("RegisterActivityType", {{"domain", "other"}, {"name", "zz"}, {"version", "1"}});
  s.expect_ok("DeprecateActivityType", {{"domain", "d"}, {"activityType", {{"name", "at"}, {"version", "2"}}}});

  HttpAnswer all = call("ListActivityTypes", {{"domain", "d"}, {"registrationStatus", "REGISTERED"}});
  EXPECT_EQ(output_problems("ListActivityTypes", all), std::vector<std::string>{});
  EXPECT_EQ(names(all.body["typeInfos"], "activityType"), (std::vector<std::string>{"aa/1", "at/1", "at/10", "at/1b"}));
  HttpAnswer named = call("ListActivityTypes", {{"domain", "d"}, {"name", "at"}, {"registrationStatus", "REGISTERED"},
                                                {"reverseOrder", true}});
  EXPECT_EQ(names(named.body["typeInfos"], "activityType"), (std::vector<std::string>{"at/1b", "at/10", "at/1"}));
  HttpAnswer deprecated = call("ListActivityTypes", {{"domain", "d"}, {"registrationStatus", "DEPRECATED"}});
  EXPECT_EQ(output_problems("ListActivityTypes", deprecated), std::vector<std::string>{});
  ASSERT_EQ(names(deprecated.body["typeInfos"], "activityType"), std::vector<std::string>{"at/2"});
  EXPECT_EQ(deprecated.body["typeInfos"][0]["status"], "DEPRECATED");
  EXPECT_TRUE(deprecated.body["typeInfos"][0]["deprecationDate"].is_number());

  HttpAnswer workflows = call("ListWorkflowTypes", {{"domain", "d"}, {"registrationStatus", "REGISTERED"}});
  EXPECT_EQ(output_problems("ListWorkflowTypes", workflows), std::vector<std::string>{});
  EXPECT_EQ(names(workflows.body["typeInfos"], "workflowType"), std::vector<std::string>{"wt/1"});
  EXPECT_EQ(call("ListWorkflowTypes", {{"domain", "d"}, {"name", "none"}, {"registrationStatus", "REGISTERED"}})
                .body["typeInfos"],
            Json::array());
}
