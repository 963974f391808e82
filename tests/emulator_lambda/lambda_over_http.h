// Test fixture: a real EmulatorServer on an ephemeral 127.0.0.1 port (virtual clock, the faults a
// derived fixture sets before SetUp), one kept-alive HTTP client, and the steps Lambda tests repeat.
#pragma once

#include <gtest/gtest.h>

#include "tests/emulator_lambda/lambda_client.h"

namespace conform::emulator::testing {

class LambdaOverHttp : public ::testing::Test {
 protected:
  void SetUp() override {
    EmulatorOptions options;
    options.clock = clock_;
    options.faults = faults_;
    server_ = std::make_unique<EmulatorServer>(options);
    int port = server_->start("127.0.0.1", 0);
    ASSERT_GT(port, 0);
    client_ = std::make_unique<HttpLambda>(port);
  }
  void TearDown() override {
    client_.reset();  // close the kept-alive connection before stopping the server
    server_.reset();
  }

  http::Response send(const http::Request& r) { return client_->send(r); }
  // Sends `r`, expects `status` and returns the JSON body (null when it is not JSON).
  Json expect_json(const http::Request& r, int status = 200) {
    auto answer = send(r);
    EXPECT_EQ(answer.status, status) << r.method << " " << r.target() << " -> " << answer.body;
    return json_of(answer);
  }
  // Expects an error answer with this status and X-Amzn-ErrorType; returns its body.
  Json expect_error(const http::Request& r, int status, const std::string& type) {
    auto answer = send(r);
    EXPECT_EQ(answer.status, status) << r.method << " " << r.target() << " -> " << answer.body;
    EXPECT_EQ(error_type_of(answer), type) << answer.body;
    return json_of(answer);
  }
  void create_function(const std::string& fn, bool durable = true) {
    auto created = send(create_function_request(fn, durable));
    ASSERT_EQ(created.status, 201) << created.body;
  }
  std::string start_execution(const std::string& fn, const std::string& name) {
    auto created = send(create_function_request(fn));
    EXPECT_EQ(created.status, 201) << created.body;
    return invoke(fn, name);
  }
  // Starts an execution on an existing durable function (or version: "fn:1").
  std::string invoke(const std::string& fn, const std::string& name) {
    auto invoked = send(invoke_request(fn, name));
    EXPECT_EQ(invoked.status, 202) << invoked.body;
    return invoked.headers.get("X-Amz-Durable-Execution-Arn").value_or("");
  }

  FaultSet faults_;
  std::shared_ptr<ManualClock> clock_ = std::make_shared<ManualClock>(1700000000.0);
  std::unique_ptr<EmulatorServer> server_;
  std::unique_ptr<HttpLambda> client_;
};

}  // namespace conform::emulator::testing
