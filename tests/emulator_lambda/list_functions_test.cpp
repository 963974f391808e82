// ListFunctions over HTTP: entries and their shape, pagination (MaxItems, the 50-item cap, markers, the
// last page, invalid markers), FunctionVersion ALL and MasterRegion.
#include "tests/emulator_lambda/lambda_over_http.h"

using namespace conform;
using namespace conform::emulator;
using namespace conform::emulator::testing;

namespace {

class ListFunctions : public LambdaOverHttp {
 protected:
  // Every page from the first, following NextMarker; the names in order.
  std::vector<std::string> all_names(Query query, std::vector<size_t>* page_sizes = nullptr) {
    std::vector<std::string> names;
    std::string marker;
    for (int page = 0; page < 100; ++page) {
      Query q = query;
      if (!marker.empty()) q.push_back({"Marker", marker});
      Json body = expect_json(list_functions_request(q));
      EXPECT_EQ(output_problems("ListFunctions", body), std::vector<std::string>{}) << body.dump();
      for (const auto& f : body["Functions"]) names.push_back(f["FunctionName"].get<std::string>());
      if (page_sizes) page_sizes->push_back(body["Functions"].size());
      if (!body.contains("NextMarker")) return names;
      marker = body["NextMarker"].get<std::string>();
      EXPECT_FALSE(marker.empty());
    }
    ADD_FAILURE() << "NextMarker never ends";
    return names;
  }
};

std::vector<std::string> numbered(const std::string& prefix, int n) {
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) out.push_back(prefix + (i < 10 ? "0" : "") + std::to_string(i));
  return out;
}

}  // namespace

TEST_F(ListFunctions, EmptyAccountListsNothingWithoutMarker) {
  Json body = expect_json(list_functions_request());
  EXPECT_EQ(body, Json({{"Functions", Json::array()}}));
}

TEST_F(ListFunctions, EntriesAreConfigurationsWithoutStateMembers) {
  create_function("listed");
  Json body = expect_json(list_functions_request());
  ASSERT_EQ(body["Functions"].size(), 1u);
  Json entry = body["Functions"][0];
  EXPECT_EQ(entry["FunctionArn"], "arn:aws:lambda:us-east-1:123456789012:function:listed");
  EXPECT_EQ(entry["Version"], "$LATEST");
  EXPECT_TRUE(entry.contains("DurableConfig"));
  EXPECT_FALSE(entry.contains("State"));             // documented: only GetFunction returns these
  EXPECT_FALSE(entry.contains("LastUpdateStatus"));
  Json full = expect_json(get_configuration_request("listed"));
  full.erase("State");
  full.erase("LastUpdateStatus");
  EXPECT_EQ(plain(entry), plain(full));
}

TEST_F(ListFunctions, MaxItemsCutsPagesAndMarkersWalkThemAll) {
  auto names = numbered("fn-", 7);
  for (const auto& n : names) create_function(n, false);
  std::vector<size_t> sizes;
  EXPECT_EQ(all_names({{"MaxItems", "3"}}, &sizes), names);
  EXPECT_EQ(sizes, (std::vector<size_t>{3, 3, 1}));
  sizes.clear();
  EXPECT_EQ(all_names({{"MaxItems", "7"}}, &sizes), names);
  EXPECT_EQ(sizes, (std::vector<size_t>{7}));  // exactly full: no NextMarker
}

TEST_F(ListFunctions, DefaultAndLargeMaxItemsServeAtMostFifty) {
  auto names = numbered("many-", 53);
  for (const auto& n : names) create_function(n, false);
  std::vector<size_t> sizes;
  EXPECT_EQ(all_names({}, &sizes), names);
  EXPECT_EQ(sizes, (std::vector<size_t>{50, 3}));
  sizes.clear();
  EXPECT_EQ(all_names({{"MaxItems", "10000"}}, &sizes), names);
  EXPECT_EQ(sizes, (std::vector<size_t>{50, 3}));
}

TEST_F(ListFunctions, PageBoundarySurvivesADeletion) {
  for (const auto& n : numbered("d-", 4)) create_function(n, false);
  Json first = expect_json(list_functions_request({{"MaxItems", "2"}}));
  ASSERT_TRUE(first.contains("NextMarker"));
  ASSERT_EQ(send(delete_function_request("d-02")).status, 204);  // the first item of the next page
  Json second = expect_json(list_functions_request({{"MaxItems", "2"}, {"Marker", first["NextMarker"].get<std::string>()}}));
  ASSERT_EQ(second["Functions"].size(), 1u);
  EXPECT_EQ(second["Functions"][0]["FunctionName"], "d-03");
  EXPECT_FALSE(second.contains("NextMarker"));
}

TEST_F(ListFunctions, InvalidMarkerIsInvalidParameterValue) {
  create_function("one", false);
  for (const char* marker : {"garbage", "bm90IGEgbWFya2Vy" /* base64 of "not a marker" */}) {
    Json body = expect_error(list_functions_request({{"Marker", marker}}), 400, "InvalidParameterValueException");
    EXPECT_EQ(body["Type"], "User");
    EXPECT_TRUE(body["message"].is_string()) << body.dump();
  }
}

TEST_F(ListFunctions, MarkerOfAnotherListIsInvalid) {
  create_function("v", false);
  ASSERT_EQ(send(publish_version_request("v")).status, 201);
  Json versions = expect_json(list_versions_request("v", {{"MaxItems", "1"}}));
  ASSERT_TRUE(versions.contains("NextMarker"));
  expect_error(list_functions_request({{"Marker", versions["NextMarker"].get<std::string>()}}), 400, "InvalidParameterValueException");
}

TEST_F(ListFunctions, MaxItemsOutOfRangeIsValidationException) {
  expect_error(list_functions_request({{"MaxItems", "0"}}), 400, "ValidationException");
  expect_error(list_functions_request({{"MaxItems", "10001"}}), 400, "ValidationException");
}

TEST_F(ListFunctions, FunctionVersionAllListsLatestAndEachVersion) {
  create_function("a", false);
  create_function("b", false);
  ASSERT_EQ(send(publish_version_request("a")).status, 201);
  ASSERT_EQ(send(update_configuration_request("a", {{"Description", "second"}})).status, 200);
  ASSERT_EQ(send(publish_version_request("a")).status, 201);
  Json body = expect_json(list_functions_request({{"FunctionVersion", "ALL"}}));
  EXPECT_EQ(output_problems("ListFunctions", body), std::vector<std::string>{}) << body.dump();
  std::vector<std::string> arns;
  for (const auto& f : body["Functions"]) arns.push_back(f["FunctionArn"].get<std::string>());
  const std::string base = "arn:aws:lambda:us-east-1:123456789012:function:";
  EXPECT_EQ(arns, (std::vector<std::string>{base + "a:$LATEST", base + "a:1", base + "a:2", base + "b:$LATEST"}));
  // Pages of two walk the same sequence.
  Json first = expect_json(list_functions_request({{"FunctionVersion", "ALL"}, {"MaxItems", "2"}}));
  Json second = expect_json(
      list_functions_request({{"FunctionVersion", "ALL"}, {"MaxItems", "2"}, {"Marker", first["NextMarker"].get<std::string>()}}));
  ASSERT_EQ(second["Functions"].size(), 2u);
  EXPECT_EQ(second["Functions"][0]["FunctionArn"], base + "a:2");
  EXPECT_FALSE(second.contains("NextMarker"));
  // Without ALL: one unqualified entry per function.
  EXPECT_EQ(expect_json(list_functions_request())["Functions"].size(), 2u);
}

TEST_F(ListFunctions, MasterRegionNeedsFunctionVersionAll) {
  create_function("edge", false);
  expect_error(list_functions_request({{"MasterRegion", "us-east-1"}}), 400, "InvalidParameterValueException");
  Json body = expect_json(list_functions_request({{"MasterRegion", "us-east-1"}, {"FunctionVersion", "ALL"}}));
  EXPECT_EQ(body["Functions"], Json::array());  // no Lambda@Edge replicas in the emulator
}
