// Routing and input decoding.
#include <gtest/gtest.h>

#include "emulator/core/input_decoder.h"
#include "emulator/core/router.h"
#include "emulator/core/uri_template.h"
#include "tests/emulator_core/test_specs.h"

using namespace conform;
using namespace conform::emulator;
using namespace conform::emulator::testing;

namespace {

const Route* as_route(const std::variant<Route, ProtocolProblem>& v) { return std::get_if<Route>(&v); }
const ProtocolProblem* as_problem(const std::variant<Route, ProtocolProblem>& v) {
  return std::get_if<ProtocolProblem>(&v);
}

}  // namespace

TEST(Router, AwsJsonTargetExactCase) {
  Router router(test_specs());
  auto r = router.route(alpha_request("PutThing", "{}"));
  ASSERT_TRUE(as_route(r));
  EXPECT_EQ(as_route(r)->op->name, "PutThing");
  EXPECT_EQ(as_route(r)->service->name, "alpha");
}

TEST(Router, TargetCaseMismatchAndUnknown) {
  Router router(test_specs());
  auto r = router.route(alpha_request("putthing", "{}"));
  ASSERT_TRUE(as_problem(r));
  EXPECT_EQ(as_problem(r)->situation, spec::Situation::TargetCaseMismatch);
  auto req = alpha_request("PutThing", "{}");
  req.headers.set("X-Amz-Target", "alphaservice.PutThing");
  ASSERT_TRUE(as_problem(router.route(req)));
  EXPECT_EQ(as_problem(router.route(req))->situation, spec::Situation::TargetCaseMismatch);
  auto unknown = router.route(alpha_request("Nope", "{}"));
  ASSERT_TRUE(as_problem(unknown));
  EXPECT_EQ(as_problem(unknown)->situation, spec::Situation::UnknownOperation);
  EXPECT_EQ(as_problem(unknown)->service->name, "alpha");
}

TEST(Router, RestLabelsArePercentDecoded) {
  Router router(test_specs());
  auto r = router.route(rest_request("POST", "/v1/things/arn%3Ax%3Athing%2FA%24B/stop"));
  ASSERT_TRUE(as_route(r));
  EXPECT_EQ(as_route(r)->op->name, "StopThing");
  EXPECT_EQ(as_route(r)->labels.at("ThingArn"), "arn:x:thing/A$B");
}

TEST(Router, RestMethodMattersAndMostLiteralWins) {
  Router router(test_specs());
  auto get = router.route(rest_request("GET", "/v1/things/abc"));
  ASSERT_TRUE(as_route(get));
  EXPECT_EQ(as_route(get)->op->name, "GetThing");
  auto wrong_method = router.route(rest_request("DELETE", "/v1/things/abc"));
  ASSERT_TRUE(as_problem(wrong_method));
  EXPECT_EQ(as_problem(wrong_method)->situation, spec::Situation::UnknownOperation);
  EXPECT_EQ(as_problem(wrong_method)->service->name, "rest");
}

TEST(Router, UnencodedSlashInLabelIsDetected) {
  Router router(test_specs());
  auto r = router.route(rest_request("POST", "/v1/things/arn:x:thing/AB/stop"));
  ASSERT_TRUE(as_problem(r));
  EXPECT_EQ(as_problem(r)->situation, spec::Situation::UnencodedLabel);
}

TEST(Router, EmptyLabelDoesNotMatch) {
  Router router(test_specs());
  EXPECT_TRUE(as_problem(router.route(rest_request("POST", "/v1/things//stop"))));
  EXPECT_TRUE(as_problem(router.route(rest_request("GET", "/v1/things/"))));
}

TEST(UriTemplate, GreedyAndPlainLabels) {
  UriTemplate t("/a/{Key+}?x-id=1");
  std::map<std::string, std::string> labels;
  ASSERT_TRUE(t.match("/a/b/c%20d", labels));
  EXPECT_EQ(labels["Key"], "b/c d");
  UriTemplate u("/a/{Id}");
  bool bad = false;
  EXPECT_FALSE(u.match("/a/%zz", labels, &bad));
  EXPECT_TRUE(bad);
}

TEST(InputDecoder, AwsJsonBodyEmptyIsObject) {
  const auto& specs = test_specs();
  auto* op = specs.find_operation("alpha", "Ping");
  auto v = decode_input(*specs.find_service("alpha"), *op, alpha_request("Ping", ""), {});
  ASSERT_TRUE(std::holds_alternative<spec::Json>(v));
  EXPECT_TRUE(std::get<spec::Json>(v).is_object());
}

TEST(InputDecoder, AwsJsonDropsNullsAndUnknownMembers) {
  const auto& specs = test_specs();
  auto* op = specs.find_operation("alpha", "PutThing");
  auto v = decode_input(*specs.find_service("alpha"), *op,
                        alpha_request("PutThing", R"({"name":"abc","secret":null,"other":5})"), {});
  ASSERT_TRUE(std::holds_alternative<spec::Json>(v));
  EXPECT_EQ(std::get<spec::Json>(v).dump(), R"({"name":"abc"})");
}

TEST(InputDecoder, ContentTypeVariants) {
  const auto& specs = test_specs();
  auto* op = specs.find_operation("alpha", "Ping");
  const auto& svc = *specs.find_service("alpha");
  for (const char* ok : {"application/x-amz-json-1.0", "application/x-amz-json-1.1",
                         "application/x-amz-json-1.0; charset=utf-8", "Application/X-Amz-Json-1.0"}) {
    auto req = alpha_request("Ping", "{}");
    req.headers.set("Content-Type", ok);
    EXPECT_TRUE(std::holds_alternative<spec::Json>(decode_input(svc, *op, req, {}))) << ok;
  }
  for (const char* bad : {"application/json", "text/plain", ""}) {
    auto req = alpha_request("Ping", "{}");
    req.headers.set("Content-Type", bad);
    auto v = decode_input(svc, *op, req, {});
    ASSERT_TRUE(std::holds_alternative<ProtocolProblem>(v)) << bad;
    EXPECT_EQ(std::get<ProtocolProblem>(v).situation, spec::Situation::WrongContentType);
  }
}

TEST(InputDecoder, RestQueryHeaderLabelAndPayload) {
  const auto& specs = test_specs();
  const auto& svc = *specs.find_service("rest");
  auto req = rest_request("GET", "/v1/things/t1?Verbose=true&id=1&id=22");
  req.headers.set("X-Trace", "tr");
  auto v = decode_input(svc, *specs.find_operation("rest", "GetThing"), req, {{"ThingArn", "t1"}});
  ASSERT_TRUE(std::holds_alternative<spec::Json>(v));
  EXPECT_EQ(std::get<spec::Json>(v).dump(), R"({"ThingArn":"t1","Verbose":true,"Ids":[1,22],"Trace":"tr"})");

  auto stop = rest_request("POST", "/v1/things/x/stop", R"({"ErrorType":"Manual","Junk":1})");
  auto s = decode_input(svc, *specs.find_operation("rest", "StopThing"), stop, {{"ThingArn", "x"}});
  ASSERT_TRUE(std::holds_alternative<spec::Json>(s));
  EXPECT_EQ(std::get<spec::Json>(s)["Error"].dump(), R"({"ErrorType":"Manual"})");

  auto blob = rest_request("PUT", "/v1/blobs/b", "");
  blob.body = std::string("\x00\xff", 2);
  auto b = decode_input(svc, *specs.find_operation("rest", "PutBlob"), blob, {{"Id", "b"}});
  ASSERT_TRUE(std::holds_alternative<spec::Json>(b));
  EXPECT_EQ(std::get<spec::Json>(b)["Data"], "AP8=");  // blobs travel as base64 text
}

TEST(InputDecoder, RestTypeConversionFailures) {
  const auto& specs = test_specs();
  const auto& svc = *specs.find_service("rest");
  auto* get = specs.find_operation("rest", "GetThing");
  for (const char* q : {"/v1/things/t?Verbose=yes", "/v1/things/t?id=1.5", "/v1/things/t?id=99999999999"}) {
    auto v = decode_input(svc, *get, rest_request("GET", q), {{"ThingArn", "t"}});
    ASSERT_TRUE(std::holds_alternative<ProtocolProblem>(v)) << q;
    EXPECT_EQ(std::get<ProtocolProblem>(v).situation, spec::Situation::WrongType);
  }
  auto bad_utf8 = decode_input(svc, *get, rest_request("GET", "/v1/things/t"), {{"ThingArn", "\xff"}});
  ASSERT_TRUE(std::holds_alternative<ProtocolProblem>(bad_utf8));
}
