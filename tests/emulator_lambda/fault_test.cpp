// Each planted fault this area owns changes exactly the behaviour it names (compared with a clean
// emulator on the same request), in-process through the whole emulator.
#include <gtest/gtest.h>

#include "tests/emulator_lambda/lambda_client.h"

using namespace conform;
using namespace conform::emulator;
using namespace conform::emulator::testing;

namespace {

std::unique_ptr<Emulator> make(std::optional<Fault> fault = std::nullopt) {
  EmulatorOptions options;
  options.clock = std::make_shared<ManualClock>();
  if (fault) options.faults.add(*fault);
  return std::make_unique<Emulator>(options);
}

std::string started_execution(Emulator& emu, const std::string& fn = "fn") {
  EXPECT_EQ(emu.handle(create_function_request(fn)).status, 201);
  auto r = emu.handle(invoke_request(fn, "dx"));
  EXPECT_EQ(r.status, 202);
  return r.headers.get("X-Amz-Durable-Execution-Arn").value_or("");
}

http::Request sfn_send_task_failure(const std::string& error) {
  http::Request r;
  r.headers.set("X-Amz-Target", "AWSStepFunctions.SendTaskFailure");
  r.headers.set("Content-Type", "application/x-amz-json-1.0");
  r.body = Json{{"taskToken", "garbage"}, {"error", error}}.dump();
  return r;
}

std::string message_of(const http::Response& r) {
  Json j = json_of(r);
  if (j.is_object() && j.contains("message")) return j["message"].get<std::string>();
  return "";
}

}  // namespace

TEST(Faults, LengthMaxNotEnforced) {
  std::string long_name(65, 'n');  // DurableExecutionName max 64
  auto clean = make();
  clean->handle(create_function_request("fn"));
  auto r = clean->handle(invoke_request("fn", long_name));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_type_of(r), "ValidationException");
  auto faulty = make(Fault::LengthMaxNotEnforced);
  faulty->handle(create_function_request("fn"));
  EXPECT_EQ(faulty->handle(invoke_request("fn", long_name)).status, 202);
}

TEST(Faults, RequiredNotEnforced) {
  http::Request r = create_function_request("fn");
  Json body = Json::parse(r.body);
  body.erase("Role");
  r.body = body.dump();
  auto answer = make()->handle(r);
  EXPECT_EQ(answer.status, 400);
  EXPECT_EQ(message_of(answer),
            "1 validation error detected: Value null at 'role' failed to satisfy constraint: Member must not be null");
  EXPECT_EQ(make(Fault::RequiredNotEnforced)->handle(r).status, 201);
}

TEST(Faults, LengthCountedInBytes) {
  http::Request r = create_function_request("fn");
  Json body = Json::parse(r.body);
  std::string description;
  for (int i = 0; i < 200; ++i) description += "\xc3\xa9";  // 200 code points, 400 bytes; max 256
  body["Description"] = description;
  r.body = body.dump();
  EXPECT_EQ(make()->handle(r).status, 201);
  auto faulty = make(Fault::LengthCountedInBytes)->handle(r);
  EXPECT_EQ(faulty.status, 400);
  EXPECT_NE(message_of(faulty).find("at 'description'"), std::string::npos);
}

TEST(Faults, SensitiveValueEchoed) {
  std::string error(257, 'e');  // SFN `error` is @sensitive, max 256; validation precedes the token check
  auto clean = make()->handle(sfn_send_task_failure(error));
  EXPECT_EQ(clean.status, 400);
  EXPECT_EQ(message_of(clean),
            "1 validation error detected: Value at 'error' failed to satisfy constraint: Member must have length less "
            "than or equal to 256");
  auto faulty = make(Fault::SensitiveValueEchoed)->handle(sfn_send_task_failure(error));
  EXPECT_EQ(message_of(faulty), "1 validation error detected: Value '" + error +
                                    "' at 'error' failed to satisfy constraint: Member must have length less than or "
                                    "equal to 256");
}

TEST(Faults, ServerErrorOnMalformedJson) {
  http::Request r = create_function_request("fn");
  r.body = "{\"FunctionName\"";
  EXPECT_EQ(make()->handle(r).status, 400);
  EXPECT_EQ(make(Fault::ServerErrorOnMalformedJson)->handle(r).status, 500);
}

TEST(Faults, DurableArnPatternNotEnforced) {
  auto clean = make()->handle(stop_request("not-an-arn"));
  EXPECT_EQ(clean.status, 400);
  EXPECT_EQ(error_type_of(clean), "ValidationException");
  auto faulty = make(Fault::DurableArnPatternNotEnforced)->handle(stop_request("not-an-arn"));
  EXPECT_EQ(faulty.status, 404);
  EXPECT_EQ(error_type_of(faulty), "ResourceNotFoundException");
}

TEST(Faults, RestJsonNotFoundAs400) {
  EXPECT_EQ(make()->handle(stop_request(unknown_durable_arn())).status, 404);
  auto faulty = make(Fault::RestJsonNotFoundAs400)->handle(stop_request(unknown_durable_arn()));
  EXPECT_EQ(faulty.status, 400);
  EXPECT_EQ(error_type_of(faulty), "ResourceNotFoundException");
}

TEST(Faults, DurableStopNoStateChange) {
  auto clean = make();
  std::string arn = started_execution(*clean);
  EXPECT_EQ(clean->handle(stop_request(arn)).status, 200);
  EXPECT_EQ(json_of(clean->handle(get_execution_request(arn)))["Status"], "STOPPED");

  auto faulty = make(Fault::DurableStopNoStateChange);
  std::string arn2 = started_execution(*faulty);
  auto stopped = faulty->handle(stop_request(arn2));
  EXPECT_EQ(stopped.status, 200);
  EXPECT_TRUE(json_of(stopped).contains("StopTimestamp"));
  EXPECT_EQ(json_of(faulty->handle(get_execution_request(arn2)))["Status"], "RUNNING");
}
