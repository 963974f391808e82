// Fuzz target: the emulator's HTTP/1.1 request reader (emulator/app/http_connection.h) on bytes a
// hostile client sends. The input is written into one end of a socket pair (then shut for writing) and
// read_request() is called until the connection ends; each request is answered with write_response().
// Beyond "never crashes, never hangs", it asserts what the reader promises:
//   - a request has a known method, a non-empty path starting with no '?', and a body no larger than
//     the limit;
//   - a refusal is one of 400, 413, 414, 431, after which nothing more is read;
//   - a refused request line over the limit is a 414, a head over the limit a 431.
// Small limits (1 KiB line, 2 KiB head, 16 KiB body) make every refusal reachable within libFuzzer's
// default input length (4096 bytes).
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "emulator/app/http_connection.h"

using conform::emulator::HttpConnection;

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "http_request invariant broken: %s (%.200s)\n", what, detail.c_str());
  std::abort();
}

bool known_method(const std::string& m) {
  for (const char* k : {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "PRI"})
    if (m == k) return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 128 * 1024) return 0;  // stays below the socket pair's buffer: the write never blocks
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) return 0;
  int buffer = 512 * 1024;
  ::setsockopt(fds[0], SOL_SOCKET, SO_SNDBUF, &buffer, sizeof(buffer));
  ::setsockopt(fds[1], SOL_SOCKET, SO_RCVBUF, &buffer, sizeof(buffer));
  size_t off = 0;
  while (off < size) {
    ssize_t n = ::send(fds[0], data + off, size - off, MSG_NOSIGNAL);
    if (n <= 0) break;
    off += static_cast<size_t>(n);
  }
  ::shutdown(fds[0], SHUT_WR);

  HttpConnection::Limits limits;
  limits.max_request_line = 1024;
  limits.max_head = 2048;
  limits.max_body = 16 * 1024;
  limits.read_timeout_ms = 100;
  limits.write_timeout_ms = 100;
  HttpConnection conn(fds[1], limits);
  for (int requests = 0; requests < 64; ++requests) {
    conform::http::Request request;
    HttpConnection::ReadResult r = conn.read_request(request);
    if (r.outcome == HttpConnection::Outcome::Closed) break;
    if (r.outcome == HttpConnection::Outcome::Bad) {
      if (r.status != 400 && r.status != 413 && r.status != 414 && r.status != 431)
        fail("refusal with an unexpected status", std::to_string(r.status));
      break;
    }
    if (!known_method(request.method)) fail("unknown method accepted", request.method);
    if (request.path.empty() || request.path.front() == '?') fail("bad path accepted", request.path);
    if (request.body.size() > limits.max_body) fail("body over the limit", std::to_string(request.body.size()));
    conform::http::Response response;
    response.status = 200;
    response.body = request.body.substr(0, 64);
    conn.write_response(response, r.keep_alive, r.head, "timeout=5, max=100");
    conn.flush();  // into the pair's other end, which is never read: small answers fit its buffer
    if (!r.keep_alive) break;
  }
  ::close(fds[0]);
  ::close(fds[1]);
  return 0;
}
