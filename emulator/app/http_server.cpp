// EmulatorHttpServer (http_server.h): the per-connection loop over HttpConnection.
#include "emulator/app/http_server.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>

#include "emulator/app/http_connection.h"

namespace conform::emulator {
namespace {

int to_ms(time_t sec, time_t usec) { return static_cast<int>(sec * 1000 + usec / 1000); }

// The identity of answers that carry none (the parser's 400/413/414/431, a handler's empty error).
void give_identity(http::Response& r) {
  r.headers.set("X-Amzn-ErrorType", "SerializationException");
  r.headers.set("Content-Type", "application/x-amz-json-1.0");
  r.body = R"({"__type":"com.amazon.coral.service#SerializationException","message":"Malformed HTTP request"})";
}

}  // namespace

bool EmulatorHttpServer::process_and_close_socket(socket_t sock) {
  bool ok = false;
  {
    HttpConnection::Limits limits;
    limits.max_request_line = kMaxRequestLine;
    limits.max_body = max_body_;
    limits.read_timeout_ms = to_ms(read_timeout_sec_, read_timeout_usec_);
    limits.write_timeout_ms = to_ms(write_timeout_sec_, write_timeout_usec_);
    HttpConnection conn(sock, limits);
    auto stopping = [this] { return svr_sock_ == INVALID_SOCKET; };
    const std::string keep_alive_value =
        "timeout=" + std::to_string(keep_alive_timeout_sec_) + ", max=" + std::to_string(keep_alive_max_count_);
    const int idle_ms = static_cast<int>(keep_alive_timeout_sec_ * 1000);
    size_t count = keep_alive_max_count_;
    while (!stopping() && count > 0) {
      // Wait for the next request's first byte, noticing stop() within ~50 ms.
      auto give_up = std::chrono::steady_clock::now() + std::chrono::milliseconds(idle_ms);
      int ready = 0;
      while (!stopping() && (ready = conn.wait_for_request()) == 0 && std::chrono::steady_clock::now() < give_up) {
      }
      if (ready <= 0 || stopping()) break;

      http::Request request;
      HttpConnection::ReadResult read = conn.read_request(request);
      if (read.outcome == HttpConnection::Outcome::Closed) break;
      bool keep_alive = read.keep_alive && count > 1;
      http::Response response;
      if (read.outcome == HttpConnection::Outcome::Bad) {
        response.status = read.status;
        keep_alive = false;
      } else if (handler_) {
        try {
          response = handler_(request);
        } catch (...) {
          response = {};
          response.status = 500;
        }
      } else {
        response.status = 404;
      }
      if (response.status >= 400 && response.body.empty()) give_identity(response);
      conn.write_response(response, keep_alive, read.head, keep_alive_value);
      ok = conn.flush();
      if (!ok || !keep_alive) break;
      --count;
    }
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ok;
}

}  // namespace conform::emulator
