// The HTTP server EmulatorServer runs: cpp-httplib's Server with its own connection loop, so that
// requests real clients send are not refused by limits compiled into the Debian library:
//   * a request line longer than httplib's CPPHTTPLIB_REQUEST_URI_MAX_LENGTH (8192 bytes, answered 414
//     before any handler runs) reaches the handlers with its full target, up to kMaxRequestLine bytes
//     (a 1024-code-point ARN of 4-byte characters is about 12 KB percent-encoded);
//   * a POST/PUT/PATCH with neither Content-Length nor Transfer-Encoding has an empty body (RFC 9112
//     6.3) instead of httplib's 400;
//   * an idle kept-alive connection notices stop() within ~50 ms instead of the keep-alive timeout.
// Everything else (parsing, routing, handlers, error handler, responses) is httplib's process_request.
//
// Promises: same keep-alive count, read/write timeouts and keep-alive timeout as set on the Server;
// the socket is always shut down and closed; a request line longer than kMaxRequestLine is passed on
// unchanged (httplib answers 414).
#pragma once

#include <httplib.h>

#include <cstddef>

namespace conform::emulator {

class EmulatorHttpServer : public httplib::Server {
 public:
  static constexpr size_t kMaxRequestLine = 1024 * 1024;
  static constexpr int kListenBacklog = 512;

  // httplib listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG): 16 clients connecting at once lost
  // connections (status 0 in SwfHttp.SixteenConcurrentClosesExactlyOneSucceeds). Call after binding;
  // listen() again on a listening socket only resizes its queue.
  void widen_listen_backlog() {
    if (svr_sock_ != INVALID_SOCKET) ::listen(svr_sock_, kListenBacklog);
  }

 protected:
  bool process_and_close_socket(socket_t sock) override;
};

}  // namespace conform::emulator
