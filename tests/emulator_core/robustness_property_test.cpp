// Properties: arbitrary method, path, headers and body never yield a 5xx, and every non-2xx answer
// carries an error identity, both for the hand-built test services and the full emulator.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "emulator/app/emulator.h"
#include "tests/emulator_core/test_specs.h"

using namespace conform;
using namespace conform::emulator;
using namespace conform::emulator::testing;

namespace {

rc::Gen<std::string> pieces(std::vector<std::string> options) {
  return rc::gen::oneOf(rc::gen::elementOf(options), rc::gen::arbitrary<std::string>());
}

rc::Gen<http::Request> arbitrary_request(std::vector<std::string> paths, std::vector<std::string> targets,
                                         std::vector<std::string> bodies) {
  return rc::gen::exec([=] {
    http::Request r;
    r.method = *pieces({"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"});
    r.path = *rc::gen::oneOf(rc::gen::elementOf(paths),
                             rc::gen::map(rc::gen::arbitrary<std::string>(), [](std::string s) { return "/" + s; }));
    if (*rc::gen::arbitrary<bool>()) r.query.push_back({*rc::gen::arbitrary<std::string>(), *rc::gen::arbitrary<std::string>()});
    if (*rc::gen::arbitrary<bool>()) r.headers.set("X-Amz-Target", *pieces(targets));
    if (*rc::gen::arbitrary<bool>())
      r.headers.set("Content-Type", *pieces({"application/x-amz-json-1.0", "application/json", "text/plain"}));
    auto extra = *rc::gen::container<std::vector<std::pair<std::string, std::string>>>(
        rc::gen::pair(pieces({"X-Amz-Invocation-Type", "X-Amz-Durable-Execution-Name", "X-Trace"}),
                      pieces({"Event", "RequestResponse", "dx", "\xff"})));
    for (auto& [k, v] : extra) r.headers.add(k, v);
    r.body = *pieces(bodies);
    return r;
  });
}

void check_answer(const http::Response& r) {
  RC_ASSERT(r.status >= 200);
  RC_ASSERT(r.status < 500);
  if (r.status >= 300) RC_ASSERT(!error_type(r).empty());
  RC_ASSERT(r.headers.has("x-amzn-RequestId"));
}

}  // namespace

RC_GTEST_PROP(Robustness, TestServicesNeverAnswer5xx, ()) {
  static auto handler = make_test_handler();
  auto request = *arbitrary_request(
      {"/", "/v1/things/arn%3Ax%3Athing%2FA/stop", "/v1/things/x", "/v1/blobs/b", "/v1/things//stop"},
      {"AlphaService.PutThing", "AlphaService.Ping", "alphaservice.ping", "AlphaService.", "."},
      {"", "{}", "{", "[]", "null", R"({"name":"abc"})", R"({"name":"abc","tags":[{"key":null}],"count":"x"})",
       R"({"ErrorMessage":"x","ErrorType":7})"});
  check_answer(handler->handle(request));
}

RC_GTEST_PROP(Robustness, EmulatorNeverAnswers5xx, ()) {
  static Emulator emulator([] {
    EmulatorOptions o;
    o.clock = std::make_shared<ManualClock>();
    return o;
  }());
  auto request = *arbitrary_request(
      {"/", "/2025-12-01/durable-executions/not-an-arn/stop", "/2025-12-01/durable-executions/x",
       "/2015-03-31/functions", "/2015-03-31/functions/f/invocations", "/2015-03-31/functions/f",
       "/2025-12-01/durable-executions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Af%3A%24LATEST%2F"
       "durable-execution%2Fn%2Fid/stop"},
      {"AWSStepFunctions.StopExecution", "AWSStepFunctions.SendTaskFailure", "SimpleWorkflowService.RegisterDomain",
       "AWSStepFunctions.DescribeExecution", "awsstepfunctions.stopexecution"},
      {"", "{}", "{", "[1]", R"({"FunctionName":"f","Role":"arn:aws:iam::123456789012:role/r","Code":{}})",
       R"({"taskToken":"abc","error":5})", R"({"executionArn":"arn:aws:states:us-east-1:123456789012:execution:a:b"})",
       R"({"ErrorType":"x","StackTrace":["a",null]})"});
  check_answer(emulator.handle(request));
}
