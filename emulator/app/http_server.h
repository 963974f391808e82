// The HTTP server EmulatorServer runs: cpp-httplib's Server listens, accepts and runs connection
// threads; each connection is served by HttpConnection (http_connection.h), which parses requests and
// writes answers itself, so that:
//   * a request line up to kMaxRequestLine bytes reaches the handler with its full target (httplib
//     refused lines over 8192 bytes with 414; a 1024-code-point ARN of 4-byte characters is about 12 KB
//     percent-encoded);
//   * a POST/PUT/PATCH with neither Content-Length nor Transfer-Encoding has an empty body (RFC 9112
//     6.3) instead of httplib's 400;
//   * an idle kept-alive connection notices stop() within ~50 ms instead of the keep-alive timeout;
//   * a request costs no per-byte virtual reads, header maps or route regexes (the emulator answers most
//     of a conformance run's requests).
//
// Promises: the keep-alive count, read/write timeouts, keep-alive timeout and payload limit are the ones
// set on the Server; every answer of status >= 400 has an error identity (a SerializationException body
// when the handler or the parser gave none); the socket is always shut down and closed.
#pragma once

#include <httplib.h>

#include <cstddef>
#include <functional>

#include "harness/http/message.h"

namespace conform::emulator {

class EmulatorHttpServer : public httplib::Server {
 public:
  static constexpr size_t kMaxRequestLine = 1024 * 1024;
  static constexpr int kListenBacklog = 512;
  using Handler = std::function<http::Response(const http::Request&)>;

  void set_handler(Handler handler) { handler_ = std::move(handler); }
  void set_max_body(size_t bytes) { max_body_ = bytes; }

  // httplib listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG): 16 clients connecting at once lost
  // connections (status 0 in SwfHttp.SixteenConcurrentClosesExactlyOneSucceeds). Call after binding;
  // listen() again on a listening socket only resizes its queue.
  void widen_listen_backlog() {
    if (svr_sock_ != INVALID_SOCKET) ::listen(svr_sock_, kListenBacklog);
  }

 protected:
  bool process_and_close_socket(socket_t sock) override;

 private:
  Handler handler_;
  size_t max_body_ = 64 * 1024 * 1024;
};

}  // namespace conform::emulator
