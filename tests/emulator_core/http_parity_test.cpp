// The same requests in-process (Emulator::handle) and over HTTP (EmulatorServer on an ephemeral
// 127.0.0.1 port) get the same answers.
#include <gtest/gtest.h>

#include "emulator/app/emulator.h"
#include "tests/emulator_core/http_client.h"
#include "tests/emulator_core/test_specs.h"

using namespace conform;
using namespace conform::emulator;
using namespace conform::emulator::testing;

namespace {

http::Request lambda(const std::string& method, const std::string& path, const std::string& body = "") {
  http::Request r = rest_request(method, path, body);
  return r;
}

std::vector<http::Request> script() {
  std::vector<http::Request> s;
  s.push_back(lambda("POST", "/2015-03-31/functions",
                     R"({"FunctionName":"f1","Role":"arn:aws:iam::123456789012:role/r","Code":{"ZipFile":"UEs="},)"
                     R"("DurableConfig":{"ExecutionTimeout":900}})"));
  auto invoke = lambda("POST", "/2015-03-31/functions/f1/invocations", "{}");
  invoke.headers.set("X-Amz-Invocation-Type", "Event");
  invoke.headers.set("X-Amz-Durable-Execution-Name", "dx1");
  s.push_back(invoke);
  s.push_back(lambda("POST", "/2025-12-01/durable-executions/not-an-arn/stop"));
  s.push_back(lambda("GET", "/2025-12-01/nothing-here"));
  s.push_back(lambda("POST", "/2015-03-31/functions", "{not json"));
  http::Request sfn;
  sfn.headers.set("X-Amz-Target", "AWSStepFunctions.SendTaskFailure");
  sfn.headers.set("Content-Type", "application/x-amz-json-1.0");
  sfn.body = R"({"taskToken":"x","error":")" + std::string(300, 'e') + "\"}";
  s.push_back(sfn);
  sfn.body = "{";
  s.push_back(sfn);
  sfn.headers.set("X-Amz-Target", "AWSStepFunctions.NoSuchThing");
  s.push_back(sfn);
  return s;
}

}  // namespace

TEST(HttpParity, InProcessAndOverHttpAgree) {
  EmulatorOptions options;
  options.clock = std::make_shared<ManualClock>();
  Emulator local(options);
  EmulatorServer server(options);
  int port = server.start("127.0.0.1", 0);
  ASSERT_GT(port, 0);
  EXPECT_EQ(server.url(), "http://127.0.0.1:" + std::to_string(port));
  {
    RawClient client(port);
    for (const auto& request : script()) {
      http::Response a = local.handle(request);
      http::Response b = client.send(request);
      SCOPED_TRACE(request.method + " " + request.target() + " " + request.body.substr(0, 60));
      EXPECT_EQ(a.status, b.status);
      EXPECT_EQ(a.body, b.body);
      EXPECT_LT(a.status, 500);
      EXPECT_EQ(a.headers.get("X-Amzn-ErrorType"), b.headers.get("X-Amzn-ErrorType"));
      EXPECT_EQ(a.headers.get("Content-Type").value_or(""), b.headers.get("Content-Type").value_or(""));
      EXPECT_EQ(a.headers.get("x-amzn-RequestId"), b.headers.get("x-amzn-RequestId"));
      EXPECT_EQ(a.headers.get("X-Amz-Durable-Execution-Arn"), b.headers.get("X-Amz-Durable-Execution-Arn"));
    }
  }
  server.stop();
  server.stop();  // idempotent
}

TEST(HttpServer, SecondServerOnSamePortFails) {
  EmulatorServer first;
  int port = first.start("127.0.0.1", 0);
  ASSERT_GT(port, 0);
  EmulatorServer second;
  std::string error;
  EXPECT_EQ(second.start("127.0.0.1", port, &error), -1);
  EXPECT_FALSE(error.empty());
}

TEST(HttpServer, KeepAliveServesManyRequestsOnOneConnection) {
  EmulatorServer server;
  int port = server.start();
  ASSERT_GT(port, 0);
  {
    RawClient client(port);
    for (int i = 0; i < 50; ++i) {
      auto r = client.send(lambda("GET", "/unknown/" + std::to_string(i)));
      ASSERT_EQ(r.status, 404);
      EXPECT_EQ(r.headers.get("X-Amzn-ErrorType"), "UnknownOperationException");
    }
  }
}
