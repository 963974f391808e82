// Response decoding: error identities as the SDKs resolve them, messages, output members, garbage.
#include <gtest/gtest.h>

#include "harness/protocol/codec.h"
#include "tests/protocol/test_services.h"

namespace conform {
namespace {

using protocol::decode;
using spec::Json;
using namespace conform::testing;

http::Response response(int status, std::string body, std::vector<std::pair<std::string, std::string>> headers = {}) {
  http::Response r;
  r.status = status;
  r.body = std::move(body);
  for (auto& [k, v] : headers) r.headers.add(k, v);
  return r;
}

TEST(ErrorIdentity, SanitizeTable) {
  struct Case {
    const char* raw;
    const char* code;
  } cases[] = {
      {"com.amazonaws.swf.service.v2.model#TaskTimedOut", "TaskTimedOut"},
      {"com.amazonaws.swf.base.model#UnknownResourceFault", "UnknownResourceFault"},
      {"ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.lambda/", "ResourceNotFoundException"},
      {"aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/",
       "FooError"},
      {"com.amazon.coral.validate#ValidationException", "ValidationException"},
      {"a#b#Name", "Name"},
      {"Name", "Name"},
      {"  Name  ", "Name"},
      {":http://x", ""},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(protocol::sanitize_error_code(c.raw), c.code) << c.raw;
}

TEST(ErrorIdentity, AwsJsonTypeInBody) {
  auto e = protocol::parse_error_identity(
      spec::Protocol::AwsJson1_0,
      response(400, R"({"__type":"com.amazonaws.swf.service.v2.model#TaskTimedOut","message":"Task Timed Out"})"));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code, "TaskTimedOut");
  EXPECT_EQ(e->raw, "com.amazonaws.swf.service.v2.model#TaskTimedOut");
  EXPECT_EQ(e->source, "body:__type");
}

TEST(ErrorIdentity, AwsJsonCodeInBodyAndHeaderFallback) {
  auto code = protocol::parse_error_identity(spec::Protocol::AwsJson1_0, response(400, R"({"code":"Boom"})"));
  ASSERT_TRUE(code);
  EXPECT_EQ(code->code, "Boom");
  EXPECT_EQ(code->source, "body:code");
  auto header = protocol::parse_error_identity(spec::Protocol::AwsJson1_0,
                                               response(400, "", {{"X-Amzn-ErrorType", "ThrottlingException"}}));
  ASSERT_TRUE(header);
  EXPECT_EQ(header->code, "ThrottlingException");
  EXPECT_EQ(header->source, "header:X-Amzn-ErrorType");
}

TEST(ErrorIdentity, HeaderVersusBodyPrecedence) {
  auto r = response(400, R"({"__type":"ns#FromBody","code":"FromCode"})", {{"x-amzn-errortype", "FromHeader:http://i"}});
  auto rest = protocol::parse_error_identity(spec::Protocol::RestJson1, r);
  ASSERT_TRUE(rest);
  EXPECT_EQ(rest->code, "FromHeader");
  EXPECT_EQ(rest->raw, "FromHeader:http://i");
  auto aws = protocol::parse_error_identity(spec::Protocol::AwsJson1_0, r);
  ASSERT_TRUE(aws);
  EXPECT_EQ(aws->code, "FromBody");
  // restJson1 without the header: body `code` before `__type`.
  auto r2 = response(400, R"({"__type":"ns#FromBody","code":"FromCode"})");
  EXPECT_EQ(protocol::parse_error_identity(spec::Protocol::RestJson1, r2)->code, "FromCode");
}

TEST(ErrorIdentity, GarbageHasNoIdentity) {
  for (const char* body : {"<html>502 Bad Gateway</html>", "", "[]", "\"str\"", R"({"__type":42})", "{\"__type\":"})
    EXPECT_FALSE(protocol::parse_error_identity(spec::Protocol::AwsJson1_0, response(502, body))) << body;
}

TEST(Decode, SfnErrorWithMessage) {
  auto d = decode(sfn(), send_task_failure(),
                  response(400, R"({"__type":"com.amazonaws.swf.service.v2.model#TaskTimedOut",)"
                                R"("message":"Task Timed Out: 'Provided task does not exist anymore'"})",
                           {{"Content-Type", "application/x-amz-json-1.0"}}));
  EXPECT_FALSE(d.ok());
  EXPECT_EQ(d.status, 400);
  ASSERT_TRUE(d.error);
  EXPECT_EQ(d.error->code, "TaskTimedOut");
  EXPECT_EQ(d.message, "Task Timed Out: 'Provided task does not exist anymore'");
  EXPECT_FALSE(d.body_empty);
  EXPECT_TRUE(d.body_parse_error.empty());
}

TEST(Decode, LambdaErrorFromHeaderWithCapitalMessage) {
  auto d = decode(lambda(), stop_durable_execution(),
                  response(404, R"({"Type":"User","Message":"Function not found"})",
                           {{"X-Amzn-ErrorType", "ResourceNotFoundException:http://internal.amazon.com/coral/x/"}}));
  ASSERT_TRUE(d.error);
  EXPECT_EQ(d.error->code, "ResourceNotFoundException");
  EXPECT_EQ(d.error->source, "header:X-Amzn-ErrorType");
  EXPECT_EQ(d.message, "Function not found");
}

TEST(Decode, ErrorMessageKeys) {
  EXPECT_EQ(decode(lambda(), invoke(), response(400, R"({"errorMessage":"m3"})")).message, "m3");
  EXPECT_EQ(decode(lambda(), invoke(), response(400, R"({"message":"m1","Message":"m2"})")).message, "m1");
  EXPECT_FALSE(decode(lambda(), invoke(), response(400, R"({"message":7})")).message);
}

TEST(Decode, SuccessEmptyBody) {
  auto d = decode(sfn(), send_task_failure(), response(200, ""));
  EXPECT_TRUE(d.ok());
  EXPECT_TRUE(d.body_empty);
  EXPECT_FALSE(d.body);
  EXPECT_FALSE(d.error);
  EXPECT_EQ(d.output, Json::object());
}

TEST(Decode, SuccessOutputFromBody) {
  auto d = decode(sfn(), start_execution(), response(200, R"({"executionArn":"arn:x","startDate":1.7E9})"));
  EXPECT_TRUE(d.ok());
  EXPECT_EQ(d.output["executionArn"], "arn:x");
  EXPECT_EQ(d.output["startDate"], 1.7e9);
}

TEST(Decode, OutputFromHeadersAndBlobPayload) {
  auto d = decode(lambda(), invoke(),
                  response(200, R"({"result":1})", {{"X-Amz-Durable-Execution-Arn", "arn:d"}}));
  EXPECT_EQ(d.output["DurableExecutionArn"], "arn:d");
  EXPECT_EQ(d.output["Payload"], R"({"result":1})");
  EXPECT_FALSE(d.output.contains("result"));
}

// Regression (found by fuzz_response_judge): an output header with invalid UTF-8 made the decoded output
// throw on dump(); header values now have invalid sequences replaced by U+FFFD, like bodies.
TEST(Decode, InvalidUtf8HeadersStayDumpable) {
  auto d = decode(lambda(), invoke(),
                  response(200, "{}", {{"X-Amz-Durable-Execution-Arn", std::string("arn:\xff\xfe:x")},
                                       {"X-Amzn-ErrorType", std::string("Bad\xc3")}}));
  EXPECT_NO_THROW((void)d.output.dump());
  EXPECT_EQ(d.output["DurableExecutionArn"], "arn:\xef\xbf\xbd\xef\xbf\xbd:x");
  auto e = decode(lambda(), invoke(), response(400, "", {{"X-Amzn-ErrorType", std::string("Bad\xc3:x")}}));
  ASSERT_TRUE(e.error);
  EXPECT_NO_THROW((void)Json(e.error->raw).dump());
}

TEST(Decode, StopDurableExecutionOutput) {
  auto d = decode(lambda(), stop_durable_execution(), response(200, R"({"StopTimestamp":1767225600.123})"));
  EXPECT_EQ(d.output["StopTimestamp"], 1767225600.123);
}

TEST(Decode, GarbageNeverThrows) {
  std::string deep(200000, '[');
  std::string huge(1 << 20, 'x');
  for (const std::string& body :
       {std::string("<html>"), std::string("\x00\xff\xfe{", 4), deep, huge, std::string("{\"a\":\"\xff\"}"),
        std::string("{\"message\":") + deep}) {
    auto d = decode(sfn(), send_task_failure(), response(500, body));
    EXPECT_FALSE(d.body);
    EXPECT_FALSE(d.body_parse_error.empty());
    EXPECT_FALSE(d.error);
  }
  auto ok = decode(sfn(), start_execution(), response(200, deep));
  EXPECT_TRUE(ok.ok());
  EXPECT_EQ(ok.output, Json::object());
}

TEST(Decode, NestingJustBelowTheCapParses) {
  std::string body = std::string(100, '[') + std::string(100, ']');
  auto d = decode(sfn(), start_execution(), response(200, body));
  EXPECT_TRUE(d.body);
}

}  // namespace
}  // namespace conform
