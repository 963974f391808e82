// Pagination of the SWF list operations over HTTP: maximumPageSize (0 or absent = 1000), a token on
// every page but the last, tokens that lead through every item once in order (also reversed, also
// when items are added between pages), and invalid tokens: garbage, another listing's, another
// operation's.
#include <gtest/gtest.h>

#include <set>

#include "tests/emulator_swf/output_shape.h"
#include "tests/emulator_swf/swf_seed.h"

using namespace conform::emulator;
using namespace conform::emulator::swf_test;

namespace {

class SwfPaginationHttp : public SwfHttpTest {
 protected:
  void domains(int n) {
    for (int i = 0; i < n; ++i) {
      char name[16];
      std::snprintf(name, sizeof name, "dom-%04d", i);
      ASSERT_EQ(call("RegisterDomain", {{"name", name}, {"workflowExecutionRetentionPeriodInDays", "1"}}).status, 200);
    }
  }

  // Follows the tokens from `request`; answers the names of each page (at most `max_pages` pages).
  std::vector<std::vector<std::string>> pages(const std::string& op, Json request, const char* list,
                                              const char* name_member, size_t max_pages = 50) {
    std::vector<std::vector<std::string>> out;
    for (size_t i = 0; i < max_pages; ++i) {
      HttpAnswer a = call(op, request);
      EXPECT_EQ(output_problems(op, a), std::vector<std::string>{});
      std::vector<std::string> names;
      for (const Json& item : a.body[list]) names.push_back(item_name(item, name_member));
      out.push_back(names);
      if (!a.body.contains("nextPageToken")) return out;
      request["nextPageToken"] = a.body["nextPageToken"];
    }
    return out;
  }

  static std::string item_name(const Json& item, const char* name_member) {
    const Json& v = item[name_member];
    return v.is_object() ? v.value("workflowId", v.value("name", "")) + v.value("version", "") : v.get<std::string>();
  }

  static Json list_domains(int page_size) {
    return {{"registrationStatus", "REGISTERED"}, {"maximumPageSize", page_size}};
  }
};

std::vector<std::string> flatten(const std::vector<std::vector<std::string>>& pages) {
  std::vector<std::string> all;
  for (const auto& p : pages) all.insert(all.end(), p.begin(), p.end());
  return all;
}

void expect_invalid_token(const HttpAnswer& a) {
  EXPECT_EQ(a.status, 400) << a.raw;
  EXPECT_EQ(a.error_type(), kValidationType);
  EXPECT_EQ(a.message(), "Invalid nextPageToken");
}

}  // namespace

TEST_F(SwfPaginationHttp, PagesOfTheRequestedSizeAndNoTokenOnTheLast) {
  domains(7);
  auto p = pages("ListDomains", list_domains(3), "domainInfos", "name");
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0], (std::vector<std::string>{"dom-0000", "dom-0001", "dom-0002"}));
  EXPECT_EQ(p[1], (std::vector<std::string>{"dom-0003", "dom-0004", "dom-0005"}));
  EXPECT_EQ(p[2], std::vector<std::string>{"dom-0006"});
  // Exactly a page's worth: the full page is the last one.
  auto exact = pages("ListDomains", list_domains(7), "domainInfos", "name");
  ASSERT_EQ(exact.size(), 1u);
  EXPECT_EQ(exact[0].size(), 7u);
}

TEST_F(SwfPaginationHttp, ReverseOrderPagesFromTheOtherEnd) {
  domains(5);
  Json request = list_domains(2);
  request["reverseOrder"] = true;
  auto p = pages("ListDomains", request, "domainInfos", "name");
  EXPECT_EQ(flatten(p), (std::vector<std::string>{"dom-0004", "dom-0003", "dom-0002", "dom-0001", "dom-0000"}));
  EXPECT_EQ(p.size(), 3u);
}

TEST_F(SwfPaginationHttp, ZeroOrAbsentPageSizeMeansAThousand) {
  domains(1001);
  for (Json request : {Json{{"registrationStatus", "REGISTERED"}}, list_domains(0)}) {
    HttpAnswer first = call("ListDomains", request);
    ASSERT_EQ(first.body["domainInfos"].size(), 1000u) << request.dump();
    ASSERT_TRUE(first.body.contains("nextPageToken"));
    request["nextPageToken"] = first.body["nextPageToken"];
    HttpAnswer second = call("ListDomains", request);
    ASSERT_EQ(second.body["domainInfos"].size(), 1u);
    EXPECT_EQ(second.body["domainInfos"][0]["name"], "dom-1000");
    EXPECT_FALSE(second.body.contains("nextPageToken"));
  }
}

TEST_F(SwfPaginationHttp, ItemsAddedOrRemovedBetweenPagesNeitherRepeatNorHideOthers) {
  domains(4);
  HttpAnswer first = call("ListDomains", list_domains(2));
  ASSERT_TRUE(first.body.contains("nextPageToken"));
  // A domain sorting before the page boundary and one after it; one already listed leaves the listing.
  ASSERT_EQ(call("RegisterDomain", {{"name", "dom-0000a"}, {"workflowExecutionRetentionPeriodInDays", "1"}}).status, 200);
  ASSERT_EQ(call("RegisterDomain", {{"name", "dom-0002a"}, {"workflowExecutionRetentionPeriodInDays", "1"}}).status, 200);
  ASSERT_EQ(call("DeprecateDomain", {{"name", "dom-0001"}}).status, 200);
  Json request = list_domains(2);
  request["nextPageToken"] = first.body["nextPageToken"];
  auto rest = pages("ListDomains", request, "domainInfos", "name");
  EXPECT_EQ(flatten(rest), (std::vector<std::string>{"dom-0002", "dom-0002a", "dom-0003"}));
}

TEST_F(SwfPaginationHttp, InvalidTokensAreRejected) {
  domains(3);
  HttpAnswer first = call("ListDomains", list_domains(1));
  ASSERT_TRUE(first.body.contains("nextPageToken"));
  std::string token = first.body["nextPageToken"];
  for (const std::string& bad : {std::string("garbage"), std::string("p1.00"), token.substr(0, token.size() - 4)}) {
    Json request = list_domains(1);
    request["nextPageToken"] = bad;
    expect_invalid_token(call("ListDomains", request));
  }
  // Another listing's token: other arguments, another direction, another operation.
  Json deprecated = {{"registrationStatus", "DEPRECATED"}, {"maximumPageSize", 1}, {"nextPageToken", token}};
  expect_invalid_token(call("ListDomains", deprecated));
  Json reversed = list_domains(1);
  reversed["reverseOrder"] = true;
  reversed["nextPageToken"] = token;
  expect_invalid_token(call("ListDomains", reversed));
  Seed(client, "typed").registered();
  expect_invalid_token(call("ListActivityTypes", {{"domain", "typed"}, {"registrationStatus", "REGISTERED"}, {"nextPageToken", token}}));
  // The page size may change between pages.
  Json bigger = list_domains(10);
  bigger["nextPageToken"] = token;
  HttpAnswer rest = call("ListDomains", bigger);
  EXPECT_EQ(rest.status, 200) << rest.raw;
  EXPECT_EQ(rest.body["domainInfos"].size(), 3u);  // dom-0001, dom-0002, typed
}

TEST_F(SwfPaginationHttp, TypeListsPageInNameVersionOrder) {
  Seed s(client, "d");
  s.expect_ok("RegisterDomain", {{"name", "d"}, {"workflowExecutionRetentionPeriodInDays", "1"}});
  for (const char* name : {"b", "a"})
    for (const char* version : {"2", "1"}) s.expect_ok("RegisterWorkflowType", {{"domain", "d"}, {"name", name}, {"version", version}});
  auto p = pages("ListWorkflowTypes", {{"domain", "d"}, {"registrationStatus", "REGISTERED"}, {"maximumPageSize", 3}},
                 "typeInfos", "workflowType");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(flatten(p), (std::vector<std::string>{"a1", "a2", "b1", "b2"}));
  auto reversed = pages("ListWorkflowTypes",
                        {{"domain", "d"}, {"registrationStatus", "REGISTERED"}, {"maximumPageSize", 1}, {"reverseOrder", true}},
                        "typeInfos", "workflowType");
  EXPECT_EQ(flatten(reversed), (std::vector<std::string>{"b2", "b1", "a2", "a1"}));
  EXPECT_EQ(reversed.size(), 4u);
}

TEST_F(SwfPaginationHttp, ExecutionListsPageNewestFirst) {
  Seed s(client, "d");
  s.registered();
  for (const char* id : {"w1", "w2", "w3", "w4", "w5"}) {
    s.start(id);
    server.clock().advance(1);
  }
  Json request = {{"domain", "d"}, {"startTimeFilter", {{"oldestDate", 0}}}, {"maximumPageSize", 2}};
  auto p = pages("ListOpenWorkflowExecutions", request, "executionInfos", "execution");
  EXPECT_EQ(flatten(p), (std::vector<std::string>{"w5", "w4", "w3", "w2", "w1"}));
  EXPECT_EQ(p.size(), 3u);
  request["reverseOrder"] = true;
  EXPECT_EQ(flatten(pages("ListOpenWorkflowExecutions", request, "executionInfos", "execution")),
            (std::vector<std::string>{"w1", "w2", "w3", "w4", "w5"}));
  // Terminated ones are listed by close time, newest first.
  for (const char* id : {"w2", "w4", "w1"}) {
    s.expect_ok("TerminateWorkflowExecution", {{"domain", "d"}, {"workflowId", id}});
    server.clock().advance(1);
  }
  Json closed = {{"domain", "d"}, {"closeTimeFilter", {{"oldestDate", 0}}}, {"maximumPageSize", 1}};
  auto c = pages("ListClosedWorkflowExecutions", closed, "executionInfos", "execution");
  EXPECT_EQ(flatten(c), (std::vector<std::string>{"w1", "w4", "w2"}));
  EXPECT_EQ(c.size(), 3u);
  Json by_start = {{"domain", "d"}, {"startTimeFilter", {{"oldestDate", 0}}}, {"maximumPageSize", 2}};
  EXPECT_EQ(flatten(pages("ListClosedWorkflowExecutions", by_start, "executionInfos", "execution")),
            (std::vector<std::string>{"w4", "w2", "w1"}));
}
