// TagResource, UntagResource and ListTagsForResource over real HTTP on activities and state machines:
// adding, replacing and removing tags, tags given at creation, the 50-tag limit, and unknown or
// malformed resource ARNs.
#include <gtest/gtest.h>

#include "tests/emulator_sfn/expect.h"

using namespace conform::emulator;
using namespace conform::emulator::sfn_test;
using Json = conform::spec::Json;

namespace {

Json tags_of(Served& s, const std::string& arn) {
  Reply r = s.call("ListTagsForResource", {{"resourceArn", arn}});
  expect_ok(r, "ListTagsForResource");
  return r.body.is_object() && r.body.contains("tags") ? r.body["tags"] : Json();
}

Json tag(const std::string& key, const std::string& value) { return {{"key", key}, {"value", value}}; }

}  // namespace

TEST(SfnTagging, TagsAreAddedReplacedInPlaceAndRemoved) {
  Served s;
  ASSERT_TRUE(s.ok());
  std::string act = s.call("CreateActivity", {{"name", "act"}}).body["activityArn"];
  std::string machine = create_machine(s, "sm", task_definition(act));
  for (const std::string& arn : {act, machine}) {
    EXPECT_EQ(tags_of(s, arn), Json::array());
    Reply t = s.call("TagResource", {{"resourceArn", arn}, {"tags", {tag("team", "a"), tag("env", "dev")}}});
    EXPECT_EQ(t.status, 200) << t.raw;
    EXPECT_TRUE(t.raw.empty() || t.body == Json::object()) << t.raw;
    s.call("TagResource", {{"resourceArn", arn}, {"tags", {tag("env", "prod"), tag("cost", "")}}});
    EXPECT_EQ(tags_of(s, arn), Json({tag("team", "a"), tag("env", "prod"), tag("cost", "")}));
    Reply u = s.call("UntagResource", {{"resourceArn", arn}, {"tagKeys", {"team", "absent"}}});
    EXPECT_EQ(u.status, 200) << u.raw;
    EXPECT_EQ(tags_of(s, arn), Json({tag("env", "prod"), tag("cost", "")}));
  }
}

TEST(SfnTagging, TagsGivenAtCreationAreListed) {
  Served s;
  ASSERT_TRUE(s.ok());
  std::string act = s.call("CreateActivity", {{"name", "act"}, {"tags", {tag("k", "v")}}}).body["activityArn"];
  EXPECT_EQ(tags_of(s, act), Json({tag("k", "v")}));
  Reply m = s.call("CreateStateMachine", {{"name", "sm"}, {"definition", task_definition(act)}, {"roleArn", kRole},
                                          {"tags", {tag("a", "1"), tag("b", "2")}}});
  EXPECT_EQ(tags_of(s, m.body["stateMachineArn"]), Json({tag("a", "1"), tag("b", "2")}));
}

TEST(SfnTagging, MoreThanFiftyTagsIsTooManyTagsAndChangesNothing) {
  Served s;
  ASSERT_TRUE(s.ok());
  std::string act = s.call("CreateActivity", {{"name", "act"}}).body["activityArn"];
  Json fifty = Json::array();
  for (int i = 0; i < 50; ++i) fifty.push_back(tag("k" + std::to_string(i), "v"));
  EXPECT_EQ(s.call("TagResource", {{"resourceArn", act}, {"tags", fifty}}).status, 200);
  EXPECT_EQ(s.call("TagResource", {{"resourceArn", act}, {"tags", {tag("k0", "replaced")}}}).status, 200);
  Reply over = s.call("TagResource", {{"resourceArn", act}, {"tags", {tag("k50", "v"), tag("k1", "changed")}}});
  expect_error(over, "TooManyTags");
  EXPECT_EQ(over.body["resourceName"], act);
  Json tags = tags_of(s, act);
  ASSERT_EQ(tags.size(), 50u);
  EXPECT_EQ(tags[0], tag("k0", "replaced"));
  EXPECT_EQ(tags[1], tag("k1", "v"));
  Json fifty_one = fifty;
  fifty_one.push_back(tag("extra", "v"));
  expect_error(s.call("CreateActivity", {{"name", "crowded"}, {"tags", fifty_one}}), "TooManyTags");
  expect_error(s.call("DescribeActivity", {{"activityArn", kArnPrefix + "activity:crowded"}}), "ActivityDoesNotExist");
}

TEST(SfnTagging, UnknownOrMalformedResources) {
  Served s;
  ASSERT_TRUE(s.ok());
  const std::string never = kArnPrefix + "stateMachine:never";
  for (const char* op : {"ListTagsForResource", "TagResource", "UntagResource"}) {
    Json input = {{"resourceArn", never}, {"tags", Json::array()}, {"tagKeys", Json::array()}};
    if (std::string(op) == "ListTagsForResource") input = {{"resourceArn", never}};
    Reply r = s.call(op, input);
    expect_error(r, "ResourceNotFound", "Resource Not Found: '" + never + "'");
    EXPECT_EQ(r.body["resourceName"], never);
  }
  expect_error(s.call("ListTagsForResource", {{"resourceArn", kArnPrefix + "activity:never"}}), "ResourceNotFound");
  expect_error(s.call("ListTagsForResource", {{"resourceArn", "not-an-arn"}}), "InvalidArn",
               "Invalid Arn: 'Invalid ARN prefix: not-an-arn'");
  expect_error(s.call("ListTagsForResource", {{"resourceArn", kArnPrefix + "execution:sm:e"}}), "InvalidArn",
               "Invalid Arn: 'Resource type not valid in this context: execution'");
  expect_error(s.call("TagResource", {{"resourceArn", "arn:aws:states:us-east-1:123:activity:a"}, {"tags", Json::array()}}),
               "InvalidArn");
}
