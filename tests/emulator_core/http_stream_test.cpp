// The emulator's HTTP connection (emulator/app/http_connection.cpp, http_server.cpp) over raw sockets:
// an interim "100 Continue" reaches a client that waits for it before sending the body (writes are
// collected and sent together), pipelined requests get complete answers in order, and the parser's own
// answers: limits (414, 431, 413) and malformed requests (400) with an error identity, chunked bodies,
// HEAD, HTTP/1.0 and Connection: close, ignored blank lines and colon-less header lines.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <vector>
#include <string>

#include "emulator/app/emulator.h"
#include "emulator/app/http_server.h"

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
  // Reads until the peer closes (or the timeout).
  std::string read_all() {
    char buf[4096];
    while (true) {
      ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) break;
      in_.append(buf, static_cast<size_t>(n));
    }
    return in_;
  }
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

// One request on a fresh connection; returns everything the emulator sent before closing.
std::string answer_to(int port, const std::string& request, bool wait_for_close = true) {
  RawConnection c(port);
  EXPECT_TRUE(c.connected());
  c.send(request);
  return wait_for_close ? c.read_all() : c.read_until("\r\n\r\n");
}

TEST_F(HttpStream, LimitsAndMalformedRequestsGetAnIdentifiedAnswerAndAClose) {
  struct Case {
    std::string request;
    std::string status;
  };
  const std::vector<Case> cases = {
      {"POST /" + std::string(emulator::EmulatorHttpServer::kMaxRequestLine + 10, 'a') + " HTTP/1.1\r\n\r\n", "414 URI Too Long"},
      {"POST / HTTP/1.1\r\nX-Big: " + std::string(2 * 1024 * 1024, 'b') + "\r\n\r\n", "431 Request Header Fields Too Large"},
      {"POST / HTTP/1.1\r\nContent-Length: 999999999999\r\n\r\n", "413 Payload Too Large"},
      {"POST / HTTP/1.1\r\nContent-Length: twelve\r\n\r\n", "400 Bad Request"},
      {"BREW / HTTP/1.1\r\n\r\n", "400 Bad Request"},
      {"POST / HTTP/2.0\r\n\r\n", "400 Bad Request"},
      {"POST  / HTTP/1.1\r\n\r\n", "400 Bad Request"},
      {"POST ?x HTTP/1.1\r\n\r\n", "400 Bad Request"},
      {"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "400 Bad Request"},
      // Framing that could desynchronise the connection (request smuggling).
      {"POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\nGET /smuggled HTTP/1.1\r\n\r\n", "400 Bad Request"},
      {"POST / HTTP/1.1\r\nContent-Length: 0\r\nContent-Length: 30\r\n\r\nGET /smuggled HTTP/1.1\r\n\r\n",
       "400 Bad Request"},
      // A request line one byte over the limit, ended by a bare LF.
      {"POST /" + std::string(emulator::EmulatorHttpServer::kMaxRequestLine - 14, 'a') + " HTTP/1.1\n\n", "414 URI Too Long"},
  };
  for (const auto& c : cases) {
    std::string got = answer_to(port_, c.request);
    EXPECT_EQ(got.rfind("HTTP/1.1 " + c.status + "\r\n", 0), 0u) << c.status << ": " << got.substr(0, 200);
    EXPECT_NE(got.find("Connection: close\r\n"), std::string::npos) << c.status;
    EXPECT_NE(got.find("X-Amzn-ErrorType: SerializationException"), std::string::npos) << c.status;
    EXPECT_NE(got.find(R"("__type":"com.amazon.coral.service#SerializationException")"), std::string::npos) << c.status;
  }
}

TEST_F(HttpStream, ChunkedWithContentLengthIsAnsweredThenTheConnectionCloses) {
  // Both framings: chunked wins (RFC 9112 6.3) and nothing after the answer is read on that connection.
  std::string got = answer_to(port_, "POST / HTTP/1.1\r\nX-Amz-Target: AWSStepFunctions.CreateActivity\r\n"
                                     "Content-Type: application/x-amz-json-1.0\r\nContent-Length: 40\r\n"
                                     "Transfer-Encoding: chunked\r\n\r\nc\r\n{\"name\":\"x\"}\r\n0\r\n\r\n"
                                     "GET /smuggled HTTP/1.1\r\n\r\n");
  EXPECT_EQ(got.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << got;
  EXPECT_NE(got.find("Connection: close\r\n"), std::string::npos) << got;
  EXPECT_EQ(got.find("HTTP/1.1", 5), std::string::npos) << "a second answer: " << got;
}

TEST_F(HttpStream, ChunkedBodiesHeadHttp10AndConnectionClose) {
  const std::string body = R"({"name":"chunked-one"})";
  char size[16];
  std::snprintf(size, sizeof size, "%zx", body.size() - 5);
  std::string chunked = "POST / HTTP/1.1\r\nX-Amz-Target: AWSStepFunctions.CreateActivity\r\n"
                        "Content-Type: application/x-amz-json-1.0\r\nTransfer-Encoding: chunked\r\n"
                        "Connection: close\r\n\r\n" +
                        std::string(size) + ";ext=1\r\n" + body.substr(0, body.size() - 5) + "\r\n5\r\n" +
                        body.substr(body.size() - 5) + "\r\n0\r\nX-Trailer: t\r\n\r\n";
  std::string got = answer_to(port_, chunked);
  EXPECT_EQ(got.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << got;
  EXPECT_NE(got.find("activity:chunked-one"), std::string::npos) << got;
  EXPECT_NE(got.find("Connection: close\r\n"), std::string::npos) << got;

  // HTTP/1.0 without keep-alive: answered, then closed (read_all returns only because of the close).
  got = answer_to(port_, "GET /2025-12-01/nothing-here HTTP/1.0\r\n\r\n");
  EXPECT_EQ(got.rfind("HTTP/1.1 ", 0), 0u) << got;
  EXPECT_NE(got.find("Connection: close\r\n"), std::string::npos) << got;

  // HEAD: the headers of the GET answer, Content-Length included, and no body.
  RawConnection head(port_);
  ASSERT_TRUE(head.connected());
  head.send("HEAD /2025-12-01/nothing-here HTTP/1.1\r\nConnection: close\r\n\r\n");
  got = head.read_all();
  size_t end = got.find("\r\n\r\n");
  ASSERT_NE(end, std::string::npos) << got;
  EXPECT_NE(got.find("Content-Length: "), std::string::npos) << got;
  EXPECT_EQ(got.size(), end + 4) << got;
}

TEST_F(HttpStream, BlankLinesBeforeARequestAndColonlessHeaderLinesAreIgnored) {
  RawConnection c(port_);
  ASSERT_TRUE(c.connected());
  std::string request = create_activity("tolerated", false);
  request.insert(request.find("\r\n") + 2, "this line has no colon\r\n");
  c.send("\r\n" + request);
  std::string all = c.read_until("activityArn");
  EXPECT_NE(all.find("HTTP/1.1 200 OK"), std::string::npos) << all;
  EXPECT_NE(all.find("Keep-Alive: timeout="), std::string::npos) << all;  // still kept alive
  EXPECT_NE(all.find("activity:tolerated"), std::string::npos) << all;
}

}  // namespace
