// The emulator's HTTP connection loop (emulator/app/http_server.cpp) collects a response's writes and
// sends them together. Regression guards for that buffering: an interim "100 Continue" must still reach
// a client that waits for it before sending the body (it would otherwise sit in the buffer until the
// read timeout), and pipelined requests on one connection get complete answers, in order.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <memory>
#include <string>

#include "emulator/app/emulator.h"

using namespace conform;

namespace {

class RawConnection {
 public:
  explicit RawConnection(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval tv{3, 0};  // a stuck server fails the test instead of hanging it
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
  }
  ~RawConnection() { ::close(fd_); }
  bool connected() const { return connected_; }
  void send(const std::string& bytes) { ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL); }
  // Reads until `text` has been received `times` times in total (or the timeout); returns all read.
  std::string read_until(const std::string& text, int times = 1) {
    char buf[4096];
    while (count(text) < times) {
      ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) break;
      in_.append(buf, static_cast<size_t>(n));
    }
    return in_;
  }

 private:
  int count(const std::string& text) const {
    int n = 0;
    for (size_t at = in_.find(text); at != std::string::npos; at = in_.find(text, at + 1)) ++n;
    return n;
  }
  int fd_ = -1;
  bool connected_ = false;
  std::string in_;
};

std::string create_activity(const std::string& name, bool expect_continue) {
  std::string body = "{\"name\":\"" + name + "\"}";
  return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: AWSStepFunctions.CreateActivity\r\n"
         "Content-Type: application/x-amz-json-1.0\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n" + (expect_continue ? "Expect: 100-continue\r\n" : "") + "\r\n" +
         (expect_continue ? "" : body);
}

class HttpStream : public ::testing::Test {
 protected:
  void SetUp() override {
    emulator::EmulatorOptions options;
    options.clock = std::make_shared<emulator::ManualClock>();
    server_ = std::make_unique<emulator::EmulatorServer>(options);
    port_ = server_->start("127.0.0.1", 0);
    ASSERT_GT(port_, 0);
  }
  std::unique_ptr<emulator::EmulatorServer> server_;
  int port_ = 0;
};

TEST_F(HttpStream, InterimContinueIsSentBeforeTheBodyArrives) {
  RawConnection c(port_);
  ASSERT_TRUE(c.connected());
  c.send(create_activity("waits-for-continue", true));
  std::string interim = c.read_until("100 Continue");
  ASSERT_NE(interim.find("HTTP/1.1 100 Continue"), std::string::npos) << interim;
  c.send("{\"name\":\"waits-for-continue\"}");
  std::string all = c.read_until("activityArn");
  EXPECT_NE(all.find("HTTP/1.1 200 OK"), std::string::npos) << all;
  EXPECT_NE(all.find("activity:waits-for-continue"), std::string::npos) << all;
}

TEST_F(HttpStream, PipelinedRequestsGetCompleteAnswersInOrder) {
  RawConnection c(port_);
  ASSERT_TRUE(c.connected());
  c.send(create_activity("first-of-two", false) + create_activity("second-of-two", false));
  std::string all = c.read_until("activityArn", 2);
  size_t first = all.find("activity:first-of-two"), second = all.find("activity:second-of-two");
  ASSERT_NE(first, std::string::npos) << all;
  ASSERT_NE(second, std::string::npos) << all;
  EXPECT_LT(first, second);
  size_t oks = 0;
  for (size_t at = all.find("HTTP/1.1 200 OK"); at != std::string::npos; at = all.find("HTTP/1.1 200 OK", at + 1)) ++oks;
  EXPECT_EQ(oks, 2u);
}

}  // namespace
