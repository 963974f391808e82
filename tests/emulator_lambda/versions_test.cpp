// PublishVersion, ListVersionsByFunction, version-qualified reads, invokes and deletes over HTTP.
#include "tests/emulator_lambda/lambda_over_http.h"

using namespace conform;
using namespace conform::emulator;
using namespace conform::emulator::testing;

namespace {

const std::string kArn = "arn:aws:lambda:us-east-1:123456789012:function:ver";

class Versions : public LambdaOverHttp {
 protected:
  void SetUp() override {
    LambdaOverHttp::SetUp();
    create_function("ver");
  }
  Json publish(const Json& body = Json::object()) {
    Json out = expect_json(publish_version_request("ver", body), 201);
    EXPECT_EQ(output_problems("PublishVersion", out), std::vector<std::string>{}) << out.dump();
    return out;
  }
  std::vector<std::string> listed_versions(Query query = {}) {
    Json body = expect_json(list_versions_request("ver", std::move(query)));
    EXPECT_EQ(output_problems("ListVersionsByFunction", body), std::vector<std::string>{}) << body.dump();
    std::vector<std::string> out;
    for (const auto& v : body["Versions"]) out.push_back(v["Version"].get<std::string>());
    return out;
  }
};

using Strings = std::vector<std::string>;

}  // namespace

TEST_F(Versions, PublishSnapshotsLatest) {
  Json latest = expect_json(get_configuration_request("ver"));
  clock_->advance(60);
  Json v1 = publish({{"Description", "first release"}});
  EXPECT_EQ(v1["Version"], "1");
  EXPECT_EQ(v1["FunctionArn"], kArn + ":1");
  EXPECT_EQ(v1["Description"], "first release");
  EXPECT_EQ(v1["CodeSha256"], latest["CodeSha256"]);
  EXPECT_EQ(v1["DurableConfig"], latest["DurableConfig"]);
  EXPECT_EQ(v1["LastModified"], "2023-11-14T22:14:20.000+0000");
  EXPECT_NE(v1["RevisionId"], latest["RevisionId"]);
  EXPECT_EQ(plain(expect_json(get_configuration_request("ver", "1"))), plain(v1));
  EXPECT_EQ(plain(expect_json(get_function_request(kArn + ":1"))["Configuration"]), plain(v1));
  EXPECT_EQ(expect_json(get_configuration_request("ver"))["Description"], "");  // $LATEST unchanged
}

TEST_F(Versions, NothingChangedMeansTheSameVersion) {
  Json v1 = publish();
  EXPECT_EQ(plain(publish()), plain(v1));
  ASSERT_EQ(send(update_configuration_request("ver", {{"Timeout", 30}})).status, 200);
  Json v2 = publish();
  EXPECT_EQ(v2["Version"], "2");
  EXPECT_EQ(v2["Timeout"], 30);
  EXPECT_EQ(expect_json(get_configuration_request("ver", "1"))["Timeout"], 3);
}

TEST_F(Versions, PreconditionsOnCodeShaAndRevision) {
  Json latest = expect_json(get_configuration_request("ver"));
  Json sha = expect_error(publish_version_request("ver", {{"CodeSha256", "AAAA"}}), 400, "InvalidParameterValueException");
  EXPECT_TRUE(sha["message"].is_string()) << sha.dump();
  Json rev = expect_error(publish_version_request("ver", {{"RevisionId", "stale"}}), 412, "PreconditionFailedException");
  EXPECT_EQ(rev["Type"], "User");
  EXPECT_TRUE(rev["message"].is_string()) << rev.dump();
  EXPECT_EQ(listed_versions(), (Strings{"$LATEST"}));  // neither published
  Json v1 = publish({{"CodeSha256", latest["CodeSha256"]}, {"RevisionId", latest["RevisionId"]}});
  EXPECT_EQ(v1["Version"], "1");
}

TEST_F(Versions, PublishToNeedsACapacityProvider) {
  expect_error(publish_version_request("ver", {{"PublishTo", "LATEST_PUBLISHED"}}), 400, "InvalidParameterValueException");
}

TEST_F(Versions, UnknownFunctionIs404) {
  expect_error(publish_version_request("nope"), 404, "ResourceNotFoundException");
  expect_error(list_versions_request("nope"), 404, "ResourceNotFoundException");
}

TEST_F(Versions, ListStartsWithLatestThenVersionsAndPages) {
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(send(update_configuration_request("ver", {{"MemorySize", 256 + i}})).status, 200);
    publish();
  }
  EXPECT_EQ(listed_versions(), (Strings{"$LATEST", "1", "2", "3"}));
  Json body = expect_json(list_versions_request("ver"));
  EXPECT_EQ(body["Versions"][0]["FunctionArn"], kArn + ":$LATEST");
  EXPECT_EQ(body["Versions"][3]["FunctionArn"], kArn + ":3");
  Json first = expect_json(list_versions_request("ver", {{"MaxItems", "3"}}));
  ASSERT_EQ(first["Versions"].size(), 3u);
  ASSERT_TRUE(first.contains("NextMarker"));
  EXPECT_EQ(listed_versions({{"MaxItems", "3"}, {"Marker", first["NextMarker"].get<std::string>()}}), (Strings{"3"}));
  expect_error(list_versions_request("ver", {{"Marker", "nope"}}), 400, "InvalidParameterValueException");
}

TEST_F(Versions, DeletingAVersionKeepsTheOthersAndNumbersAreNotReused) {
  publish();
  ASSERT_EQ(send(update_configuration_request("ver", {{"Timeout", 9}})).status, 200);
  publish();
  ASSERT_EQ(send(delete_function_request("ver", "1")).status, 204);
  expect_error(get_function_request("ver", "1"), 404, "ResourceNotFoundException");
  expect_error(delete_function_request("ver", "1"), 404, "ResourceNotFoundException");
  EXPECT_EQ(listed_versions(), (Strings{"$LATEST", "2"}));
  ASSERT_EQ(send(update_configuration_request("ver", {{"Timeout", 10}})).status, 200);
  EXPECT_EQ(publish()["Version"], "3");
  ASSERT_EQ(send(delete_function_request("ver")).status, 204);  // the function with every version
  expect_error(get_function_request("ver", "2"), 404, "ResourceNotFoundException");
}

TEST_F(Versions, InvokingAVersionPinsTheExecution) {
  publish();
  auto invoked = send(invoke_request(kArn + ":1", "pinned"));
  ASSERT_EQ(invoked.status, 202) << invoked.body;
  EXPECT_EQ(invoked.headers.get("X-Amz-Executed-Version"), "1");
  std::string arn = invoked.headers.get("X-Amz-Durable-Execution-Arn").value_or("");
  Json e = json_of(send(get_execution_request(arn)));
  EXPECT_EQ(e["Version"], "1");
  EXPECT_EQ(e["FunctionArn"], kArn + ":1");
  expect_error(invoke_request("ver:9", "nowhere"), 404, "ResourceNotFoundException");
}

TEST_F(Versions, CreateWithPublishAnswersVersionOne) {
  http::Request r = create_function_request("pub");
  Json body = Json::parse(r.body);
  body["Publish"] = true;
  r.body = body.dump();
  Json created = expect_json(r, 201);
  EXPECT_EQ(created["Version"], "1");
  EXPECT_EQ(created["FunctionArn"], "arn:aws:lambda:us-east-1:123456789012:function:pub:1");
  EXPECT_EQ(expect_json(get_configuration_request("pub"))["Version"], "$LATEST");
}
