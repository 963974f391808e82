// The emulator_request target's invariant checker (fuzz/support/invariants.h) on hand-made exchanges:
// each invariant is reported when broken and not when kept; failed closes arm nothing.
#include <gtest/gtest.h>

#include <string>

#include "fuzz/support/invariants.h"

using namespace conform;

namespace {

http::Request sfn(const std::string& op, const std::string& body) {
  http::Request r;
  r.method = "POST";
  r.path = "/";
  r.headers.set("X-Amz-Target", "AWSStepFunctions." + op);
  r.body = body;
  return r;
}

http::Request rest(const std::string& method, const std::string& path) {
  http::Request r;
  r.method = method;
  r.path = path;
  return r;
}

http::Response answer(int status, const std::string& body = "{}") {
  http::Response r;
  r.status = status;
  r.body = body;
  return r;
}

http::Response aws_error(const std::string& type) {
  return answer(400, R"({"__type":"com.amazonaws.swf.base.model#)" + type + R"(","message":"m"})");
}

}  // namespace

TEST(InvariantChecker, ServerErrorAndUnidentifiedErrorsBreakTheFirstTwoInvariants) {
  fuzz::InvariantChecker c;
  EXPECT_NE(c.observe(sfn("SendTaskSuccess", "{}"), answer(500)).find("server error 500"), std::string::npos);
  EXPECT_NE(c.observe(sfn("SendTaskSuccess", "{}"), answer(400, "{}")).find("without an error identity"), std::string::npos);
  EXPECT_EQ(c.observe(sfn("SendTaskSuccess", "{}"), aws_error("TaskTimedOut")), "");
  http::Response lambda = answer(404, R"({"Type":"User","message":"m"})");
  lambda.headers.set("X-Amzn-ErrorType", "ResourceNotFoundException");
  EXPECT_EQ(c.observe(rest("GET", "/2025-12-01/durable-executions/arn"), lambda), "");
}

TEST(InvariantChecker, AClosedTokenIsNeverAcceptedAgainButAFailedCloseArmsNothing) {
  fuzz::InvariantChecker c;
  const std::string t1 = R"({"taskToken":"T1","output":"{}"})", t2 = R"({"taskToken":"T2"})";
  EXPECT_EQ(c.observe(sfn("SendTaskHeartbeat", t1), answer(200)), "");  // a heartbeat does not close
  EXPECT_EQ(c.observe(sfn("SendTaskSuccess", t1), answer(200)), "");
  EXPECT_NE(c.observe(sfn("SendTaskFailure", t1), answer(200)).find("closed earlier"), std::string::npos);
  EXPECT_NE(c.observe(sfn("SendTaskHeartbeat", t1), answer(200)).find("closed earlier"), std::string::npos);
  EXPECT_EQ(c.observe(sfn("SendTaskFailure", t1), aws_error("TaskTimedOut")), "");  // refused: correct
  EXPECT_EQ(c.observe(sfn("SendTaskSuccess", t2), aws_error("TaskTimedOut")), "");
  EXPECT_EQ(c.observe(sfn("SendTaskSuccess", t2), answer(200)), "");  // the refused close did not arm T2
}

TEST(InvariantChecker, AStoppedExecutionNeverReadsBackAsRunning) {
  fuzz::InvariantChecker c;
  const std::string arn = R"({"executionArn":"arn:x"})";
  EXPECT_EQ(c.observe(sfn("DescribeExecution", arn), answer(200, R"({"status":"RUNNING"})")), "");
  EXPECT_EQ(c.observe(sfn("StopExecution", arn), answer(200)), "");
  EXPECT_EQ(c.observe(sfn("DescribeExecution", arn), answer(200, R"({"status":"ABORTED"})")), "");
  EXPECT_NE(c.observe(sfn("DescribeExecution", arn), answer(200, R"({"status":"RUNNING"})")).find("RUNNING"),
            std::string::npos);

  const std::string path = "/2025-12-01/durable-executions/arn%3Ad";
  EXPECT_EQ(c.observe(rest("GET", path), answer(200, R"({"Status":"RUNNING"})")), "");
  EXPECT_EQ(c.observe(rest("POST", path + "/stop"), answer(200)), "");
  EXPECT_EQ(c.observe(rest("GET", path), answer(200, R"({"Status":"STOPPED"})")), "");
  EXPECT_NE(c.observe(rest("GET", path), answer(200, R"({"Status":"RUNNING"})")).find("durable"), std::string::npos);
}
