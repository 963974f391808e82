// Regression: a DurableExecutionArn label longer than cpp-httplib's compiled-in request-line limit
// (8192 bytes; a 1024-code-point ARN of 4-byte characters is ~12 KB percent-encoded) was answered 414
// with a SerializationException body by the server before the emulator saw it, and a stop POST
// without Content-Length was answered 400 SerializationException. Both now reach the emulator, which
// answers what the spec says: 400 ValidationException for the length constraint (max 1024).
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tests/emulator_lambda/lambda_client.h"

using namespace conform;
using namespace conform::emulator;
using namespace conform::emulator::testing;

namespace {

std::string repeat(const std::string& c, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += c;
  return out;
}

// An ARN-shaped value of exactly `code_points` code points, padded with `pad` (one code point).
std::string arn_of_length(size_t code_points, const std::string& pad) {
  std::string prefix = "arn:aws:lambda:us-east-1:123456789012:function:fn:$LATEST/durable-execution/dx/";
  return prefix + repeat(pad, code_points - prefix.size());
}

// Sends raw bytes on a fresh loopback connection and returns everything the server answers until it
// has sent one full response (headers + Content-Length body).
std::string raw_exchange(int port, const std::string& bytes) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    ::close(fd);
    return "";
  }
  ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
  std::string in;
  char buf[4096];
  while (true) {
    size_t end = in.find("\r\n\r\n");
    if (end != std::string::npos) {
      size_t cl = in.find("Content-Length: ");
      size_t length = cl == std::string::npos ? 0 : std::stoul(in.substr(cl + 16));
      if (in.size() >= end + 4 + length) break;
    }
    ssize_t n = ::recv(fd, buf, sizeof(buf), 0);
    if (n <= 0) break;
    in.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return in;
}

class LongUriOverHttp : public ::testing::Test {
 protected:
  void SetUp() override {
    EmulatorOptions options;
    options.clock = std::make_shared<ManualClock>();
    server_ = std::make_unique<EmulatorServer>(options);
    port_ = server_->start("127.0.0.1", 0);
    ASSERT_GT(port_, 0);
    client_ = std::make_unique<HttpLambda>(port_);
  }
  void TearDown() override {
    client_.reset();
    server_.reset();
  }
  void expect_length_violation(const http::Response& r) {
    EXPECT_EQ(r.status, 400) << r.body.substr(0, 300);
    EXPECT_EQ(error_type_of(r), "ValidationException");
    Json body = json_of(r);
    ASSERT_TRUE(body.contains("message")) << r.body.substr(0, 300);
    EXPECT_NE(body["message"].get<std::string>().find("Member must have length less than or equal to 1024"),
              std::string::npos)
        << body["message"].get<std::string>().substr(0, 200);
  }

  int port_ = 0;
  std::unique_ptr<EmulatorServer> server_;
  std::unique_ptr<HttpLambda> client_;
};

}  // namespace

TEST_F(LongUriOverHttp, OverlongFourByteArnIsValidationExceptionNot414) {
  std::string arn = arn_of_length(1025, "\xF0\x9F\x98\x80");
  ASSERT_GT(get_execution_request(arn).target().size(), 8192u);
  expect_length_violation(client_->send(stop_request(arn)));
  expect_length_violation(client_->send(get_execution_request(arn)));
  // The kept-alive connection is still usable afterwards.
  auto next = client_->send(get_execution_request(unknown_durable_arn()));
  EXPECT_EQ(next.status, 404) << next.body;
}

TEST_F(LongUriOverHttp, MaxLengthFourByteArnIsJudgedOnItsPatternOnly) {
  std::string arn = arn_of_length(1024, "\xF0\x9F\x98\x80");
  auto r = client_->send(get_execution_request(arn));
  EXPECT_EQ(r.status, 400) << r.body.substr(0, 300);
  EXPECT_EQ(error_type_of(r), "ValidationException");
  std::string message = json_of(r).value("message", "");
  EXPECT_EQ(message.rfind("1 validation error detected: ", 0), 0u) << message.substr(0, 200);
  EXPECT_NE(message.find("regular expression pattern"), std::string::npos);
  EXPECT_EQ(message.find("length"), std::string::npos);
}

TEST_F(LongUriOverHttp, OverlongAsciiArnIsValidationException) {
  expect_length_violation(client_->send(get_execution_request(arn_of_length(5000, "a"))));
}

TEST_F(LongUriOverHttp, StopWithoutContentLengthHasAnEmptyBody) {
  std::string answer = raw_exchange(
      port_, "POST /2025-12-01/durable-executions/" + http::percent_encode(unknown_durable_arn()) +
                 "/stop HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(answer.rfind("HTTP/1.1 404", 0), 0u) << answer.substr(0, 300);
  EXPECT_NE(answer.find("ResourceNotFoundException"), std::string::npos) << answer.substr(0, 300);
}
