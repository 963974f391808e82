// TagResource, UntagResource and ListTagsForResource on domains over HTTP: RegisterDomain's tags, adding,
// replacing and removing tags, the 50-tag limit, and ARNs that name no domain.
#include <gtest/gtest.h>

#include "tests/emulator_swf/output_shape.h"
#include "tests/emulator_swf/swf_seed.h"

using namespace conform::emulator;
using namespace conform::emulator::swf_test;

namespace {

class SwfTagsHttp : public SwfHttpTest {
 protected:
  const std::string arn = "arn:aws:swf:us-east-1:123456789012:/domain/d";
  Json tags() {
    HttpAnswer a = call("ListTagsForResource", {{"resourceArn", arn}});
    EXPECT_EQ(output_problems("ListTagsForResource", a), std::vector<std::string>{});
    return a.body.value("tags", Json());
  }
};

}  // namespace

TEST_F(SwfTagsHttp, TagsFromRegistrationAddedReplacedAndRemoved) {
  Seed s(client, "d");
  s.expect_ok("RegisterDomain", {{"name", "d"}, {"workflowExecutionRetentionPeriodInDays", "1"},
                                 {"tags", Json::array({{{"key", "team"}, {"value", "a"}}})}});
  EXPECT_EQ(call("DescribeDomain", {{"name", "d"}}).body["domainInfo"]["arn"], arn);
  EXPECT_EQ(tags(), Json::array({{{"key", "team"}, {"value", "a"}}}));
  HttpAnswer tagged = call("TagResource", {{"resourceArn", arn}, {"tags", Json::array({{{"key", "env"}, {"value", "prod"}},
                                                                                        {{"key", "team"}, {"value", "b"}},
                                                                                        {{"key", "bare"}}})}});
  EXPECT_EQ(output_problems("TagResource", tagged), std::vector<std::string>{});
  EXPECT_EQ(tags(), Json::array({{{"key", "team"}, {"value", "b"}}, {{"key", "env"}, {"value", "prod"}}, {{"key", "bare"}}}));
  HttpAnswer untagged = call("UntagResource", {{"resourceArn", arn}, {"tagKeys", Json::array({"team", "absent"})}});
  EXPECT_EQ(output_problems("UntagResource", untagged), std::vector<std::string>{});
  EXPECT_EQ(tags(), Json::array({{{"key", "env"}, {"value", "prod"}}, {{"key", "bare"}}}));
}

TEST_F(SwfTagsHttp, NoMoreThanFiftyTags) {
  Seed(client, "d").expect_ok("RegisterDomain", {{"name", "d"}, {"workflowExecutionRetentionPeriodInDays", "1"}});
  Json fifty = Json::array();
  for (int i = 0; i < 50; ++i) fifty.push_back({{"key", "k" + std::to_string(i)}, {"value", "v"}});
  EXPECT_EQ(call("TagResource", {{"resourceArn", arn}, {"tags", fifty}}).status, 200);
  HttpAnswer over = call("TagResource", {{"resourceArn", arn}, {"tags", Json::array({{{"key", "one-more"}}})}});
  EXPECT_EQ(over.error_type(), fault_type("TooManyTagsFault")) << over.raw;
  EXPECT_EQ(error_problems("TagResource", over), std::vector<std::string>{});
  EXPECT_EQ(tags().size(), 50u);
  // Replacing a value stays within the limit.
  EXPECT_EQ(call("TagResource", {{"resourceArn", arn}, {"tags", Json::array({{{"key", "k0"}, {"value", "w"}}})}}).status, 200);
  Json registered_with_51 = Json::array();
  for (int i = 0; i < 51; ++i) registered_with_51.push_back({{"key", "k" + std::to_string(i)}});
  HttpAnswer reg = call("RegisterDomain", {{"name", "e"}, {"workflowExecutionRetentionPeriodInDays", "1"}, {"tags", registered_with_51}});
  EXPECT_EQ(reg.error_type(), fault_type("TooManyTagsFault")) << reg.raw;
  EXPECT_EQ(call("DescribeDomain", {{"name", "e"}}).error_type(), fault_type("UnknownResourceFault"));
}

TEST_F(SwfTagsHttp, ArnsThatNameNoDomain) {
  Seed(client, "d").expect_ok("RegisterDomain", {{"name", "d"}, {"workflowExecutionRetentionPeriodInDays", "1"}});
  for (const std::string& other : {std::string("arn:aws:swf:us-east-1:123456789012:/domain/x"),
                                   std::string("arn:aws:swf:eu-west-1:123456789012:/domain/d"),
                                   std::string("arn:aws:swf:us-east-1:210987654321:/domain/d"), std::string("d")}) {
    for (const auto& [op, in] : {std::pair<std::string, Json>{"ListTagsForResource", {{"resourceArn", other}}},
                                 {"TagResource", {{"resourceArn", other}, {"tags", Json::array({{{"key", "k"}}})}}},
                                 {"UntagResource", {{"resourceArn", other}, {"tagKeys", Json::array({"k"})}}}}) {
      HttpAnswer a = call(op, in);
      EXPECT_EQ(a.error_type(), fault_type("UnknownResourceFault")) << op << " " << other << ": " << a.raw;
      EXPECT_EQ(a.message(), "Unknown resource: " + other);
      EXPECT_EQ(error_problems(op, a), std::vector<std::string>{});
    }
  }
  EXPECT_EQ(tags(), Json::array());
}
