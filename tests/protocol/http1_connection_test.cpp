// Http1Connection against a scripted raw TCP peer on 127.0.0.1: the bytes it sends, every response
// framing (Content-Length, chunked, until close, 1xx, 204), reconnecting when a kept-alive connection was
// closed by the peer, and hostile answers (malformed status, huge lengths, endless heads, silence).
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "harness/transport/http1_connection.h"

namespace conform {
namespace {

using transport::Http1Connection;

// Accepts connections one after another; for each request read (head through the blank line plus a
// Content-Length body) calls `answer(request_text, connection_index)`, writes what it returns, and
// closes the connection after it when the answer's second element says so.
class ScriptedPeer {
 public:
  using Answer = std::function<std::pair<std::string, bool>(const std::string&, int)>;
  explicit ScriptedPeer(Answer answer) : answer_(std::move(answer)) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&a), sizeof(a));
    socklen_t len = sizeof(a);
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    ::listen(listen_fd_, 8);
    thread_ = std::thread([this] { serve(); });
  }
  ~ScriptedPeer() {
    stop_ = true;
    ::shutdown(listen_fd_, SHUT_RDWR);
    ::close(listen_fd_);
    thread_.join();
  }
  int port() const { return port_; }
  std::vector<std::string> requests() {
    std::lock_guard<std::mutex> lock(mu_);
    return requests_;
  }
  int connections() const { return connections_; }

 private:
  void serve() {
    while (!stop_) {
      int fd = ::accept(listen_fd_, nullptr, nullptr);
      if (fd < 0) return;
      int index = connections_++;
      std::string in;
      char buf[4096];
      bool open = true;
      while (open && !stop_) {
        size_t head_end;
        while ((head_end = in.find("\r\n\r\n")) == std::string::npos) {
          ssize_t n = ::recv(fd, buf, sizeof(buf), 0);
          if (n <= 0) {
            open = false;
            break;
          }
          in.append(buf, static_cast<size_t>(n));
        }
        if (!open) break;
        size_t body = 0;
        auto cl = in.find("Content-Length: ");
        if (cl != std::string::npos && cl < head_end) body = std::stoul(in.substr(cl + 16));
        while (in.size() < head_end + 4 + body) {
          ssize_t n = ::recv(fd, buf, sizeof(buf), 0);
          if (n <= 0) break;
          in.append(buf, static_cast<size_t>(n));
        }
        std::string request = in.substr(0, head_end + 4 + body);
        in.erase(0, request.size());
        {
          std::lock_guard<std::mutex> lock(mu_);
          requests_.push_back(request);
        }
        auto [reply, close_after] = answer_(request, index);
        size_t off = 0;
        while (off < reply.size()) {
          ssize_t n = ::send(fd, reply.data() + off, reply.size() - off, MSG_NOSIGNAL);
          if (n <= 0) break;
          off += static_cast<size_t>(n);
        }
        if (close_after) open = false;
      }
      ::close(fd);
    }
  }

  Answer answer_;
  int listen_fd_ = -1, port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> connections_{0};
  std::thread thread_;
  std::mutex mu_;
  std::vector<std::string> requests_;
};

http::Request post(std::string body) {
  http::Request r;
  r.method = "POST";
  r.headers.set("Host", "127.0.0.1");
  r.headers.set("X-Amz-Target", "AWSStepFunctions.StopExecution");
  r.body = std::move(body);
  return r;
}

struct Outcome {
  bool ok;
  http::Response response;
  std::string error;
};

Outcome exchange(Http1Connection& c, const http::Request& r, const std::string& target = "/") {
  Outcome o;
  o.ok = c.exchange(r, target, o.response, o.error);
  return o;
}

TEST(Http1Connection, SendsTheRequestAsGivenPlusFramingAndKeepsTheConnection) {
  ScriptedPeer peer([](const std::string&, int) {
    return std::make_pair(std::string("HTTP/1.1 200 OK\r\nX-Reply: yes\r\nX-Reply: again\r\nContent-Length: 2\r\n\r\nok"), false);
  });
  Http1Connection c("127.0.0.1", peer.port(), 2, 5, 5);
  for (int i = 0; i < 3; ++i) {
    auto o = exchange(c, post(R"({"a":1})"), "/base/x%2Fy?q=1");
    ASSERT_TRUE(o.ok) << o.error;
    EXPECT_EQ(o.response.status, 200);
    EXPECT_EQ(o.response.body, "ok");
    EXPECT_EQ(o.response.headers.get("x-reply"), "yes");
    EXPECT_EQ(o.response.headers.all().size(), 3u);  // repeated headers kept
  }
  EXPECT_EQ(peer.connections(), 1);
  auto seen = peer.requests();
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0],
            "POST /base/x%2Fy?q=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: AWSStepFunctions.StopExecution\r\n"
            "User-Agent: conform\r\nContent-Length: 7\r\n\r\n{\"a\":1}");
  // An empty POST still says Content-Length: 0; a GET without a body says nothing.
  exchange(c, post(""));
  http::Request get;
  get.method = "GET";
  exchange(c, get);
  seen = peer.requests();
  EXPECT_NE(seen[3].find("Content-Length: 0\r\n"), std::string::npos);
  EXPECT_EQ(seen[4].find("Content-Length"), std::string::npos);
}

TEST(Http1Connection, ReadsChunkedCloseDelimitedInterimAndBodilessAnswers) {
  ScriptedPeer peer([](const std::string& req, int) -> std::pair<std::string, bool> {
    if (req.find("chunked") != std::string::npos)
      return {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\nTrailer: x\r\n\r\n",
              false};
    if (req.find("interim") != std::string::npos)
      return {"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 3\r\n\r\nnew", false};
    if (req.find("nocontent") != std::string::npos) return {"HTTP/1.1 204 No Content\r\n\r\n", false};
    return {"HTTP/1.0 200 OK\r\n\r\nuntil the end", true};
  });
  Http1Connection c("127.0.0.1", peer.port(), 2, 5, 5);
  auto o = exchange(c, post("chunked"));
  ASSERT_TRUE(o.ok) << o.error;
  EXPECT_EQ(o.response.body, "Wikipedia");
  o = exchange(c, post("interim"));
  ASSERT_TRUE(o.ok) << o.error;
  EXPECT_EQ(o.response.status, 201);
  EXPECT_EQ(o.response.body, "new");
  o = exchange(c, post("nocontent"));
  ASSERT_TRUE(o.ok) << o.error;
  EXPECT_EQ(o.response.status, 204);
  EXPECT_EQ(o.response.body, "");
  o = exchange(c, post("close"));
  ASSERT_TRUE(o.ok) << o.error;
  EXPECT_EQ(o.response.body, "until the end");
  EXPECT_EQ(peer.connections(), 1);
  o = exchange(c, post("chunked"));  // a new connection after the close-delimited answer
  ASSERT_TRUE(o.ok) << o.error;
  EXPECT_EQ(peer.connections(), 2);
}

TEST(Http1Connection, ReopensAKeptAliveConnectionThePeerClosedAndResendsOnce) {
  // The peer answers one request per connection but says keep-alive: the next request finds the
  // connection closed before any answer and goes out again on a new one.
  ScriptedPeer peer([](const std::string&, int index) {
    return std::make_pair("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n" + std::to_string(index), true);
  });
  Http1Connection c("127.0.0.1", peer.port(), 2, 5, 5);
  for (int i = 0; i < 3; ++i) {
    auto o = exchange(c, post("x"));
    ASSERT_TRUE(o.ok) << i << ": " << o.error;
    EXPECT_EQ(o.response.body, std::to_string(i));
  }
  EXPECT_EQ(peer.requests().size(), 3u);  // each request processed once
}

TEST(Http1Connection, HostileAnswersAreErrorsNotCrashes) {
  const std::vector<std::string> answers = {
      "garbage\r\n\r\n",
      "HTTP/1.1 2x0 OK\r\n\r\n",
      "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFF\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort",
      "HTTP/1.1 200 OK\r\nX: " + std::string(Http1Connection::kMaxHead + 10, 'a') + "\r\n\r\n",
      "",  // closed without an answer on a fresh connection
  };
  for (size_t i = 0; i < answers.size(); ++i) {
    ScriptedPeer peer([&](const std::string&, int) { return std::make_pair(answers[i], true); });
    Http1Connection c("127.0.0.1", peer.port(), 2, 5, 5);
    auto o = exchange(c, post("x"));
    EXPECT_FALSE(o.ok) << i;
    EXPECT_FALSE(o.error.empty()) << i;
    EXPECT_EQ(o.response.status, 0) << i;
  }
}

TEST(Http1Connection, EndlessInterimAnswersAreRefused) {
  std::string interims;
  for (int i = 0; i < Http1Connection::kMaxInterim + 4; ++i) interims += "HTTP/1.1 100 Continue\r\n\r\n";
  ScriptedPeer peer([&](const std::string&, int) {
    return std::make_pair(interims + "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", true);
  });
  Http1Connection c("127.0.0.1", peer.port(), 2, 5, 5);
  auto o = exchange(c, post("x"));
  EXPECT_FALSE(o.ok);
  EXPECT_NE(o.error.find("interim"), std::string::npos) << o.error;
}

TEST(Http1Connection, LeftoverBytesAreNeverReadAsTheNextAnswer) {
  // The first answer is followed by bytes that look like a second one; the next request must get its
  // own answer on a new connection, not the leftover 418.
  ScriptedPeer peer([](const std::string& req, int index) -> std::pair<std::string, bool> {
    if (index == 0 && req.find("first") != std::string::npos)
      return {"HTTP/1.1 204 No Content\r\nContent-Length: 40\r\n\r\nHTTP/1.1 418 I'm a teapot\r\nContent-Length: 0\r\n\r\n",
              false};
    return {"HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecond", false};
  });
  Http1Connection c("127.0.0.1", peer.port(), 2, 5, 5);
  auto o = exchange(c, post("first"));
  ASSERT_TRUE(o.ok) << o.error;
  EXPECT_EQ(o.response.status, 204);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the leftover has surely arrived
  o = exchange(c, post("second"));
  ASSERT_TRUE(o.ok) << o.error;
  EXPECT_EQ(o.response.status, 200);
  EXPECT_EQ(o.response.body, "second");
  EXPECT_EQ(peer.connections(), 2);
}

TEST(Http1Connection, TransferCodingsSplitOverSeveralFieldsAreOneList) {
  ScriptedPeer peer([](const std::string&, int) {
    return std::make_pair(std::string("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
                                      "2\r\nok\r\n0\r\n\r\n"),
                          false);
  });
  Http1Connection c("127.0.0.1", peer.port(), 2, 5, 5);
  auto o = exchange(c, post("x"));
  ASSERT_TRUE(o.ok) << o.error;
  EXPECT_EQ(o.response.body, "ok");
}

TEST(Http1Connection, SilentPeerTimesOutAndUnreachablePortFails) {
  ScriptedPeer peer([](const std::string&, int) {
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    return std::make_pair(std::string(), true);
  });
  Http1Connection c("127.0.0.1", peer.port(), 2, 0.2, 0.2);
  auto o = exchange(c, post("x"));
  EXPECT_FALSE(o.ok);
  EXPECT_NE(o.error.find("timed out"), std::string::npos) << o.error;

  int closed_port;
  {
    ScriptedPeer gone([](const std::string&, int) { return std::make_pair(std::string(), true); });
    closed_port = gone.port();
  }
  Http1Connection unreachable("127.0.0.1", closed_port, 1, 1, 1);
  o = exchange(unreachable, post("x"));
  EXPECT_FALSE(o.ok);
  EXPECT_NE(o.error.find("could not connect"), std::string::npos) << o.error;
}

}  // namespace
}  // namespace conform
