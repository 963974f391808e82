// Every protocol error path answers a 4xx with an error identity; encoding of both protocols.
#include <gtest/gtest.h>

#include "tests/emulator_core/test_specs.h"

using namespace conform;
using namespace conform::emulator;
using namespace conform::emulator::testing;

namespace {

void expect_4xx(const http::Response& r, int status, const std::string& type) {
  EXPECT_EQ(r.status, status);
  EXPECT_EQ(error_type(r), type);
  EXPECT_TRUE(r.headers.has("x-amzn-RequestId"));
}

}  // namespace

TEST(ProtocolErrors, AwsJsonPaths) {
  auto h = make_test_handler();
  expect_4xx(h->handle(alpha_request("PutThing", "{")), 400, "com.amazon.coral.service#SerializationException");
  expect_4xx(h->handle(alpha_request("PutThing", "[1]")), 400, "com.amazon.coral.service#SerializationException");
  expect_4xx(h->handle(alpha_request("PutThing", R"({"name":5})")), 400,
             "com.amazon.coral.service#SerializationException");
  expect_4xx(h->handle(alpha_request("PutThing", R"({"name":"a","count":1.5})")), 400,
             "com.amazon.coral.service#SerializationException");
  expect_4xx(h->handle(alpha_request("PutThing", R"({"name":"a","data":"!!"})")), 400,
             "com.amazon.coral.service#SerializationException");
  expect_4xx(h->handle(alpha_request("Nope", "{}")), 400, "com.amazon.coral.service#UnknownOperationException");
  expect_4xx(h->handle(alpha_request("ping", "{}")), 400, "com.amazon.coral.service#UnknownOperationException");
  auto wrong_ct = alpha_request("Ping", "{}");
  wrong_ct.headers.set("Content-Type", "application/json");
  expect_4xx(h->handle(wrong_ct), 400, "com.amazon.coral.service#UnknownOperationException");
  http::Request no_target;
  no_target.body = "{}";
  expect_4xx(h->handle(no_target), 400, "com.amazon.coral.service#UnknownOperationException");
}

TEST(ProtocolErrors, RestPaths) {
  auto h = make_test_handler();
  expect_4xx(h->handle(rest_request("POST", "/v1/things/arn%3Ax%3Athing%2FA/stop", "{")), 400,
             "InvalidRequestContentException");
  expect_4xx(h->handle(rest_request("GET", "/nowhere")), 404, "UnknownOperationException");
  expect_4xx(h->handle(rest_request("POST", "/v1/things/arn:x:thing/A/stop")), 404, "UnknownOperationException");
  // No service rule for these: Coral defaults (wrong type falls back to the malformed-json rule).
  expect_4xx(h->handle(rest_request("GET", "/v1/things/t?Verbose=maybe")), 400, "InvalidRequestContentException");
  auto text = rest_request("POST", "/v1/things/arn%3Ax%3Athing%2FA/stop", R"({"ErrorType":"x"})");
  text.headers.set("Content-Type", "text/plain");
  expect_4xx(h->handle(text), 415, "UnsupportedMediaTypeException");
}

TEST(ProtocolErrors, ServerErrorOnMalformedJsonFault) {
  FaultSet f;
  f.add(Fault::ServerErrorOnMalformedJson);
  auto h = make_test_handler(f);
  EXPECT_EQ(h->handle(alpha_request("PutThing", "{")).status, 500);
  EXPECT_EQ(h->handle(alpha_request("PutThing", "[]")).status, 400);  // only malformed JSON
}

TEST(ProtocolErrors, BackendExceptionIs500InternalFailure) {
  auto r = make_test_handler()->handle(alpha_request("PutThing", R"({"name":"boom"})"));
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(error_type(r), "com.amazon.coral.service#InternalFailure");
}

TEST(Encoding, AwsJsonErrorUsesNamespaceAndMessage) {
  auto r = make_test_handler()->handle(alpha_request("PutThing", R"({"name":"exists"})"));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.headers.get("Content-Type"), "application/x-amz-json-1.0");
  EXPECT_EQ(r.body, R"({"__type":"com.example.alpha#ThingExists","message":"Thing Exists: 'exists'"})");
}

TEST(Encoding, AwsJsonVoidOutputIsEmptyBody) {
  auto r = make_test_handler()->handle(alpha_request("Ping", ""));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "");
  EXPECT_EQ(r.headers.get("Content-Type"), "application/x-amz-json-1.0");
}

TEST(Encoding, RestErrorBodyMembersAndNotFoundFault) {
  auto r = make_test_handler()->handle(rest_request("POST", "/v1/things/arn%3Ax%3Athing%2Fmissing/stop"));
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.headers.get("X-Amzn-ErrorType"), "ResourceNotFoundException");
  EXPECT_EQ(r.body, R"({"Type":"User","Message":"Thing not found: arn:x:thing/missing"})");
  FaultSet f;
  f.add(Fault::RestJsonNotFoundAs400);
  auto faulty = make_test_handler(f)->handle(rest_request("POST", "/v1/things/arn%3Ax%3Athing%2Fmissing/stop"));
  EXPECT_EQ(faulty.status, 400);
  EXPECT_EQ(faulty.headers.get("X-Amzn-ErrorType"), "ResourceNotFoundException");
}

TEST(Encoding, RestHeadersBodyAndBlobPayload) {
  auto h = make_test_handler();
  auto r = h->handle(rest_request("GET", "/v1/things/t1?Verbose=false"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.headers.get("ETag"), "abc");
  EXPECT_EQ(body_json(r)["Name"], "t1");
  EXPECT_FALSE(body_json(r).contains("Etag"));
  auto stop = h->handle(rest_request("POST", "/v1/things/arn%3Ax%3Athing%2FA/stop"));
  EXPECT_EQ(stop.body, R"({"StopTimestamp":1700000000.5})");
  auto blob = rest_request("PUT", "/v1/blobs/b");
  blob.body = std::string("\x01\x02\xff", 3);
  auto b = h->handle(blob);
  EXPECT_EQ(b.status, 200);
  EXPECT_EQ(b.body, std::string("\x01\x02\xff", 3));
  EXPECT_EQ(b.headers.get("Content-Type"), "application/octet-stream");
}

TEST(ProtocolErrors, DeeplyNestedBodiesAreMalformedNotACrash) {
  // Found in review: a body nested ~130k levels deep parsed (nlohmann is iterative) and then overflowed
  // the stack of the recursive validators and writers. Now deeper than 128 levels is malformed JSON.
  auto h = make_test_handler();
  std::string deep = "{\"name\":" + std::string(200000, '[') + std::string(200000, ']') + "}";
  expect_4xx(h->handle(alpha_request("PutThing", deep)), 400, "com.amazon.coral.service#SerializationException");
  expect_4xx(h->handle(rest_request("POST", "/v1/things/arn%3Ax%3Athing%2FA/stop", deep)), 400,
             "InvalidRequestContentException");
}
