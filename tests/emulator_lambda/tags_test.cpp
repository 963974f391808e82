// ListTags, TagResource and UntagResource on functions over HTTP.
#include "tests/emulator_lambda/lambda_over_http.h"

using namespace conform;
using namespace conform::emulator;
using namespace conform::emulator::testing;

namespace {

const std::string kArn = "arn:aws:lambda:us-east-1:123456789012:function:tagged";

class Tags : public LambdaOverHttp {
 protected:
  void SetUp() override {
    LambdaOverHttp::SetUp();
    http::Request r = create_function_request("tagged");
    Json body = Json::parse(r.body);
    body["Tags"] = {{"team", "core"}};
    r.body = body.dump();
    ASSERT_EQ(send(r).status, 201);
  }
  Json tags() {
    Json body = expect_json(list_tags_request(kArn));
    EXPECT_EQ(output_problems("ListTags", body), std::vector<std::string>{}) << body.dump();
    return plain(body["Tags"]);
  }
};

}  // namespace

TEST_F(Tags, CreateTagsAreListedAndShownByGetFunction) {
  EXPECT_EQ(tags(), nlohmann::json({{"team", "core"}}));
  EXPECT_EQ(expect_json(get_function_request("tagged"))["Tags"], Json({{"team", "core"}}));
}

TEST_F(Tags, TagResourceMergesAndUntagResourceRemoves) {
  auto tagged = send(tag_resource_request(kArn, {{"env", "test"}, {"team", "platform"}}));
  EXPECT_EQ(tagged.status, 204) << tagged.body;
  EXPECT_TRUE(tagged.body.empty());
  EXPECT_EQ(tags(), nlohmann::json({{"team", "platform"}, {"env", "test"}}));
  auto untagged = send(untag_resource_request(kArn, {"team", "absent"}));
  EXPECT_EQ(untagged.status, 204) << untagged.body;
  EXPECT_EQ(tags(), nlohmann::json({{"env", "test"}}));
  ASSERT_EQ(send(untag_resource_request(kArn, {"env"})).status, 204);
  EXPECT_EQ(tags(), nlohmann::json::object());
  EXPECT_FALSE(expect_json(get_function_request("tagged")).contains("Tags"));
}

TEST_F(Tags, VersionsAndAliasesCannotBeTagged) {
  ASSERT_EQ(send(publish_version_request("tagged")).status, 201);
  expect_error(list_tags_request(kArn + ":1"), 400, "InvalidParameterValueException");
  expect_error(tag_resource_request(kArn + ":live", {{"a", "b"}}), 400, "InvalidParameterValueException");
}

TEST_F(Tags, UnknownResourcesAre404) {
  expect_error(list_tags_request("arn:aws:lambda:us-east-1:123456789012:function:ghost"), 404, "ResourceNotFoundException");
  expect_error(tag_resource_request("arn:aws:lambda:us-east-1:210987654321:function:tagged", {{"a", "b"}}), 404,
               "ResourceNotFoundException");
  expect_error(list_tags_request("arn:aws:lambda:us-east-1:123456789012:event-source-mapping:"
                                 "0f0e0d0c-0000-4000-8000-000000000000"),
               404, "ResourceNotFoundException");
  expect_error(list_tags_request("tagged"), 400, "ValidationException");  // not an ARN
}

TEST_F(Tags, DeletedFunctionLosesItsTags) {
  ASSERT_EQ(send(delete_function_request("tagged")).status, 204);
  expect_error(list_tags_request(kArn), 404, "ResourceNotFoundException");
  create_function("tagged");
  EXPECT_EQ(tags(), nlohmann::json::object());
}
