// Http1Connection: one HTTP/1.1 connection over plain TCP (an http:// target), kept alive between
// requests. The https:// path stays on cpp-httplib (client.cpp); this one exists because a conformance
// run is mostly small requests on loopback, where httplib's per-byte line reader, header maps and a
// poll before every read cost more than the exchange itself.
//
// Promises:
//   * The request leaves as given: method, target, headers in order, body. Only framing is added:
//     Content-Length from the body (unless the request has one, or is chunked), 0 for POST/PUT/PATCH
//     without a body, and User-Agent when absent. Head and body go out in one sendmsg.
//   * The response is read by Content-Length, by chunked transfer coding (trailers dropped) or until the
//     peer closes; 1xx interim answers are skipped; no body for 204, 304 and HEAD. The connection is
//     closed after an answer that says `Connection: close`, an HTTP/1.0 answer without keep-alive, a
//     read-until-close body, or any error.
//   * A kept-alive connection that turns out closed before the first byte of the answer (the peer's
//     idle timeout or keep-alive limit) is reopened and the request sent once more; nothing is resent
//     once any byte of an answer arrived.
//   * Never throws and never crashes on a hostile peer: malformed status lines, headers, chunk sizes or
//     lengths, heads over 1 MiB (interim answers included), more than kMaxInterim 1xx answers and bodies
//     over 256 MiB are errors (status 0 and a message); a body's memory grows as its bytes arrive.
//     Bytes left over from an earlier answer close the connection instead of being read as the next.
//   * Connect, read and write timeouts as given. Use from one thread at a time.
#pragma once

#include <memory>
#include <string>

#include "harness/http/message.h"

namespace conform::transport {

class Http1Connection {
 public:
  static constexpr size_t kMaxHead = 1 << 20;
  static constexpr size_t kMaxBody = 256u << 20;
  static constexpr int kMaxInterim = 16;  // 1xx answers skipped before the final one

  Http1Connection(std::string host, int port, double connect_timeout_s, double read_timeout_s, double write_timeout_s);
  ~Http1Connection();
  Http1Connection(const Http1Connection&) = delete;
  Http1Connection& operator=(const Http1Connection&) = delete;

  // Sends `request` with `target` on its request line. Returns false with `error` set on failure
  // (response left with status 0).
  bool exchange(const http::Request& request, const std::string& target, http::Response& response, std::string& error);
  // Closes the connection (if open); the next exchange opens a new one.
  void close();

 private:
  enum class Read { Ok, ClosedBeforeAnswer, Failed };
  bool open(std::string& error);
  bool send_all(const std::string& head, const std::string& body, std::string& error);
  Read read_answer(bool head_request, http::Response& response, std::string& error);
  bool fill(std::string& error);              // appends what the socket has; false on EOF (error empty) or failure
  bool read_line(std::string& line, std::string& error);
  bool read_exact(size_t n, std::string& out, std::string& error);
  size_t buffered() const { return end_ - begin_; }

  std::string host_;
  int port_;
  double connect_timeout_s_, read_timeout_s_, write_timeout_s_;
  int fd_ = -1;
  bool reused_ = false;     // at least one answer was read on this connection
  std::unique_ptr<char[]> buf_;  // received, not yet consumed: [begin_, end_)
  size_t capacity_ = 0, begin_ = 0, end_ = 0;
  int last_errno_ = 0;           // of the last failed recv
  size_t head_bytes_ = 0;   // bytes of the current answer's head so far (kMaxHead)
};

}  // namespace conform::transport
