// HttpConnection: the emulator's end of one HTTP/1.1 connection. It reads requests into http::Request
// and writes http::Response with the framing cpp-httplib's server used to add, so that clients see the
// same answers; httplib still listens, accepts and runs the connection threads (http_server.h).
//
// Promises:
//   * read_request() accepts "METHOD SP target SP HTTP/1.0|1.1" for GET, HEAD, POST, PUT, DELETE,
//     CONNECT, OPTIONS, TRACE, PATCH and PRI with CRLF or bare LF line ends; header lines without a
//     colon are ignored (as httplib did); the body is read by Content-Length or chunked coding; a
//     POST/PUT/PATCH with neither has an empty body (RFC 9112 6.3); framing that could desynchronise
//     the connection is refused (400: a transfer coding list not ending in chunked, Content-Length
//     values that differ) or ends it (chunked and Content-Length together: answered, then closed);
//     `Expect: 100-continue` on HTTP/1.1
//     gets "100 Continue" before the body is read. The raw target is split into path and decoded query
//     (a malformed escape keeps its text).
//   * Limits answer instead of failing: a request line over max_request_line gets 414, a head over
//     max_head 431, a body over max_body 413, anything malformed 400; the connection closes after them.
//   * write_response() collects the answer (status line, the response's headers in order, then
//     Connection: close or Keep-Alive, Content-Type text/plain for an untyped body, Content-Length) and
//     flush() sends it in one send; no body for HEAD.
//   * Never throws, never reads or writes past its timeouts.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <string>

#include "harness/http/message.h"

namespace conform::emulator {

class HttpConnection {
 public:
  struct Limits {
    size_t max_request_line = 1024 * 1024;
    size_t max_head = 1024 * 1024;
    size_t max_body = 64 * 1024 * 1024;
    int read_timeout_ms = 5000;
    int write_timeout_ms = 5000;
  };
  enum class Outcome { Request, Closed, Bad };
  struct ReadResult {
    Outcome outcome = Outcome::Closed;
    int status = 0;          // for Bad: 400, 413, 414 or 431
    bool keep_alive = false; // the client allows another request on this connection
    bool head = false;       // HEAD: answer without a body
  };

  HttpConnection(int fd, Limits limits);
  ReadResult read_request(http::Request& out);
  void write_response(const http::Response& response, bool keep_alive, bool head_request,
                      const std::string& keep_alive_value);
  bool flush();
  // Waits up to one slice (kSliceMs) for the first bytes of a next request: 1 when some are buffered,
  // 0 when none came, -1 when the peer closed or the socket failed.
  int wait_for_request();
  static constexpr int kSliceMs = 50;

 private:
  bool fill();            // more bytes into the buffer, waiting up to the read timeout
  ssize_t receive_slice();  // one recv, waiting up to kSliceMs
  enum class Line { Ok, Closed, TooLong };
  Line read_line(std::string& line, size_t limit);
  bool read_exact(size_t n, std::string& out);
  bool read_chunked(std::string& out, int& status);
  void write_raw(const std::string& bytes);

  int fd_;
  Limits limits_;
  char buf_[16 * 1024];
  size_t begin_ = 0, end_ = 0;
  std::string out_;
  bool write_failed_ = false;
};

const char* reason_phrase(int status);

}  // namespace conform::emulator
