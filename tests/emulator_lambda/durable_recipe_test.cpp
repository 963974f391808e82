// The durable-execution fixture recipe end to end over HTTP, and the Lambda error answers.
#include <gtest/gtest.h>

#include <regex>

#include "tests/emulator_lambda/lambda_over_http.h"

using namespace conform;
using namespace conform::emulator;
using namespace conform::emulator::testing;

using DurableOverHttp = LambdaOverHttp;

TEST_F(DurableOverHttp, CreateInvokeStopStopAgainGet) {
  auto created = client_->send(create_function_request("fn-1"));
  ASSERT_EQ(created.status, 201) << created.body;
  Json config = json_of(created);
  EXPECT_EQ(config["FunctionName"], "fn-1");
  EXPECT_EQ(config["FunctionArn"], "arn:aws:lambda:us-east-1:123456789012:function:fn-1");
  EXPECT_EQ(config["DurableConfig"]["ExecutionTimeout"], 900);

  auto invoked = client_->send(invoke_request("fn-1", "dx-1"));
  ASSERT_EQ(invoked.status, 202) << invoked.body;
  std::string arn = invoked.headers.get("X-Amz-Durable-Execution-Arn").value_or("");
  EXPECT_TRUE(std::regex_match(
      arn, std::regex(R"(arn:aws:lambda:us-east-1:123456789012:function:fn-1:\$LATEST/durable-execution/dx-1/[0-9a-f-]{36})")))
      << arn;

  auto live = client_->send(get_execution_request(arn));
  ASSERT_EQ(live.status, 200) << live.body;
  EXPECT_EQ(json_of(live)["Status"], "RUNNING");
  EXPECT_FALSE(json_of(live).contains("EndTimestamp"));

  clock_->advance(5);
  auto stopped = client_->send(stop_request(arn, R"({"ErrorType":"Manual","ErrorMessage":"stop"})"));
  ASSERT_EQ(stopped.status, 200) << stopped.body;
  EXPECT_EQ(json_of(stopped)["StopTimestamp"], 1700000005.0);

  clock_->advance(5);
  auto again = client_->send(stop_request(arn));
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.body, stopped.body);  // idempotent: the same StopTimestamp

  auto read = client_->send(get_execution_request(arn));
  ASSERT_EQ(read.status, 200);
  Json e = json_of(read);
  EXPECT_EQ(e["Status"], "STOPPED");
  EXPECT_EQ(e["EndTimestamp"], 1700000005.0);
  EXPECT_EQ(e["StartTimestamp"], 1700000000.0);
  EXPECT_EQ(e["DurableExecutionName"], "dx-1");
  EXPECT_EQ(e["DurableExecutionArn"], arn);
  // JSON object member order carries no meaning (Json is an ordered_json: compare as a plain object).
  EXPECT_EQ(nlohmann::json::parse(e["Error"].dump()), nlohmann::json({{"ErrorType", "Manual"}, {"ErrorMessage", "stop"}}));
}

TEST_F(DurableOverHttp, StopWithoutErrorLeavesErrorAbsent) {
  std::string arn = start_execution("fn-2", "dx-2");
  ASSERT_EQ(client_->send(stop_request(arn)).status, 200);
  Json e = json_of(client_->send(get_execution_request(arn)));
  EXPECT_EQ(e["Status"], "STOPPED");
  EXPECT_FALSE(e.contains("Error"));
}

// Regression (conform run --ops lambda: unconfirmed state_effect afterClose/state:/Error): SDKs send the
// payload `{}` when Error is not set, and GetDurableExecution answered "Error": {} instead of no Error.
TEST_F(DurableOverHttp, StopWithEmptyErrorObjectLeavesErrorAbsent) {
  std::string arn = start_execution("fn-7", "dx-7");
  ASSERT_EQ(client_->send(stop_request(arn, "{}")).status, 200);
  Json e = json_of(client_->send(get_execution_request(arn)));
  EXPECT_EQ(e["Status"], "STOPPED");
  EXPECT_FALSE(e.contains("Error")) << e.dump();
}

TEST_F(DurableOverHttp, UnknownArnIs404ResourceNotFound) {
  auto r = client_->send(stop_request(unknown_durable_arn()));
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(error_type_of(r), "ResourceNotFoundException");
  Json body = json_of(r);
  EXPECT_EQ(body["Type"], "User");
  EXPECT_TRUE(body["Message"].is_string());
  EXPECT_EQ(client_->send(get_execution_request(unknown_durable_arn())).status, 404);
}

TEST_F(DurableOverHttp, MalformedArnIs400ValidationException) {
  auto r = client_->send(stop_request("not-an-arn"));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_type_of(r), "ValidationException");
  EXPECT_EQ(json_of(r),
            Json({{"message",
                   "1 validation error detected: Value 'not-an-arn' at 'durableExecutionArn' failed to satisfy "
                   "constraint: Member must satisfy regular expression pattern: "
                   "arn:([a-zA-Z0-9-]+):lambda:([a-zA-Z0-9-]+):(\\d{12}):function:([a-zA-Z0-9_-]+):(\\$LATEST(?:\\."
                   "PUBLISHED)?|[0-9]+)/durable-execution/([a-zA-Z0-9_-]+)/([a-zA-Z0-9_-]+)"}}));
}

TEST_F(DurableOverHttp, UnencodedArnLabelIsNotRouted) {
  http::Request r = stop_request("x");
  r.path = "/2025-12-01/durable-executions/" + unknown_durable_arn() + "/stop";
  auto answer = client_->send(r);
  EXPECT_EQ(answer.status, 404);
  EXPECT_EQ(error_type_of(answer), "UnknownOperationException");
}

TEST_F(DurableOverHttp, SameNameSamePayloadIsIdempotentOtherPayloadConflicts) {
  std::string arn = start_execution("fn-3", "dx-3");
  auto same = client_->send(invoke_request("fn-3", "dx-3"));
  EXPECT_EQ(same.status, 202);
  EXPECT_EQ(same.headers.get("X-Amz-Durable-Execution-Arn"), arn);
  auto other = client_->send(invoke_request("fn-3", "dx-3", "Event", R"({"x":1})"));
  EXPECT_EQ(other.status, 409);
  EXPECT_EQ(error_type_of(other), "DurableExecutionAlreadyStartedException");
}

TEST_F(DurableOverHttp, FunctionLifecycleErrors) {
  ASSERT_EQ(client_->send(create_function_request("fn-4")).status, 201);
  auto dup = client_->send(create_function_request("fn-4"));
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(error_type_of(dup), "ResourceConflictException");
  EXPECT_EQ(json_of(dup), Json({{"Type", "User"}, {"message", "Function already exist: fn-4"}}));

  auto missing = client_->send(invoke_request("nope", "dx"));
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(json_of(missing)["Message"], "Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope");

  http::Request del;
  del.method = "DELETE";
  del.path = "/2015-03-31/functions/fn-4";
  EXPECT_EQ(client_->send(del).status, 204);
  EXPECT_EQ(client_->send(del).status, 404);
}

TEST_F(DurableOverHttp, RequestResponseAndDryRun) {
  ASSERT_EQ(client_->send(create_function_request("fn-5")).status, 201);
  auto sync = client_->send(invoke_request("fn-5", "dx-5", "RequestResponse"));
  EXPECT_EQ(sync.status, 200);
  EXPECT_TRUE(sync.headers.has("X-Amz-Durable-Execution-Arn"));
  EXPECT_EQ(sync.headers.get("X-Amz-Executed-Version"), "$LATEST");
  auto dry = client_->send(invoke_request("fn-5", "dx-6", "DryRun"));
  EXPECT_EQ(dry.status, 204);
  EXPECT_FALSE(dry.headers.has("X-Amz-Durable-Execution-Arn"));
}

TEST_F(DurableOverHttp, MalformedBodiesAre4xx) {
  http::Request bad = create_function_request("fn-6");
  bad.body = "{\"FunctionName\":";
  auto r = client_->send(bad);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_type_of(r), "InvalidRequestContentException");
  bad.body = "[]";
  EXPECT_EQ(client_->send(bad).status, 400);
  bad.body = R"({"FunctionName":"f","Role":"arn:aws:iam::123456789012:role/r","Code":{},"Timeout":"x"})";
  EXPECT_EQ(client_->send(bad).status, 400);
}

TEST_F(DurableOverHttp, CreateRefusesDurableConfigWithoutExecutionTimeout) {
  http::Request r = create_function_request("partial");
  Json body = Json::parse(r.body);
  body["DurableConfig"] = {{"RetentionPeriodInDays", 1}};
  r.body = body.dump();
  expect_error(r, 400, "InvalidParameterValueException");
  expect_error(get_function_request("partial"), 404, "ResourceNotFoundException");
}
