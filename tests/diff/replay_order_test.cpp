// Regression: values the harness chose are known to a replay only from the step where the recording
// first met them. A value chosen later that happens to be a substring of an earlier answer was once
// replaced in the live answer only (found by clean-vs-clean runs, seed 9: a generated token was a
// substring of an earlier error message), which showed a difference where there was none.
#include <gtest/gtest.h>

#include "tests/diff/diff_support.h"

namespace conform::diff {
namespace {

Entry stop_execution(int step, const std::string& body) {
  Entry e;
  e.step = step;
  e.operation = "stepfunctions.StopExecution";
  e.check = "malformed_identifier";
  e.call = "stepfunctions.StopExecution";
  e.purpose = "probe";
  e.request.method = "POST";
  e.request.path = "/";
  e.request.headers = {{"content-type", "application/x-amz-json-1.0"}, {"x-amz-target", "AWSStepFunctions.StopExecution"}};
  e.request.body_text = body;
  e.response.status = 400;
  e.response.headers = {{"content-type", "application/x-amz-json-1.0"}, {"x-amzn-requestid", "<request-id#" + std::to_string(step) + ">"}};
  return e;
}

TEST(ReplayOrder, ALaterValueDoesNotRewriteAnEarlierAnswer) {
  Cassette c;
  c.seed = 1;
  // Step 1's answer echoes "not-an-arn-value"; step 2 sends the token "an-arn-val", a substring of it,
  // which the recording met only at step 2: step 1's recorded answer holds it verbatim.
  Entry first = stop_execution(1, R"({"executionArn":"not-an-arn-value"})");
  first.response.body = Json{{"__type", "com.amazonaws.swf.service.v2.model#InvalidArn"},
                             {"message", "Invalid Arn: 'Invalid ARN prefix: not-an-arn-value'"}};
  Entry second = stop_execution(2, R"({"executionArn":"also-not-an-arn","taskToken":"<token#1>"})");
  second.response.body = Json{{"__type", "com.amazonaws.swf.service.v2.model#InvalidArn"},
                              {"message", "Invalid Arn: 'Invalid ARN prefix: also-not-an-arn'"}};
  c.entries = {first, second};
  c.references = {{"<request-id#1>", "request-id", "response", 1, ""},
                  {"<request-id#2>", "request-id", "response", 2, ""},
                  {"<token#1>", "token", "request", 2, "an-arn-val"}};
  auto replayed = replay_cassette(c, testing::replay_options());
  ASSERT_EQ(replayed.exit_code, 0) << replayed.error;
  EXPECT_EQ(replayed.diff.differing, 0) << testing::describe(replayed.diff);
  EXPECT_TRUE(replayed.unbound.empty());
  // And the token was sent as its value.
  ASSERT_EQ(replayed.live.entries.size(), 2u);
}

}  // namespace
}  // namespace conform::diff
