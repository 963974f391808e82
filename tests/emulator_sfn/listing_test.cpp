// ListActivities, ListStateMachines and ListExecutions over real HTTP: page sizes, tokens (last page has
// none; invalid, foreign and expired tokens answer InvalidToken), order stable across pages and under
// concurrent creation, filters, not-found and malformed answers, and every answer's output shape.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "tests/emulator_sfn/expect.h"

using namespace conform::emulator;
using namespace conform::emulator::sfn_test;
using Json = conform::spec::Json;

namespace {

struct Listed {
  std::vector<std::string> arns;          // every item's ARN, in answer order
  std::vector<size_t> page_sizes;
  std::vector<std::string> tokens;        // nextToken of each page but the last
  bool last_page_had_token = false;
};

// Pages through `op` with `input` + maxResults, collecting `arn_member` of each item of `items`.
Listed list_all(Served& s, const std::string& op, Json input, const char* items, const char* arn_member,
                int max_results) {
  Listed out;
  input["maxResults"] = max_results;
  for (int page = 0; page < 1000; ++page) {
    Reply r = s.call(op, input);
    expect_ok(r, op);
    if (r.status != 200) break;
    out.page_sizes.push_back(r.body[items].size());
    for (const Json& item : r.body[items]) out.arns.push_back(item[arn_member]);
    if (!r.body.contains("nextToken")) break;
    out.tokens.push_back(r.body["nextToken"]);
    input["nextToken"] = r.body["nextToken"];
  }
  return out;
}

std::vector<std::string> create_activities(Served& s, const std::vector<std::string>& names) {
  std::vector<std::string> arns;
  for (const auto& n : names) arns.push_back(s.call("CreateActivity", {{"name", n}}).body.value("activityArn", ""));
  return arns;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace

TEST(SfnListing, ActivitiesPageThroughEveryItemOnceInArnOrder) {
  Served s;
  ASSERT_TRUE(s.ok());
  auto arns = create_activities(s, {"g", "c", "a", "f", "b", "e", "d"});
  Listed l = list_all(s, "ListActivities", Json::object(), "activities", "activityArn", 3);
  EXPECT_EQ(l.page_sizes, (std::vector<size_t>{3, 3, 1}));
  EXPECT_EQ(l.arns, sorted(arns));
  EXPECT_EQ(l.tokens.size(), 2u);

  Reply first = s.call("ListActivities", {{"maxResults", 3}});
  ASSERT_EQ(first.status, 200);
  const Json& a = first.body["activities"][0];
  EXPECT_EQ(a["name"], "a");
  EXPECT_TRUE(a["creationDate"].is_number());
  // The same token gives the same page again.
  Reply again = s.call("ListActivities", {{"maxResults", 3}, {"nextToken", l.tokens[0]}});
  Reply again2 = s.call("ListActivities", {{"maxResults", 3}, {"nextToken", l.tokens[0]}});
  EXPECT_EQ(again.body["activities"], again2.body["activities"]);
  EXPECT_EQ(again.body["activities"][0]["activityArn"], l.arns[3]);
}

TEST(SfnListing, PageSizeFitsExactlyLeavesNoTokenOnTheLastPage) {
  Served s;
  ASSERT_TRUE(s.ok());
  create_activities(s, {"a", "b", "c", "d"});
  Listed l = list_all(s, "ListActivities", Json::object(), "activities", "activityArn", 2);
  EXPECT_EQ(l.page_sizes, (std::vector<size_t>{2, 2}));
  Reply all = s.call("ListActivities", {{"maxResults", 4}});
  EXPECT_EQ(all.body["activities"].size(), 4u);
  EXPECT_FALSE(all.body.contains("nextToken"));
  Served empty;
  ASSERT_TRUE(empty.ok());
  Reply none = empty.call("ListActivities", Json::object());
  expect_ok(none, "ListActivities");
  EXPECT_EQ(none.body["activities"], Json::array());
  EXPECT_FALSE(none.body.contains("nextToken"));
}

TEST(SfnListing, MaxResultsZeroOrAbsentMeansOneHundred) {
  Served s;
  ASSERT_TRUE(s.ok());
  std::vector<std::string> names;
  for (int i = 0; i < 101; ++i) names.push_back("act-" + std::to_string(1000 + i));
  create_activities(s, names);
  for (Json input : {Json::object(), Json{{"maxResults", 0}}}) {
    Reply r = s.call("ListActivities", input);
    expect_ok(r, "ListActivities");
    EXPECT_EQ(r.body["activities"].size(), 100u);
    ASSERT_TRUE(r.body.contains("nextToken"));
    input["nextToken"] = r.body["nextToken"];
    Reply rest = s.call("ListActivities", input);
    EXPECT_EQ(rest.body["activities"].size(), 1u);
    EXPECT_FALSE(rest.body.contains("nextToken"));
  }
  Reply big = s.call("ListActivities", {{"maxResults", 1000}});
  EXPECT_EQ(big.body["activities"].size(), 101u);
  // maxResults above 1000 is a constraint violation.
  expect_error(s.call("ListActivities", {{"maxResults", 1001}}), "ValidationException");
}

TEST(SfnListing, ItemsCreatedOrDeletedBetweenPagesNeverRepeatOrSkipOthers) {
  Served s;
  ASSERT_TRUE(s.ok());
  auto arns = create_activities(s, {"b", "d", "f", "h"});
  Reply first = s.call("ListActivities", {{"maxResults", 2}});
  ASSERT_TRUE(first.body.contains("nextToken"));
  create_activities(s, {"a", "c"});                             // sort before the cursor
  s.call("DeleteActivity", {{"activityArn", arns[1]}});         // "d": already listed
  Reply second = s.call("ListActivities", {{"maxResults", 2}, {"nextToken", first.body["nextToken"]}});
  expect_ok(second, "ListActivities");
  ASSERT_EQ(second.body["activities"].size(), 2u);
  EXPECT_EQ(second.body["activities"][0]["name"], "f");
  EXPECT_EQ(second.body["activities"][1]["name"], "h");
  EXPECT_FALSE(second.body.contains("nextToken"));
}

TEST(SfnListing, InvalidForeignAndExpiredTokensAreInvalidToken) {
  Served s;
  ASSERT_TRUE(s.ok());
  create_activities(s, {"a", "b", "c"});
  std::string act = s.call("CreateActivity", {{"name", "z"}}).body["activityArn"];
  for (const char* n : {"m1", "m2", "m3"}) create_machine(s, n, task_definition(act));
  Reply acts = s.call("ListActivities", {{"maxResults", 1}});
  Reply machines = s.call("ListStateMachines", {{"maxResults", 1}});
  ASSERT_TRUE(acts.body.contains("nextToken"));
  ASSERT_TRUE(machines.body.contains("nextToken"));
  std::string token = acts.body["nextToken"];

  expect_error(s.call("ListActivities", {{"nextToken", "not-a-token"}}), "InvalidToken");
  expect_error(s.call("ListActivities", {{"nextToken", machines.body["nextToken"]}}), "InvalidToken");
  expect_error(s.call("ListStateMachines", {{"nextToken", token}}), "InvalidToken");
  std::string tampered = token;
  tampered[tampered.size() / 2] = tampered[tampered.size() / 2] == 'A' ? 'B' : 'A';
  expect_error(s.call("ListActivities", {{"nextToken", tampered}}), "InvalidToken");
  expect_error(s.call("ListActivities", {{"nextToken", std::string(1025, 'x')}}), "ValidationException");

  s.clock().advance(24 * 3600 - 1);
  EXPECT_EQ(s.call("ListActivities", {{"nextToken", token}}).status, 200);
  s.clock().advance(2);
  expect_error(s.call("ListActivities", {{"nextToken", token}}), "InvalidToken");
}

TEST(SfnListing, StateMachinesPageInArnOrderWithTheirType) {
  Served s;
  ASSERT_TRUE(s.ok());
  std::string act = s.call("CreateActivity", {{"name", "act"}}).body["activityArn"];
  const std::string pass = R"({"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}})";
  std::vector<std::string> arns = {create_machine(s, "sm-c", task_definition(act)),
                                   create_machine(s, "sm-a", pass, "EXPRESS"),
                                   create_machine(s, "sm-b", task_definition(act))};
  Listed l = list_all(s, "ListStateMachines", Json::object(), "stateMachines", "stateMachineArn", 2);
  EXPECT_EQ(l.page_sizes, (std::vector<size_t>{2, 1}));
  EXPECT_EQ(l.arns, sorted(arns));
  Reply r = s.call("ListStateMachines", Json::object());
  expect_ok(r, "ListStateMachines");
  ASSERT_EQ(r.body["stateMachines"].size(), 3u);
  EXPECT_EQ(r.body["stateMachines"][0]["name"], "sm-a");
  EXPECT_EQ(r.body["stateMachines"][0]["type"], "EXPRESS");
  EXPECT_EQ(r.body["stateMachines"][1]["type"], "STANDARD");
  EXPECT_TRUE(r.body["stateMachines"][1]["creationDate"].is_number());
}

TEST(SfnListing, ExecutionsMostRecentFirstFilteredByMachineAndStatus) {
  Served s;
  ASSERT_TRUE(s.ok());
  std::string act = s.call("CreateActivity", {{"name", "act"}}).body["activityArn"];
  std::string m = create_machine(s, "sm", task_definition(act));
  std::string other = create_machine(s, "other", task_definition(act));
  std::vector<std::string> execs;
  for (int i = 0; i < 5; ++i) {
    execs.push_back(start(s, m, "ex-" + std::to_string(i)));
    if (i % 2 == 0) s.clock().advance(1);  // some share a startDate: start order breaks the tie
  }
  start(s, other, "elsewhere");
  ASSERT_EQ(s.call("StopExecution", {{"executionArn", execs[1]}}).status, 200);
  ASSERT_EQ(s.call("StopExecution", {{"executionArn", execs[3]}}).status, 200);

  std::vector<std::string> newest_first(execs.rbegin(), execs.rend());
  Listed l = list_all(s, "ListExecutions", {{"stateMachineArn", m}}, "executions", "executionArn", 2);
  EXPECT_EQ(l.page_sizes, (std::vector<size_t>{2, 2, 1}));
  EXPECT_EQ(l.arns, newest_first);

  Listed aborted = list_all(s, "ListExecutions", {{"stateMachineArn", m}, {"statusFilter", "ABORTED"}}, "executions",
                            "executionArn", 1);
  EXPECT_EQ(aborted.arns, (std::vector<std::string>{execs[3], execs[1]}));
  Listed running = list_all(s, "ListExecutions", {{"stateMachineArn", m}, {"statusFilter", "RUNNING"}}, "executions",
                            "executionArn", 10);
  EXPECT_EQ(running.arns, (std::vector<std::string>{execs[4], execs[2], execs[0]}));
  EXPECT_TRUE(list_all(s, "ListExecutions", {{"stateMachineArn", m}, {"statusFilter", "SUCCEEDED"}}, "executions",
                       "executionArn", 10).arns.empty());
  EXPECT_TRUE(list_all(s, "ListExecutions", {{"stateMachineArn", m}, {"redriveFilter", "REDRIVEN"}}, "executions",
                       "executionArn", 10).arns.empty());

  Reply r = s.call("ListExecutions", {{"stateMachineArn", m}, {"statusFilter", "ABORTED"}});
  expect_ok(r, "ListExecutions");
  const Json& item = r.body["executions"][0];
  EXPECT_EQ(item["name"], "ex-3");
  EXPECT_EQ(item["stateMachineArn"], m);
  EXPECT_EQ(item["status"], "ABORTED");
  EXPECT_TRUE(item["startDate"].is_number());
  EXPECT_TRUE(item["stopDate"].is_number());
  EXPECT_FALSE(r.body["executions"].empty());
  Reply run = s.call("ListExecutions", {{"stateMachineArn", m}, {"statusFilter", "RUNNING"}});
  EXPECT_FALSE(run.body["executions"][0].contains("stopDate"));
}

TEST(SfnListing, ExecutionTokensAreBoundToTheirFilters) {
  Served s;
  ASSERT_TRUE(s.ok());
  std::string act = s.call("CreateActivity", {{"name", "act"}}).body["activityArn"];
  std::string m = create_machine(s, "sm", task_definition(act));
  std::string other = create_machine(s, "other", task_definition(act));
  for (int i = 0; i < 3; ++i) {
    start(s, m, "ex-" + std::to_string(i));
    start(s, other, "o-" + std::to_string(i));
  }
  Reply running = s.call("ListExecutions", {{"stateMachineArn", m}, {"statusFilter", "RUNNING"}, {"maxResults", 1}});
  ASSERT_TRUE(running.body.contains("nextToken"));
  Json token = running.body["nextToken"];
  EXPECT_EQ(s.call("ListExecutions", {{"stateMachineArn", m}, {"statusFilter", "RUNNING"}, {"nextToken", token}}).status,
            200);
  expect_error(s.call("ListExecutions", {{"stateMachineArn", m}, {"nextToken", token}}), "InvalidToken");
  expect_error(s.call("ListExecutions", {{"stateMachineArn", other}, {"statusFilter", "RUNNING"}, {"nextToken", token}}),
               "InvalidToken");
}

TEST(SfnListing, ExecutionsOfUnknownMalformedExpressOrMapRunTargets) {
  Served s;
  ASSERT_TRUE(s.ok());
  const std::string unknown = kArnPrefix + "stateMachine:nobody";
  expect_error(s.call("ListExecutions", {{"stateMachineArn", unknown}}), "StateMachineDoesNotExist",
               "State Machine Does Not Exist: '" + unknown + "'");
  expect_error(s.call("ListExecutions", {{"stateMachineArn", "not-an-arn"}}), "InvalidArn",
               "Invalid Arn: 'Invalid ARN prefix: not-an-arn'");
  expect_error(s.call("ListExecutions", {{"stateMachineArn", kArnPrefix + "activity:a"}}), "InvalidArn",
               "Invalid Arn: 'Resource type not valid in this context: activity'");
  std::string express = create_machine(s, "fast", R"({"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}})", "EXPRESS");
  expect_error(s.call("ListExecutions", {{"stateMachineArn", express}}), "StateMachineTypeNotSupported");

  const std::string map_run = kArnPrefix + "mapRun:sm/label:0b5e7a1c-1234-4d7e-9f00-5c1d2e3f4a5b";
  Reply r = s.call("ListExecutions", {{"mapRunArn", map_run}});
  expect_error(r, "ResourceNotFound", "Resource Not Found: '" + map_run + "'");
  EXPECT_EQ(r.body["resourceName"], map_run);
  expect_error(s.call("ListExecutions", {{"mapRunArn", kArnPrefix + "mapRun:no-label:x"}}), "InvalidArn");
  expect_error(s.call("ListExecutions", {{"mapRunArn", "not-an-arn"}}), "InvalidArn");

  expect_error(s.call("ListExecutions", Json::object()), "ValidationException");
  expect_error(s.call("ListExecutions", {{"stateMachineArn", "not-an-arn"}, {"mapRunArn", map_run}}), "InvalidArn");
  expect_error(s.call("ListExecutions", {{"stateMachineArn", express}, {"mapRunArn", map_run}}), "ValidationException");
  expect_error(s.call("ListExecutions", {{"stateMachineArn", express}, {"statusFilter", "PENDING_REDRIVE"}}),
               "ValidationException");
}
