// Exact request bytes produced by the codec for awsJson1_0 (SFN, SWF) and restJson1 (Lambda).
#include <gtest/gtest.h>

#include "harness/protocol/codec.h"
#include "harness/protocol/wire_values.h"
#include "tests/protocol/test_services.h"

namespace conform {
namespace {

using protocol::encode;
using spec::Json;
using namespace conform::testing;

protocol::EncodeOptions host(const char* h) {
  protocol::EncodeOptions o;
  o.host = h;
  return o;
}

TEST(AwsJsonEncode, SfnSendTaskFailureExactBytes) {
  auto r = encode(sfn(), send_task_failure(), Json::parse(R"({"taskToken":"tok","error":"E","cause":"C"})"),
                  host("states.us-east-1.amazonaws.com"));
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.path, "/");
  EXPECT_TRUE(r.query.empty());
  EXPECT_EQ(r.target(), "/");
  EXPECT_EQ(r.headers.get("Host"), "states.us-east-1.amazonaws.com");
  EXPECT_EQ(r.headers.get("Content-Type"), "application/x-amz-json-1.0");
  EXPECT_EQ(r.headers.get("X-Amz-Target"), "AWSStepFunctions.SendTaskFailure");
  EXPECT_EQ(r.body, R"({"taskToken":"tok","error":"E","cause":"C"})");
}

TEST(AwsJsonEncode, SwfTargetPrefix) {
  auto r = encode(swf(), respond_activity_task_failed(), Json::parse(R"({"taskToken":"t","reason":"r"})"));
  EXPECT_EQ(r.headers.get("X-Amz-Target"), "SimpleWorkflowService.RespondActivityTaskFailed");
  EXPECT_EQ(r.headers.get("Content-Type"), "application/x-amz-json-1.0");
  EXPECT_EQ(r.body, R"({"taskToken":"t","reason":"r"})");
}

TEST(AwsJsonEncode, EmptyInputIsEmptyObject) {
  EXPECT_EQ(encode(sfn(), send_task_failure(), Json::object()).body, "{}");
  EXPECT_EQ(encode(sfn(), send_task_failure(), Json()).body, "{}");
}

TEST(AwsJsonEncode, UnknownAndWrongTypedMembersPassThrough) {
  auto r = encode(sfn(), send_task_failure(), Json::parse(R"({"taskToken":42,"bogus":[1,{"a":null}]})"));
  EXPECT_EQ(r.body, R"({"taskToken":42,"bogus":[1,{"a":null}]})");
}

TEST(AwsJsonEncode, IsDeterministic) {
  Json in = Json::parse(R"({"taskToken":"tok","cause":"c","error":"e"})");
  EXPECT_EQ(encode(sfn(), send_task_failure(), in).body, encode(sfn(), send_task_failure(), in).body);
}

TEST(AwsJsonEncode, TimestampStringsBecomeEpochSeconds) {
  auto o = op("stepfunctions", "X");
  o.input.members = {member("at", shape(spec::ShapeType::Timestamp))};
  EXPECT_EQ(encode(sfn(), o, Json::parse(R"({"at":"2015-08-30T12:36:00Z"})")).body, R"({"at":1440938160})");
  EXPECT_EQ(encode(sfn(), o, Json::parse(R"({"at":"2015-08-30T12:36:00.5Z"})")).body, R"({"at":1440938160.5})");
  EXPECT_EQ(encode(sfn(), o, Json::parse(R"({"at":1440938160})")).body, R"({"at":1440938160})");
  EXPECT_EQ(encode(sfn(), o, Json::parse(R"({"at":"not a date"})")).body, R"({"at":"not a date"})");
}

TEST(AwsJsonEncode, InvalidUtf8DoesNotThrow) {
  Json in = Json::object();
  in["taskToken"] = std::string("\xff\xfe", 2);
  auto r = encode(sfn(), send_task_failure(), in);
  EXPECT_EQ(r.body, "{\"taskToken\":\"\xEF\xBF\xBD\xEF\xBF\xBD\"}");
}

TEST(RestJsonEncode, DurableArnLabelIsFullyPercentEncoded) {
  Json in = {{"DurableExecutionArn", kDurableArn}};
  EXPECT_EQ(protocol::expand_uri(stop_durable_execution(), in),
            std::string("/2025-12-01/durable-executions/") + kDurableArnEncoded + "/stop");
  EXPECT_EQ(protocol::expand_uri(stop_durable_execution(), in, /*encode_labels=*/false),
            std::string("/2025-12-01/durable-executions/") + kDurableArn + "/stop");
}

TEST(RestJsonEncode, StopDurableExecutionExactBytes) {
  Json in = Json::parse(R"({"DurableExecutionArn":"x","Error":{"ErrorType":"Manual","ErrorMessage":"stop"}})");
  in["DurableExecutionArn"] = kDurableArn;
  auto r = encode(lambda(), stop_durable_execution(), in, host("lambda.us-east-1.amazonaws.com"));
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.path, std::string("/2025-12-01/durable-executions/") + kDurableArnEncoded + "/stop");
  EXPECT_TRUE(r.query.empty());
  EXPECT_EQ(r.headers.get("Content-Type"), "application/json");
  EXPECT_FALSE(r.headers.has("X-Amz-Target"));
  // The payload member is the whole body: the bare ErrorObject, not {"Error":{...}}.
  EXPECT_EQ(r.body, R"({"ErrorType":"Manual","ErrorMessage":"stop"})");
}

TEST(RestJsonEncode, AbsentStructurePayloadIsEmptyObject) {
  auto r = encode(lambda(), stop_durable_execution(), Json{{"DurableExecutionArn", "a"}});
  EXPECT_EQ(r.path, "/2025-12-01/durable-executions/a/stop");
  EXPECT_EQ(r.body, "{}");
  EXPECT_EQ(r.headers.get("Content-Type"), "application/json");
}

TEST(RestJsonEncode, BlobPayloadIsRawOctetStream) {
  Json in = {{"CallbackId", "ab+/c=="}, {"Result", std::string("\x01raw\x00bytes", 10)}};
  auto r = encode(lambda(), callback_success(), in);
  EXPECT_EQ(r.path, "/2025-12-01/durable-execution-callbacks/ab%2B%2Fc%3D%3D/succeed");
  EXPECT_EQ(r.body, std::string("\x01raw\x00bytes", 10));
  EXPECT_EQ(r.headers.get("Content-Type"), "application/octet-stream");
}

// Regression: the Lambda fixture's Code.ZipFile (base64 text in the recipe) was base64-encoded a second
// time, so real Lambda would have received the base64 text as the zip file.
TEST(WireValues, BlobInJsonBodyIsEncodedOnceAndPreEncodedBlobIsVerbatim) {
  spec::Shape blob;
  blob.type = spec::ShapeType::Blob;
  EXPECT_EQ(protocol::to_body_value(&blob, Json("foobar")), Json("Zm9vYmFy"));
  EXPECT_EQ(protocol::to_body_value(&blob, Json{{"base64", "UEsDBA=="}}), Json("UEsDBA=="));
}

TEST(RestJsonEncode, NoBodyMembersMeansNoBody) {
  auto r = encode(lambda(), callback_heartbeat(), Json{{"CallbackId", "cb"}});
  EXPECT_EQ(r.path, "/2025-12-01/durable-execution-callbacks/cb/heartbeat");
  EXPECT_EQ(r.body, "");
  EXPECT_FALSE(r.headers.has("Content-Type"));
}

TEST(RestJsonEncode, QueryMembers) {
  Json in = {{"DurableExecutionArn", kDurableArn}, {"CheckpointToken", "a b/c"}, {"MaxItems", 10}};
  auto r = encode(lambda(), get_durable_execution_state(), in);
  EXPECT_EQ(r.method, "GET");
  ASSERT_EQ(r.query.size(), 2u);
  EXPECT_EQ(r.query[0], (std::pair<std::string, std::string>{"CheckpointToken", "a b/c"}));
  EXPECT_EQ(r.query[1], (std::pair<std::string, std::string>{"MaxItems", "10"}));
  EXPECT_EQ(r.target(), std::string("/2025-12-01/durable-executions/") + kDurableArnEncoded +
                            "/state?CheckpointToken=a%20b%2Fc&MaxItems=10");
  EXPECT_EQ(r.body, "");
}

TEST(RestJsonEncode, ListQueryRepeatsKeyAndTimestampsAreRfc3339) {
  Json in = {{"FunctionName", "f"},
             {"Statuses", {"RUNNING", "STOPPED"}},
             {"StartedAfter", 1440938160},
             {"ReverseOrder", true}};
  auto r = encode(lambda(), list_by_function(), in);
  EXPECT_EQ(r.target(),
            "/2025-12-01/functions/f/durable-executions?Statuses=RUNNING&Statuses=STOPPED&"
            "StartedAfter=2015-08-30T12%3A36%3A00Z&ReverseOrder=true");
}

TEST(RestJsonEncode, HeaderMember) {
  Json in = {{"FunctionName", "my-fn"}, {"DurableExecutionName", "exec-1"}, {"Qualifier", "$LATEST"},
             {"Payload", "{\"k\":1}"}};
  auto r = encode(lambda(), invoke(), in);
  EXPECT_EQ(r.headers.get("X-Amz-Durable-Execution-Name"), "exec-1");
  EXPECT_EQ(r.target(), "/2015-03-31/functions/my-fn/invocations?Qualifier=%24LATEST");
  EXPECT_EQ(r.body, "{\"k\":1}");
}

TEST(RestJsonEncode, LiteralQueryInTemplateIsKept) {
  auto o = op("lambda", "X", "GET", "/things/{Id}?x-id=List");
  o.input.members = {member("Id", shape(spec::ShapeType::String), spec::Location::Uri)};
  auto r = encode(lambda(), o, Json{{"Id", "a:b"}});
  EXPECT_EQ(r.path, "/things/a%3Ab");
  ASSERT_EQ(r.query.size(), 1u);
  EXPECT_EQ(r.query[0].first, "x-id");
}

TEST(RestJsonEncode, GreedyLabelKeepsSlashes) {
  auto o = op("lambda", "X", "GET", "/files/{Key+}");
  o.input.members = {member("Key", shape(spec::ShapeType::String), spec::Location::Uri)};
  EXPECT_EQ(protocol::expand_uri(o, Json{{"Key", "a b/c:d"}}), "/files/a%20b/c%3Ad");
}

TEST(RestJsonEncode, MissingLabelIsEmpty) {
  EXPECT_EQ(protocol::expand_uri(stop_durable_execution(), Json::object()), "/2025-12-01/durable-executions//stop");
}

TEST(WireValues, TimestampFormats) {
  EXPECT_EQ(protocol::format_rfc3339(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(protocol::format_rfc3339(1440938160), "2015-08-30T12:36:00Z");
  EXPECT_EQ(protocol::format_rfc3339(1440938160.25), "2015-08-30T12:36:00.250Z");
  EXPECT_EQ(protocol::format_http_date(1440938160), "Sun, 30 Aug 2015 12:36:00 GMT");
  EXPECT_EQ(protocol::parse_http_date("Sun, 30 Aug 2015 12:36:00 GMT"), 1440938160.0);
  EXPECT_EQ(protocol::parse_rfc3339("2015-08-30T14:36:00+02:00"), 1440938160.0);
  EXPECT_FALSE(protocol::parse_rfc3339("2015-08-30 12:36:00"));
  EXPECT_FALSE(protocol::parse_rfc3339(""));
}

TEST(WireValues, Base64RoundTrip) {
  for (const std::string& s : std::vector<std::string>{"", "f", "fo", "foo", "foob", "fooba", "foobar", std::string("\0\xff\x10", 3)}) {
    auto enc = protocol::base64_encode(s);
    auto dec = protocol::base64_decode(enc);
    ASSERT_TRUE(dec) << enc;
    EXPECT_EQ(*dec, s);
  }
  EXPECT_EQ(protocol::base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_FALSE(protocol::base64_decode("Zm9=vYmFy"));
  EXPECT_FALSE(protocol::base64_decode("abc"));
}

}  // namespace
}  // namespace conform
