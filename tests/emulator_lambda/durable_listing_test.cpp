// ListDurableExecutionsByFunction over HTTP: order (newest first unless ReverseOrder), pagination,
// the filters (Statuses, DurableExecutionName, StartedAfter / StartedBefore), Qualifier, not-found
// and invalid-marker answers.
#include "tests/emulator_lambda/lambda_over_http.h"

using namespace conform;
using namespace conform::emulator;
using namespace conform::emulator::testing;

namespace {

constexpr double kStart = 1700000000.0;  // 2023-11-14T22:13:20Z

// Five executions dx-0..dx-4 of "dur", started 10 s apart; dx-1 and dx-3 stopped.
class DurableListing : public LambdaOverHttp {
 protected:
  void SetUp() override {
    LambdaOverHttp::SetUp();
    create_function("dur");
    for (int i = 0; i < 5; ++i) {
      if (i > 0) clock_->advance(10);
      arns_.push_back(invoke("dur", "dx-" + std::to_string(i)));
    }
    clock_->advance(1);
    ASSERT_EQ(send(stop_request(arns_[1])).status, 200);
    ASSERT_EQ(send(stop_request(arns_[3])).status, 200);
  }

  std::vector<std::string> names(Query query, const std::string& fn = "dur") {
    Json body = expect_json(list_executions_request(fn, std::move(query)));
    EXPECT_EQ(output_problems("ListDurableExecutionsByFunction", body), std::vector<std::string>{}) << body.dump();
    std::vector<std::string> out;
    for (const auto& e : body["DurableExecutions"]) out.push_back(e["DurableExecutionName"].get<std::string>());
    return out;
  }

  // Every page, following NextMarker: the names and the page sizes.
  std::vector<std::string> walk(Query query, std::vector<size_t>& sizes) {
    std::vector<std::string> out;
    std::string marker;
    for (int page = 0; page < 50; ++page) {
      Query q = query;
      if (!marker.empty()) q.push_back({"Marker", marker});
      Json body = expect_json(list_executions_request("dur", q));
      for (const auto& e : body["DurableExecutions"]) out.push_back(e["DurableExecutionName"].get<std::string>());
      sizes.push_back(body["DurableExecutions"].size());
      if (!body.contains("NextMarker")) return out;
      marker = body["NextMarker"].get<std::string>();
    }
    ADD_FAILURE() << "NextMarker never ends";
    return out;
  }

  std::vector<std::string> arns_;
};

using Names = std::vector<std::string>;

}  // namespace

TEST_F(DurableListing, NewestFirstByDefaultWithSummaries) {
  Json body = expect_json(list_executions_request("dur"));
  EXPECT_EQ(output_problems("ListDurableExecutionsByFunction", body), std::vector<std::string>{}) << body.dump();
  ASSERT_EQ(body["DurableExecutions"].size(), 5u);
  EXPECT_FALSE(body.contains("NextMarker"));
  Json newest = body["DurableExecutions"][0];
  EXPECT_EQ(newest["DurableExecutionArn"], arns_[4]);
  EXPECT_EQ(newest["DurableExecutionName"], "dx-4");
  EXPECT_EQ(newest["FunctionArn"], "arn:aws:lambda:us-east-1:123456789012:function:dur:$LATEST");
  EXPECT_EQ(newest["Status"], "RUNNING");
  EXPECT_EQ(newest["StartTimestamp"], kStart + 40);
  EXPECT_FALSE(newest.contains("EndTimestamp"));
  Json stopped = body["DurableExecutions"][1];
  EXPECT_EQ(stopped["DurableExecutionName"], "dx-3");
  EXPECT_EQ(stopped["Status"], "STOPPED");
  EXPECT_EQ(stopped["EndTimestamp"], kStart + 41);
  EXPECT_EQ(names({}), (Names{"dx-4", "dx-3", "dx-2", "dx-1", "dx-0"}));
}

TEST_F(DurableListing, ReverseOrderTrueIsOldestFirst) {
  EXPECT_EQ(names({{"ReverseOrder", "true"}}), (Names{"dx-0", "dx-1", "dx-2", "dx-3", "dx-4"}));
  EXPECT_EQ(names({{"ReverseOrder", "false"}}), (Names{"dx-4", "dx-3", "dx-2", "dx-1", "dx-0"}));
}

TEST_F(DurableListing, MaxItemsPagesInBothOrders) {
  std::vector<size_t> sizes;
  EXPECT_EQ(walk({{"MaxItems", "2"}}, sizes), (Names{"dx-4", "dx-3", "dx-2", "dx-1", "dx-0"}));
  EXPECT_EQ(sizes, (std::vector<size_t>{2, 2, 1}));
  sizes.clear();
  EXPECT_EQ(walk({{"MaxItems", "2"}, {"ReverseOrder", "true"}}, sizes), (Names{"dx-0", "dx-1", "dx-2", "dx-3", "dx-4"}));
  EXPECT_EQ(sizes, (std::vector<size_t>{2, 2, 1}));
  sizes.clear();
  EXPECT_EQ(walk({{"MaxItems", "5"}}, sizes).size(), 5u);
  EXPECT_EQ(sizes, (std::vector<size_t>{5}));  // exactly full: no NextMarker
}

TEST_F(DurableListing, MaxItemsZeroMeansTheDefaultAndRangeIsChecked) {
  EXPECT_EQ(names({{"MaxItems", "0"}}).size(), 5u);
  expect_error(list_executions_request("dur", {{"MaxItems", "1001"}}), 400, "ValidationException");
  expect_error(list_executions_request("dur", {{"MaxItems", "-1"}}), 400, "ValidationException");
}

TEST_F(DurableListing, DefaultPageHoldsOneHundred) {
  for (int i = 0; i < 96; ++i) invoke("dur", "more-" + std::to_string(i));  // 101 in all
  std::vector<size_t> sizes;
  EXPECT_EQ(walk({}, sizes).size(), 101u);
  EXPECT_EQ(sizes, (std::vector<size_t>{100, 1}));
  sizes.clear();
  walk({{"MaxItems", "1000"}}, sizes);
  EXPECT_EQ(sizes, (std::vector<size_t>{101}));
}

TEST_F(DurableListing, StatusesFilter) {
  EXPECT_EQ(names({{"Statuses", "STOPPED"}}), (Names{"dx-3", "dx-1"}));
  EXPECT_EQ(names({{"Statuses", "RUNNING"}}), (Names{"dx-4", "dx-2", "dx-0"}));
  EXPECT_EQ(names({{"Statuses", "RUNNING"}, {"Statuses", "STOPPED"}}).size(), 5u);
  EXPECT_EQ(names({{"Statuses", "SUCCEEDED"}}), Names{});
  expect_error(list_executions_request("dur", {{"Statuses", "DONE"}}), 400, "ValidationException");
}

TEST_F(DurableListing, NameFilter) {
  EXPECT_EQ(names({{"DurableExecutionName", "dx-2"}}), (Names{"dx-2"}));
  EXPECT_EQ(names({{"DurableExecutionName", "dx"}}), Names{});  // equal, not a prefix
}

TEST_F(DurableListing, StartedAfterAndBeforeAreStrict) {
  // dx-1 started at 22:13:30, dx-3 at 22:13:50.
  EXPECT_EQ(names({{"StartedAfter", "2023-11-14T22:13:30Z"}}), (Names{"dx-4", "dx-3", "dx-2"}));
  EXPECT_EQ(names({{"StartedBefore", "2023-11-14T22:13:30Z"}}), (Names{"dx-0"}));
  EXPECT_EQ(names({{"StartedAfter", "2023-11-14T22:13:25Z"}, {"StartedBefore", "2023-11-14T22:13:55Z"}}),
            (Names{"dx-3", "dx-2", "dx-1"}));
  EXPECT_EQ(names({{"StartedAfter", "2023-11-14T22:13:25Z"}, {"Statuses", "STOPPED"}, {"ReverseOrder", "true"}}),
            (Names{"dx-1", "dx-3"}));
}

TEST_F(DurableListing, QualifierSelectsTheVersion) {
  ASSERT_EQ(send(publish_version_request("dur")).status, 201);
  std::string on_version = invoke("dur:1", "pinned");
  EXPECT_NE(on_version.find(":function:dur:1/durable-execution/pinned/"), std::string::npos) << on_version;
  EXPECT_EQ(names({{"Qualifier", "1"}}), (Names{"pinned"}));
  EXPECT_EQ(names({}, "dur:1"), (Names{"pinned"}));
  EXPECT_EQ(names({}).size(), 5u);  // documented default: $LATEST
  EXPECT_EQ(names({{"Qualifier", "$LATEST"}}).size(), 5u);
  Json body = expect_json(list_executions_request("dur", {{"Qualifier", "1"}}));
  EXPECT_EQ(body["DurableExecutions"][0]["FunctionArn"], "arn:aws:lambda:us-east-1:123456789012:function:dur:1");
  expect_error(list_executions_request("dur", {{"Qualifier", "7"}}), 404, "ResourceNotFoundException");
}

TEST_F(DurableListing, FunctionByArnAndUnknownFunction) {
  EXPECT_EQ(names({}, "arn:aws:lambda:us-east-1:123456789012:function:dur").size(), 5u);
  Json body = expect_error(list_executions_request("ghost"), 404, "ResourceNotFoundException");
  EXPECT_EQ(body["Message"], "Function not found: arn:aws:lambda:us-east-1:123456789012:function:ghost");
}

TEST_F(DurableListing, InvalidMarkersAreInvalidParameterValue) {
  expect_error(list_executions_request("dur", {{"Marker", "not-a-marker"}}), 400, "InvalidParameterValueException");
  create_function("other");
  invoke("other", "o-0");
  invoke("other", "o-1");
  Json page = expect_json(list_executions_request("other", {{"MaxItems", "1"}}));
  ASSERT_TRUE(page.contains("NextMarker"));
  expect_error(list_executions_request("dur", {{"Marker", page["NextMarker"].get<std::string>()}}), 400,
               "InvalidParameterValueException");
}

TEST_F(DurableListing, RecreatedFunctionStartsWithoutExecutions) {
  ASSERT_EQ(send(delete_function_request("dur")).status, 204);
  expect_error(list_executions_request("dur"), 404, "ResourceNotFoundException");
  create_function("dur");
  EXPECT_EQ(names({}), Names{});
  EXPECT_EQ(json_of(send(get_execution_request(arns_[0])))["Status"], "RUNNING");  // still readable by ARN
}
