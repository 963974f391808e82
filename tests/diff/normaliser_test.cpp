// The normaliser, the comparison and the user rules in isolation: numbering, identity, encoded path
// labels, substitution back to values, user normalisers and accepted differences, bad rule files.
#include <gtest/gtest.h>

#include "harness/diff/compare.h"
#include "harness/diff/normaliser.h"
#include "harness/diff/rules.h"
#include "harness/diff/target_spec.h"

namespace conform::diff {
namespace {

http::Response json_response(int status, const std::string& body, const std::string& request_id = "") {
  http::Response r;
  r.status = status;
  r.headers.add("Content-Type", "application/x-amz-json-1.0");
  if (!request_id.empty()) r.headers.add("x-amzn-RequestId", request_id);
  r.body = body;
  return r;
}

http::Request json_request(const std::string& body, const std::string& path = "/") {
  http::Request r;
  r.path = path;
  r.headers.add("Content-Type", "application/x-amz-json-1.0");
  r.headers.add("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/x, Signature=abcdef0123");
  r.headers.add("X-Amz-Date", "20260101T000000Z");
  r.body = body;
  return r;
}

const std::string kArn = "arn:aws:states:us-east-1:123456789012:execution:conform-abc123-sm-1:conform-abc123-ex-1";
const std::string kToken = "AAAAKgAAAAIAAAAAAAAAAbase64tokenvalue+/=";

TEST(Normaliser, SameValueSameReferenceEverywhere) {
  Normaliser n;
  n.intern("conform-abc123", "run", "request", 0);
  auto resp = n.response(json_response(200, R"({"executionArn":")" + kArn + R"(","taskToken":")" + kToken + R"("})", "req-0001"), 1);
  ASSERT_TRUE(resp.body);
  EXPECT_EQ((*resp.body)["executionArn"], "<arn#1>");
  EXPECT_EQ((*resp.body)["taskToken"], "<token#1>");
  EXPECT_EQ(resp.header("x-amzn-requestid"), "<request-id#1>");
  // Later, in a request body and inside an error message, the same values get the same references.
  auto req = n.request(json_request(R"({"taskToken":")" + kToken + R"(","name":"conform-abc123-x"})"), 2);
  ASSERT_TRUE(req.body);
  EXPECT_EQ((*req.body)["taskToken"], "<token#1>");
  EXPECT_EQ((*req.body)["name"], "<run#1>-x");
  auto err = n.response(json_response(400, R"({"__type":"TaskTimedOut","message":"Task )" + kToken + R"( is closed; see )" + kArn + R"("})"), 2);
  EXPECT_EQ((*err.body)["message"], "Task <token#1> is closed; see <arn#1>");
  // A different value of the same kind gets the next number.
  auto other = n.response(json_response(200, R"({"taskToken":"BBBBsecondtokenvalue"})"), 3);
  EXPECT_EQ((*other.body)["taskToken"], "<token#2>");
}

TEST(Normaliser, RequestsKeepTheirBytesAndLoseTheirCredentials) {
  Normaliser n({}, "", {"AKIAIOSFODNN7EXAMPLE"});
  // Not canonical JSON (spaces): kept as text, byte for byte.
  auto req = n.request(json_request("{ \"a\" : 1 }"), 1);
  EXPECT_FALSE(req.body);
  EXPECT_EQ(req.body_text, "{ \"a\" : 1 }");
  for (const auto& [k, v] : req.headers) {
    EXPECT_NE(k, "authorization");
    EXPECT_NE(k, "x-amz-date");
    EXPECT_EQ(v.find("AKIA"), std::string::npos);
  }
  auto malformed = n.request(json_request("{\"a\":"), 2);
  EXPECT_EQ(malformed.text(), "{\"a\":");
}

TEST(Normaliser, EncodedPathLabelsAndSubstitutionBack) {
  Normaliser n;
  const std::string arn = "arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST/durable-execution/e/1";
  n.response(json_response(200, R"({"DurableExecutionArn":")" + arn + R"("})"), 1);
  auto req = n.request(json_request("", "/2025-12-01/durable-executions/" + http::percent_encode(arn) + "/stop"), 2);
  EXPECT_EQ(req.path, "/2025-12-01/durable-executions/<arn#1:pct>/stop");
  EXPECT_EQ(n.substitute(req.path), "/2025-12-01/durable-executions/" + http::percent_encode(arn) + "/stop");
  std::vector<std::string> unknown;
  EXPECT_EQ(n.substitute("x <arn#1> <arn#9> <not a ref>", &unknown), "x " + arn + " <arn#9> <not a ref>");
  EXPECT_EQ(unknown, std::vector<std::string>{"<arn#9>"});
}

TEST(Normaliser, ShortValuesAreNeverReferenced) {
  Normaliser n;
  EXPECT_EQ(n.intern("abc", "token", "request", 1), "abc");
  auto resp = n.response(json_response(200, R"({"taskToken":"xyz","note":"xyz"})"), 1);
  EXPECT_EQ((*resp.body)["taskToken"], "xyz");
}

TEST(Normaliser, TimestampsAndRequestIdsAreIdentityFree) {
  EXPECT_EQ(canonical_text("at <timestamp#3> req <request-id#9>, token <token#2>"),
            "at <timestamp#*> req <request-id#*>, token <token#2>");
  Normaliser n;
  auto a = n.response(json_response(200, R"({"stopDate":1700000000.5})"), 1);
  EXPECT_EQ((*a.body)["stopDate"], "<timestamp#1>");
}

Entry entry_with(const Message& response, const std::string& purpose = "probe") {
  Entry e;
  e.step = 4;
  e.operation = "stepfunctions.SendTaskFailure";
  e.check = "closed_token_idempotence";
  e.call = "stepfunctions.SendTaskFailure";
  e.purpose = purpose;
  e.response = response;
  return e;
}

Message answer(int status, Json body) {
  Message m;
  m.status = status;
  m.body = std::move(body);
  return m;
}

TEST(Compare, ReportsEachKindOfDifference) {
  auto same = compare_entry(entry_with(answer(200, {{"stopDate", "<timestamp#1>"}})),
                            entry_with(answer(200, {{"stopDate", "<timestamp#new4>"}})));
  EXPECT_TRUE(same.empty());
  auto d = compare_entry(entry_with(answer(400, {{"__type", "ns#TaskTimedOut"}, {"message", "closed"}})),
                         entry_with(answer(400, {{"__type", "ns#TaskDoesNotExist"}, {"message", "gone"}})));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].kind, "error");
  EXPECT_EQ(d[0].expected, "TaskTimedOut");
  EXPECT_EQ(d[1].kind, "message");
  d = compare_entry(entry_with(answer(200, {{"status", "ABORTED"}}), "read-back"),
                    entry_with(answer(200, {{"status", "RUNNING"}, {"extra", 1}}), "read-back"));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].kind, "state");
  EXPECT_EQ(d[0].path, "/status");
  EXPECT_EQ(d[1].path, "/extra");
  EXPECT_EQ(d[1].expected, "(absent)");
  // Identity matters for tokens: the answer names another token than the recorded one.
  d = compare_entry(entry_with(answer(200, {{"taskToken", "<token#2>"}})), entry_with(answer(200, {{"taskToken", "<token#1>"}})));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].kind, "body");
  Entry lost = entry_with(answer(200, Json::object()));
  lost.transport_error = "connection refused";
  d = compare_entry(entry_with(answer(200, Json::object())), lost);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].kind, "transport");
}

TEST(Compare, AcceptedDifferencesDoNotCountAgainstParity) {
  Cassette a, b;
  a.entries = {entry_with(answer(400, {{"__type", "X"}, {"message", "one wording"}})), entry_with(answer(200, Json::object()))};
  b.entries = {entry_with(answer(400, {{"__type", "X"}, {"message", "another wording"}})), entry_with(answer(200, Json::object()))};
  auto plain = compare_cassettes(a, b, {});
  EXPECT_EQ(plain.differing, 1);
  EXPECT_DOUBLE_EQ(plain.parity(), 50.0);
  std::string error;
  auto rules = rules_from_text(R"({"accept":[{"operation":"stepfunctions.*","kind":"message","reason":"wording"}]})", &error);
  ASSERT_TRUE(rules) << error;
  auto accepted = compare_cassettes(a, b, *rules);
  EXPECT_EQ(accepted.differing, 0);
  EXPECT_EQ(accepted.accepted, 1);
  ASSERT_EQ(accepted.differences.size(), 1u);
  EXPECT_TRUE(accepted.differences[0].accepted);
  EXPECT_EQ(accepted.differences[0].reason, "wording");
  EXPECT_DOUBLE_EQ(accepted.parity(), 100.0);
  // An acceptance for another kind leaves the difference standing.
  rules = rules_from_text(R"({"accept":[{"kind":"status"}]})", &error);
  EXPECT_EQ(compare_cassettes(a, b, *rules).differing, 1);
}

TEST(Rules, UserNormalisersByPathAndRegex) {
  std::string error;
  auto rules = rules_from_text(
      R"J({"normalise":[{"path":"$..executionName","kind":"name"},{"regex":"build-([0-9]+)","kind":"build"}]})J", &error);
  ASSERT_TRUE(rules) << error;
  Normaliser n(*rules);
  auto r = n.response(json_response(200, R"({"detail":{"executionName":"run-42"},"version":"build-9931 ok"})"), 1);
  EXPECT_EQ((*r.body)["detail"]["executionName"], "<name#1>");
  EXPECT_EQ((*r.body)["version"], "build-<build#1> ok");
}

TEST(Rules, JsonPathsMatchLocations) {
  std::string error;
  auto p = JsonPath::parse("$.response.body.events[*].id", &error);
  ASSERT_TRUE(p) << error;
  EXPECT_TRUE(p->matches({"response", "body", "events", "3", "id"}));
  EXPECT_FALSE(p->matches({"response", "body", "events", "3", "name"}));
  auto d = JsonPath::parse("$..taskToken", &error);
  ASSERT_TRUE(d) << error;
  EXPECT_TRUE(d->matches({"request", "body", "taskToken"}));
  EXPECT_TRUE(d->matches({"response", "body", "a", "b", "taskToken"}));
  EXPECT_FALSE(d->matches({"response", "body", "taskToken", "x"}));
  EXPECT_TRUE(glob_match("stepfunctions.*", "stepfunctions.StopExecution"));
  EXPECT_FALSE(glob_match("swf.*", "stepfunctions.StopExecution"));
}

TEST(Rules, BadFilesAreRejectedWithTheReason) {
  struct Case {
    std::string text, says;
  };
  for (const auto& c : std::vector<Case>{{"not json", "JSON"},
                                         {R"({"normalize":[]})", "normalize"},
                                         {R"J({"normalise":[{"regex":"(","kind":"x"}]})J", "regex"},
                                         {R"({"normalise":[{"path":"executionArn","kind":"x"}]})", "$"},
                                         {R"({"normalise":[{"path":"$.a","regex":"b"}]})", "exactly one"},
                                         {R"({"normalise":[{"path":"$.a","kind":"bad kind"}]})", "kind"},
                                         {R"({"accept":[{"operation":"x","colour":"red"}]})", "colour"},
                                         {R"({"accept":[{"step":"one"}]})", "step"}}) {
    std::string error;
    EXPECT_FALSE(rules_from_text(c.text, &error)) << c.text;
    EXPECT_NE(error.find(c.says), std::string::npos) << c.text << " -> " << error;
  }
  std::string error;
  EXPECT_FALSE(load_rules("/nonexistent/rules.json", &error));
  EXPECT_NE(error.find("/nonexistent/rules.json"), std::string::npos);
}

TEST(TargetSpec, UrlsEmbeddedAndFaults) {
  std::string error;
  auto e = parse_target_spec("embedded", &error);
  ASSERT_TRUE(e);
  EXPECT_FALSE(e->url);
  EXPECT_TRUE(e->faults.empty());
  auto f = parse_target_spec("embedded:sfn-close-not-atomic,restjson-not-found-as-400", &error);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->faults, (std::vector<std::string>{"sfn-close-not-atomic", "restjson-not-found-as-400"}));
  auto u = parse_target_spec("http://127.0.0.1:4566", &error);
  ASSERT_TRUE(u);
  EXPECT_EQ(u->url, "http://127.0.0.1:4566");
  EXPECT_FALSE(parse_target_spec("embedded:", &error));
  EXPECT_FALSE(parse_target_spec("", &error));
  EXPECT_FALSE(parse_target_spec("not a url", &error));
}

}  // namespace
}  // namespace conform::diff
