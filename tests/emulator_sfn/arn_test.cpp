// ARN building/checking and name rules of the stepfunctions backend.
#include <gtest/gtest.h>

#include "emulator/sfn/arn.h"

using namespace conform::emulator::sfn;

TEST(SfnArn, BuildsAwsShapes) {
  EXPECT_EQ(build_activity_arn("us-east-1", "123456789012", "a"), "arn:aws:states:us-east-1:123456789012:activity:a");
  EXPECT_EQ(build_state_machine_arn("us-east-1", "123456789012", "m"),
            "arn:aws:states:us-east-1:123456789012:stateMachine:m");
  EXPECT_EQ(build_execution_arn("us-east-1", "123456789012", "m", "e"),
            "arn:aws:states:us-east-1:123456789012:execution:m:e");
  EXPECT_EQ(build_express_arn("us-east-1", "123456789012", "m", "e", "x"),
            "arn:aws:states:us-east-1:123456789012:express:m:e:x");
}

TEST(SfnArn, AcceptsWellFormedOfTheExpectedType) {
  EXPECT_FALSE(check_arn("arn:aws:states:us-east-1:123456789012:execution:m:e", ArnType::Execution));
  EXPECT_FALSE(check_arn("arn:aws:states:us-east-1:123456789012:activity:a", ArnType::Activity));
  EXPECT_FALSE(check_arn("arn:aws:states:us-east-1:123456789012:stateMachine:m", ArnType::StateMachine));
  EXPECT_FALSE(check_arn("arn:aws-cn:states:cn-north-1:123456789012:stateMachine:m:3", ArnType::StateMachine));
}

TEST(SfnArn, NotAnArnNamesThePrefix) {
  EXPECT_EQ(check_arn("not-an-arn", ArnType::Execution).value_or(""), "Invalid Arn: 'Invalid ARN prefix: not-an-arn'");
  EXPECT_EQ(check_arn("", ArnType::Activity).value_or(""), "Invalid Arn: 'Invalid ARN prefix: '");
}

TEST(SfnArn, ExpressInExecutionContextIsRejectedByType) {
  EXPECT_EQ(check_arn("arn:aws:states:us-east-1:123456789012:express:m:e:x", ArnType::Execution).value_or(""),
            "Invalid Arn: 'Resource type not valid in this context: express'");
  EXPECT_EQ(check_arn("arn:aws:states:us-east-1:123456789012:activity:a", ArnType::Execution).value_or(""),
            "Invalid Arn: 'Resource type not valid in this context: activity'");
}

TEST(SfnArn, OtherMalformationsAreInvalidArn) {
  for (const char* bad : {"arn:", "arn:aws:lambda:us-east-1:123456789012:execution:m:e",
                          "arn:aws:states:us-east-1:12345:execution:m:e", "arn:aws:states:us-east-1:123456789012:execution:m",
                          "arn:aws:states:us-east-1:123456789012:execution:m:e:x", "arn:aws:states:US:123456789012:execution:m:e"}) {
    auto msg = check_arn(bad, ArnType::Execution);
    ASSERT_TRUE(msg.has_value()) << bad;
    EXPECT_EQ(*msg, std::string("Invalid Arn: 'Invalid ARN: ") + bad + "'") << bad;
  }
}

TEST(SfnArn, NameRules) {
  EXPECT_TRUE(is_valid_name("conform-7f3a2c-act-1"));
  EXPECT_TRUE(is_valid_name("n\xC3\xA4me"));
  EXPECT_TRUE(is_valid_name(std::string(80, 'a')));
  EXPECT_FALSE(is_valid_name(std::string(81, 'a')));
  EXPECT_FALSE(is_valid_name(""));
  for (const char* bad : {"a b", "a:b", "a/b", "a*b", "a\tb", "a\x7f", "a\xC2\x85", "\xFF"}) EXPECT_FALSE(is_valid_name(bad)) << bad;
}
