// Oracle unit tests on hand-made answers: templates, response-level oracles, state assertions,
// expectation judging and validation expectations.
#include <gtest/gtest.h>

#include "harness/oracle/case_builder.h"
#include "harness/oracle/check_support.h"
#include "harness/oracle/expectation.h"
#include "harness/oracle/message_template.h"
#include "harness/oracle/response_oracles.h"
#include "harness/oracle/state_assertion.h"
#include "harness/oracle/violation_expectation.h"
#include "harness/spec/loader.h"

using namespace conform;
using namespace conform::oracle;
using spec::Json;

namespace {

transport::Exchange exchange(int status, std::string body, std::string error_header = "") {
  transport::Exchange e;
  e.operation = "stepfunctions.SendTaskFailure";
  e.purpose = "probe";
  e.response.status = status;
  e.response.body = std::move(body);
  if (!error_header.empty()) e.response.headers.set("X-Amzn-ErrorType", error_header);
  return e;
}

protocol::DecodedResponse error_answer(int status, const std::string& type, const std::string& message) {
  protocol::DecodedResponse r;
  r.status = status;
  r.error = protocol::ErrorIdentity{protocol::sanitize_error_code(type), type, "body:__type"};
  r.message = message;
  r.body = Json{{"__type", type}, {"message", message}};
  r.body_empty = false;
  return r;
}

// A session whose Caller points nowhere: the tests judge hand-made answers, no call is made.
struct Harness {
  const spec::SpecSet& specs = spec::builtin_specs();
  transport::Caller caller{*transport::Url::parse("http://127.0.0.1:9"), transport::CallerOptions{}};
  fixture::FixtureRunner fixtures{specs, fixture::RunIdentity{}};
  Session session{caller, fixtures, 2, nullptr};
  const spec::Operation& op(const std::string& id) { return *specs.find_operation(id); }
  Scope scope(const std::string& id) {
    const auto& o = op(id);
    return Scope{specs, *specs.find_service(o.service), o};
  }
};

Verdict verdict_of(const CaseResult& r, const std::string& facet) {
  for (const auto& f : r.findings)
    if (f.facet == facet) return f.verdict;
  return Verdict::NotRun;
}

}  // namespace

TEST(MessageTemplate, LiteralsWildcardsAndVariables) {
  fixture::Variables vars;
  vars.set("value", "abc");
  vars.set("max", 256);
  EXPECT_TRUE(message_matches("Value '${value}' at 'error' ... ${max}", "Value 'abc' at 'error' ... 256", vars));
  EXPECT_FALSE(message_matches("Value '${value}' at 'error'", "Value 'abd' at 'error'", vars));
  EXPECT_TRUE(message_matches("Unknown activity, scheduledEventId = ${*}", "Unknown activity, scheduledEventId = 5", vars));
  EXPECT_FALSE(message_matches("Unknown activity, scheduledEventId = ${*}", "Unknown task, scheduledEventId = 5", vars));
  EXPECT_TRUE(message_matches("a ${*} b ${*} c", "a x b y b z c", vars));
  EXPECT_FALSE(message_matches("Task Timed Out", "Task Timed Out!", vars));
  EXPECT_EQ(render_template("x ${*} ${max}", vars), "x \u2026 256");
}

TEST(ResponseOracles, ServerErrorIsAViolation) {
  auto f = no_server_error(exchange(500, "{}"), 3);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->verdict, Verdict::Violation);
  EXPECT_EQ(f->exchange_index, 3);
  EXPECT_EQ(no_server_error(exchange(400, "{}"), 0)->verdict, Verdict::Pass);
  EXPECT_FALSE(no_server_error(exchange(0, ""), 0).has_value());  // no HTTP answer: not judged here
}

TEST(ResponseOracles, ErrorsNeedAnIdentity) {
  auto aws = spec::Protocol::AwsJson1_0, rest = spec::Protocol::RestJson1;
  EXPECT_EQ(error_has_identity(aws, exchange(400, R"({"__type":"ns#InvalidToken","message":"x"})"), 0)->verdict, Verdict::Pass);
  EXPECT_EQ(error_has_identity(aws, exchange(400, R"({"message":"x"})"), 0)->verdict, Verdict::Violation);
  EXPECT_EQ(error_has_identity(rest, exchange(404, R"({"Message":"x"})", "ResourceNotFoundException"), 0)->verdict, Verdict::Pass);
  EXPECT_FALSE(error_has_identity(aws, exchange(200, "{}"), 0).has_value());
  CaseResult r;
  r.exchanges = {exchange(200, ""), exchange(503, "oops"), exchange(400, "not json")};
  apply_response_oracles(aws, r);
  EXPECT_EQ(r.worst(), Verdict::Violation);
  // The 503 (a server error without identity, without the error content type) and the identity-less
  // 400 (without the error content type: a fidelity finding each).
  EXPECT_EQ(r.findings.size(), 5u);
  int fidelity = 0;
  for (const auto& f : r.findings) fidelity += f.tier == Tier::Fidelity;
  EXPECT_EQ(fidelity, 2);
}

// Regressions from clean-emulator runs: a read-back echoing the sent Error object with its members in
// another order was judged different, and an Error sent as {} (what SDKs send for "no error") was
// expected back as {} although the wire carries nothing to echo.
TEST(StateAssertion, EqualsInputIgnoresMemberOrderAndTreatsEmptyObjectAsNotSent) {
  fixture::Variables vars;
  spec::StateAssertion error;
  error.pointer = "/Error";
  error.equals_input = "Error";
  Json sent = {{"Error", {{"ErrorType", "T"}, {"ErrorMessage", "m"}, {"StackTrace", Json::array({"a", "b"})}}}};
  Json reordered = {{"Error", {{"StackTrace", Json::array({"a", "b"})}, {"ErrorMessage", "m"}, {"ErrorType", "T"}}}};
  EXPECT_TRUE(evaluate(error, reordered, sent, vars).ok);
  Json other_order_of_list = {{"Error", {{"ErrorType", "T"}, {"ErrorMessage", "m"}, {"StackTrace", Json::array({"b", "a"})}}}};
  EXPECT_FALSE(evaluate(error, other_order_of_list, sent, vars).ok) << "list order is significant";
  Json extra = {{"Error", {{"ErrorType", "T"}, {"ErrorMessage", "m"}, {"StackTrace", Json::array({"a", "b"})}, {"X", 1}}}};
  EXPECT_FALSE(evaluate(error, extra, sent, vars).ok);

  Json empty_sent = {{"Error", Json::object()}};
  EXPECT_TRUE(evaluate(error, Json::object(), empty_sent, vars).ok) << "{} sent: expected absent";
  EXPECT_FALSE(evaluate(error, Json{{"Error", {{"ErrorType", "T"}}}}, empty_sent, vars).ok);
}

TEST(StateAssertion, EqualsEqualsInputPresentAndSome) {
  fixture::Variables vars;
  vars.set("arn", "arn:x");
  Json doc = {{"status", "FAILED"}, {"error", "E"}, {"output", "{\"a\": 1}"}, {"arn", "arn:x"},
              {"events", Json::array({{{"eventType", "A"}}, {{"eventType", "ActivityTaskFailed"}, {"attrs", {{"reason", "r"}}}}})}};
  spec::StateAssertion eq;
  eq.pointer = "/status";
  eq.equals = Json("FAILED");
  EXPECT_TRUE(evaluate(eq, doc, Json::object(), vars).ok);
  eq.equals = Json("ABORTED");
  EXPECT_FALSE(evaluate(eq, doc, Json::object(), vars).ok);
  spec::StateAssertion tmpl;
  tmpl.pointer = "/arn";
  tmpl.equals = Json("${arn}");
  EXPECT_TRUE(evaluate(tmpl, doc, Json::object(), vars).ok);

  spec::StateAssertion in;
  in.pointer = "/error";
  in.equals_input = "error";
  EXPECT_TRUE(evaluate(in, doc, Json{{"error", "E"}}, vars).ok);
  EXPECT_FALSE(evaluate(in, doc, Json::object(), vars).ok);  // not sent: must be absent
  in.pointer = "/output";
  in.equals_input = "output";
  EXPECT_TRUE(evaluate(in, doc, Json{{"output", "{\"a\":1}"}}, vars).ok);  // compared as JSON

  spec::StateAssertion present;
  present.pointer = "/stopDate";
  present.present = true;
  EXPECT_FALSE(evaluate(present, doc, Json::object(), vars).ok);

  spec::StateAssertion some;
  some.pointer = "/events";
  some.provenance = spec::Provenance::Documented;
  spec::StateAssertion type;
  type.pointer = "/eventType";
  type.equals = Json("ActivityTaskFailed");
  type.provenance = spec::Provenance::Documented;
  spec::StateAssertion reason;
  reason.pointer = "/attrs/reason";
  reason.equals_input = "reason";
  reason.provenance = spec::Provenance::Documented;
  some.some = {type, reason};
  EXPECT_TRUE(evaluate(some, doc, Json{{"reason", "r"}}, vars).ok);
  auto miss = evaluate(some, doc, Json{{"reason", "other"}}, vars);
  EXPECT_FALSE(miss.ok);
  EXPECT_EQ(miss.provenance, spec::Provenance::Documented);
  some.some[1].provenance = spec::Provenance::Inferred;  // only a soft part fails: unconfirmed
  EXPECT_FALSE(spec::is_hard(evaluate(some, doc, Json{{"reason", "other"}}, vars).provenance));
}

TEST(Expectation, ErrorFacetsWithProvenance) {
  Harness h;
  auto scope = h.scope("stepfunctions.SendTaskFailure");
  const spec::Rule* closed = rule_for(scope.op, spec::Situation::Closed);
  ASSERT_NE(closed, nullptr);
  {
    CaseBuilder b("t", scope, h.session, Json::object());
    judge_answer(b, scope.op, closed->id, Expected::from(closed->expect),
                 error_answer(400, "com.amazonaws.swf.service.v2.model#TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'"),
                 0, fixture::Variables{});
    auto r = b.finish();
    EXPECT_EQ(r.worst(), Verdict::Pass);
    EXPECT_EQ(verdict_of(r, "wire"), Verdict::Pass);
    EXPECT_EQ(verdict_of(r, "message"), Verdict::Pass);
  }
  {
    CaseBuilder b("t", scope, h.session, Json::object());
    judge_answer(b, scope.op, closed->id, Expected::from(closed->expect),
                 error_answer(400, "com.amazonaws.swf.service.v2.model#TaskDoesNotExist", "nope"), 0, fixture::Variables{});
    auto r = b.finish();
    EXPECT_EQ(verdict_of(r, "error"), Verdict::Violation);  // measured rule
  }
  {
    CaseBuilder b("t", scope, h.session, Json::object());
    protocol::DecodedResponse ok;
    ok.status = 200;
    judge_answer(b, scope.op, closed->id, Expected::from(closed->expect), ok, 0, fixture::Variables{});
    EXPECT_EQ(b.finish().worst(), Verdict::Violation);
  }
}

TEST(Expectation, SuccessShapeAndSameAsFirstClose) {
  Harness h;
  auto scope = h.scope("stepfunctions.StopExecution");
  protocol::DecodedResponse ok;
  ok.status = 200;
  ok.body = Json{{"stopDate", 1.7e9}};
  ok.body_empty = false;
  ok.output = *ok.body;
  {
    CaseBuilder b("t", scope, h.session, Json::object());
    judge_answer(b, scope.op, "valid", Expected{}, ok, 0, fixture::Variables{});
    EXPECT_EQ(verdict_of(b.finish(), "shape"), Verdict::Pass);
  }
  {
    protocol::DecodedResponse missing = ok;
    missing.body = Json::object();
    missing.output = Json::object();
    CaseBuilder b("t", scope, h.session, Json::object());
    judge_answer(b, scope.op, "valid", Expected{}, missing, 0, fixture::Variables{});
    EXPECT_EQ(verdict_of(b.finish(), "shape"), Verdict::Violation);  // stopDate is required by the model
  }
  {
    const spec::Rule* closed = rule_for(scope.op, spec::Situation::Closed);
    ASSERT_TRUE(closed && closed->expect.same_as_first_close);
    CaseBuilder b("t", scope, h.session, Json::object());
    judge_answer(b, scope.op, closed->id, Expected::from(closed->expect), ok, 0, fixture::Variables{}, Json{{"stopDate", 1.6e9}});
    auto r = b.finish();
    EXPECT_EQ(verdict_of(r, "same-as-first-close"), Verdict::Unconfirmed);  // the rule is inferred
  }
}

TEST(ViolationExpectation, ServiceStyleSensitiveTemplateAndLowerCamelPaths) {
  Harness h;
  auto sfn = h.scope("stepfunctions.SendTaskFailure");
  Json c = {{"situation", "length-above-max"}, {"member", "error"}, {"path", "error"}, {"constraint", "length.max"},
            {"template", "lengthMax"}, {"sensitive", true}, {"value", std::string(257, 'x')}};
  auto want = expect_for_violation(sfn, c, fixture::Variables{});
  ASSERT_TRUE(want.known);
  EXPECT_EQ(want.expected.error, "ValidationException");
  EXPECT_EQ(want.expected.status, 400);
  ASSERT_TRUE(want.expected.message);
  EXPECT_TRUE(message_matches(*want.expected.message,
                              "1 validation error detected: Value at 'error' failed to satisfy constraint: Member must have "
                              "length less than or equal to 256",
                              want.vars));
  auto lambda = h.scope("lambda.StopDurableExecution");
  Json p = {{"situation", "pattern-mismatch"}, {"member", "DurableExecutionArn"}, {"path", "DurableExecutionArn"},
            {"constraint", "pattern"}, {"template", "pattern"}, {"sensitive", false}, {"value", "zz"}};
  auto lw = expect_for_violation(lambda, p, fixture::Variables{});
  EXPECT_EQ(lw.vars.get("path")->get<std::string>(), "durableExecutionArn");
  auto missing = expect_for_violation(h.scope("stepfunctions.SendTaskSuccess"),
                                      Json{{"situation", "missing-required"}, {"member", "output"}, {"path", "output"},
                                           {"constraint", "required"}, {"template", "required"}, {"sensitive", true}},
                                      fixture::Variables{});
  EXPECT_TRUE(missing.from_rule);  // SendTaskSuccess has its own measured rule
}

TEST(ResponseOracles, ErrorContentTypeIsAFidelityFacet) {
  auto aws = spec::Protocol::AwsJson1_0, rest = spec::Protocol::RestJson1;
  auto typed = [](int status, const char* type) {
    transport::Exchange e = exchange(status, R"({"__type":"ns#X"})");
    if (type) e.response.headers.set("Content-Type", type);
    return e;
  };
  EXPECT_EQ(error_content_type(aws, typed(400, "application/x-amz-json-1.0"), 0)->verdict, Verdict::Pass);
  EXPECT_EQ(error_content_type(aws, typed(400, "Application/X-Amz-Json-1.0; charset=utf-8"), 0)->verdict, Verdict::Pass);
  EXPECT_EQ(error_content_type(rest, typed(404, "application/json"), 0)->verdict, Verdict::Pass);
  auto wrong = error_content_type(aws, typed(400, "text/html"), 0);
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->verdict, Verdict::Violation);
  EXPECT_EQ(wrong->tier, Tier::Fidelity);
  EXPECT_EQ(error_content_type(rest, typed(404, nullptr), 0)->observed, "(no Content-Type)");
  EXPECT_FALSE(error_content_type(aws, typed(200, "text/plain"), 0).has_value());  // only errors are judged
}
