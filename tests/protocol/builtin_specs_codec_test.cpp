// The codec on the operations as loaded from the built-in spec files (skipped while the specs do not
// load, so a spec under construction cannot crash this binary).
#include <gtest/gtest.h>

#include "harness/protocol/codec.h"
#include "harness/spec/loader.h"
#include "tests/protocol/test_services.h"

namespace conform {
namespace {

using spec::Json;

const spec::SpecSet* loaded() {
  static const spec::LoadResult result = spec::load_spec_files(spec::builtin_spec_files());
  return result.specs ? &*result.specs : nullptr;
}

TEST(BuiltinSpecsCodec, StepFunctionsSendTaskFailure) {
  auto* specs = loaded();
  if (!specs) GTEST_SKIP() << "built-in specs do not load";
  auto* svc = specs->find_service("stepfunctions");
  auto* op = specs->find_operation("stepfunctions", "SendTaskFailure");
  if (!svc || !op) GTEST_SKIP() << "stepfunctions.SendTaskFailure not in the built-in specs";
  auto r = protocol::encode(*svc, *op, Json{{"taskToken", "t"}, {"error", "e"}});
  EXPECT_EQ(r.headers.get("X-Amz-Target"), "AWSStepFunctions.SendTaskFailure");
  EXPECT_EQ(r.headers.get("Content-Type"), "application/x-amz-json-1.0");
  EXPECT_EQ(r.body, R"({"taskToken":"t","error":"e"})");
}

TEST(BuiltinSpecsCodec, SwfRespondActivityTaskFailed) {
  auto* specs = loaded();
  if (!specs) GTEST_SKIP() << "built-in specs do not load";
  auto* svc = specs->find_service("swf");
  auto* op = specs->find_operation("swf", "RespondActivityTaskFailed");
  if (!svc || !op) GTEST_SKIP() << "swf.RespondActivityTaskFailed not in the built-in specs";
  auto r = protocol::encode(*svc, *op, Json::object());
  EXPECT_EQ(r.headers.get("X-Amz-Target"), "SimpleWorkflowService.RespondActivityTaskFailed");
  EXPECT_EQ(r.body, "{}");
}

TEST(BuiltinSpecsCodec, LambdaStopDurableExecution) {
  auto* specs = loaded();
  if (!specs) GTEST_SKIP() << "built-in specs do not load";
  auto* svc = specs->find_service("lambda");
  auto* op = specs->find_operation("lambda", "StopDurableExecution");
  if (!svc || !op) GTEST_SKIP() << "lambda.StopDurableExecution not in the built-in specs";
  Json in = {{"DurableExecutionArn", testing::kDurableArn}, {"Error", {{"ErrorType", "Manual"}}}};
  auto r = protocol::encode(*svc, *op, in);
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.path, std::string("/2025-12-01/durable-executions/") + testing::kDurableArnEncoded + "/stop");
  EXPECT_EQ(r.body, R"({"ErrorType":"Manual"})");
  http::Response ok;
  ok.status = 200;
  ok.body = R"({"StopTimestamp":1767225600})";
  auto d = protocol::decode(*svc, *op, ok);
  EXPECT_TRUE(d.ok());
  EXPECT_EQ(d.output["StopTimestamp"], 1767225600);
}

TEST(BuiltinSpecsCodec, LambdaInvokeHeaderMember) {
  auto* specs = loaded();
  if (!specs) GTEST_SKIP() << "built-in specs do not load";
  auto* svc = specs->find_service("lambda");
  auto* op = specs->find_operation("lambda", "Invoke");
  if (!svc || !op) GTEST_SKIP() << "lambda.Invoke not in the built-in specs";
  auto r = protocol::encode(*svc, *op, Json{{"FunctionName", "f"}, {"DurableExecutionName", "n-1"}});
  EXPECT_EQ(r.headers.get("X-Amz-Durable-Execution-Name"), "n-1");
  EXPECT_EQ(r.path, "/2015-03-31/functions/f/invocations");
}

}  // namespace
}  // namespace conform
