// EmulatorHttpServer (http_server.h): httplib's process_request over a stream that shortens over-long
// request lines (the full target is put back into the Request before routing).
#include "emulator/app/http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <optional>
#include <string>

namespace conform::emulator {
namespace {

// httplib refuses request lines longer than this; ours are rewritten below it.
constexpr size_t kHttplibLineLimit = 8192;
constexpr const char* kPlaceholderTarget = "/__conform-long-target";

int wait_for(socket_t sock, short events, int timeout_ms) {
  pollfd p{sock, events, 0};
  int n;
  do n = ::poll(&p, 1, timeout_ms);
  while (n < 0 && errno == EINTR);
  return n;
}

int to_ms(time_t sec, time_t usec) { return static_cast<int>(sec * 1000 + usec / 1000); }

std::string address_text(const sockaddr_storage& addr, int& port) {
  char text[INET6_ADDRSTRLEN] = {0};
  if (addr.ss_family == AF_INET) {
    auto* a = reinterpret_cast<const sockaddr_in*>(&addr);
    inet_ntop(AF_INET, &a->sin_addr, text, sizeof(text));
    port = ntohs(a->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    auto* a = reinterpret_cast<const sockaddr_in6*>(&addr);
    inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof(text));
    port = ntohs(a->sin6_port);
  }
  return text;
}

// A buffered socket stream. At the start of each request (begin_request) it reads the request line
// itself; one longer than httplib accepts is replaced by "METHOD /__conform-long-target VERSION" and
// the real target is kept for take_long_target(). Writes are collected and sent together (flush(),
// called after each response and before any read), so a response's head and body leave in one send
// instead of two; sockets are tried without waiting first and polled only when they would block.
class ConnectionStream final : public httplib::Stream {
 public:
  ConnectionStream(socket_t sock, int read_timeout_ms, int write_timeout_ms)
      : sock_(sock), read_timeout_ms_(read_timeout_ms), write_timeout_ms_(write_timeout_ms) {}

  bool is_readable() const override {
    if (!out_.empty() && !flush()) return false;
    return pending_off_ < pending_.size() || buf_off_ < buf_len_ || wait_for(sock_, POLLIN, read_timeout_ms_) > 0;
  }
  bool is_writable() const override { return !write_failed_; }

  // Sends what write() collected. False (and every later write fails) when the peer is gone or the
  // write timeout passed.
  bool flush() const {
    size_t off = 0;
    while (!write_failed_ && off < out_.size()) {
      ssize_t n = ::send(sock_, out_.data() + off, out_.size() - off, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n > 0) {
        off += static_cast<size_t>(n);
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        if (wait_for(sock_, POLLOUT, write_timeout_ms_) <= 0) write_failed_ = true;
      } else {
        write_failed_ = true;
      }
    }
    out_.clear();
    return !write_failed_;
  }

  ssize_t read(char* ptr, size_t size) override {
    if (size == 0) return 0;
    if (!out_.empty() && !flush()) return -1;
    if (at_request_start_) {
      at_request_start_ = false;
      if (!read_request_line()) return pending_.empty() ? -1 : serve_pending(ptr, size);
    }
    if (pending_off_ < pending_.size()) return serve_pending(ptr, size);
    if (buf_off_ < buf_len_) return serve_buffer(ptr, size);
    if (!fill()) return -1;
    return serve_buffer(ptr, size);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (write_failed_) return -1;
    out_.append(ptr, size);
    if (out_.size() >= kFlushAt && !flush()) return -1;
    return static_cast<ssize_t>(size);
  }

  // httplib asks for both addresses on every request; they are fixed for the connection's life.
  void get_remote_ip_and_port(std::string& ip, int& port) const override { cached(remote_, ::getpeername, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { cached(local_, ::getsockname, ip, port); }
  socket_t socket() const override { return sock_; }

  // Waits up to `timeout_ms` for the next request's first byte, giving up early once `stopping` says so.
  template <typename Stopping>
  bool wait_for_request(int timeout_ms, Stopping stopping) {
    if (pending_off_ < pending_.size() || buf_off_ < buf_len_) return true;
    auto give_up = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (!stopping()) {
      int n = wait_for(sock_, POLLIN, 50);
      if (n < 0) return false;
      if (n > 0) return true;
      if (std::chrono::steady_clock::now() >= give_up) return false;
    }
    return false;
  }

  void begin_request() {
    at_request_start_ = true;
    long_target_.reset();
  }
  std::optional<std::string> take_long_target() {
    auto t = std::move(long_target_);
    long_target_.reset();
    return t;
  }

 private:
  bool fill() {
    ssize_t n;
    do n = ::recv(sock_, buf_, sizeof(buf_), MSG_DONTWAIT);
    while (n < 0 && errno == EINTR);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (wait_for(sock_, POLLIN, read_timeout_ms_) <= 0) return false;
      do n = ::recv(sock_, buf_, sizeof(buf_), 0);
      while (n < 0 && errno == EINTR);
    }
    if (n <= 0) return false;
    buf_off_ = 0;
    buf_len_ = static_cast<size_t>(n);
    return true;
  }
  ssize_t serve_buffer(char* ptr, size_t size) {
    size_t n = std::min(size, buf_len_ - buf_off_);
    std::memcpy(ptr, buf_ + buf_off_, n);
    buf_off_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t serve_pending(char* ptr, size_t size) {
    size_t n = std::min(size, pending_.size() - pending_off_);
    std::memcpy(ptr, pending_.data() + pending_off_, n);
    pending_off_ += n;
    if (pending_off_ == pending_.size()) pending_.clear(), pending_off_ = 0;
    return static_cast<ssize_t>(n);
  }

  // Moves the request line (through its '\n') into pending_, rewritten when httplib would refuse it.
  // False when the connection ended or timed out first (whatever was read stays pending).
  bool read_request_line() {
    std::string line;
    while (true) {
      if (buf_off_ == buf_len_ && !fill()) {
        pending_ = std::move(line);
        pending_off_ = 0;
        return false;
      }
      const char* begin = buf_ + buf_off_;
      const char* nl = static_cast<const char*>(std::memchr(begin, '\n', buf_len_ - buf_off_));
      size_t take = nl ? static_cast<size_t>(nl - begin) + 1 : buf_len_ - buf_off_;
      line.append(begin, take);
      buf_off_ += take;
      if (nl || line.size() > EmulatorHttpServer::kMaxRequestLine) break;
    }
    pending_off_ = 0;
    if (line.size() <= kHttplibLineLimit || line.size() > EmulatorHttpServer::kMaxRequestLine) {
      pending_ = std::move(line);
      return true;
    }
    // "METHOD SP TARGET SP VERSION CRLF": keep method and version, park the target.
    size_t sp1 = line.find(' '), sp2 = line.rfind(' ');
    if (sp1 == std::string::npos || sp2 == sp1) {
      pending_ = std::move(line);  // not a request line: httplib answers it
      return true;
    }
    long_target_ = line.substr(sp1 + 1, sp2 - sp1 - 1);
    pending_ = line.substr(0, sp1 + 1) + kPlaceholderTarget + line.substr(sp2);
    return true;
  }

  using Address = std::optional<std::pair<std::string, int>>;
  void cached(Address& slot, int (*query)(int, sockaddr*, socklen_t*), std::string& ip, int& port) const {
    if (!slot) {
      slot.emplace();
      sockaddr_storage addr{};
      socklen_t len = sizeof(addr);
      if (query(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) slot->first = address_text(addr, slot->second);
    }
    ip = slot->first;
    port = slot->second;
  }

  static constexpr size_t kFlushAt = 64 * 1024;
  socket_t sock_;
  int read_timeout_ms_, write_timeout_ms_;
  mutable std::string out_;          // collected writes (flushed from const is_readable too)
  mutable bool write_failed_ = false;
  char buf_[16 * 1024];
  size_t buf_off_ = 0, buf_len_ = 0;
  std::string pending_;
  size_t pending_off_ = 0;
  bool at_request_start_ = false;
  std::optional<std::string> long_target_;
  mutable Address remote_, local_;
};

}  // namespace

bool EmulatorHttpServer::process_and_close_socket(socket_t sock) {
  bool ret = false;
  {
    ConnectionStream strm(sock, to_ms(read_timeout_sec_, read_timeout_usec_),
                          to_ms(write_timeout_sec_, write_timeout_usec_));
    auto stopping = [this] { return svr_sock_ == INVALID_SOCKET; };
    auto setup = [&strm](httplib::Request& req) {
      if (auto target = strm.take_long_target()) {
        req.target = *target;
        req.path = target->substr(0, target->find('?'));
      }
      // RFC 9112 6.3: a request with neither Content-Length nor Transfer-Encoding has no body.
      if ((req.method == "POST" || req.method == "PUT" || req.method == "PATCH") && !req.has_header("Content-Length") &&
          !req.has_header("Transfer-Encoding"))
        req.set_header("Content-Length", "0");
    };
    size_t count = keep_alive_max_count_;
    while (!stopping() && count > 0 && strm.wait_for_request(static_cast<int>(keep_alive_timeout_sec_ * 1000), stopping)) {
      bool close_connection = count == 1;
      bool connection_closed = false;
      strm.begin_request();
      ret = process_request(strm, close_connection, connection_closed, setup);
      if (!strm.flush()) ret = false;
      if (!ret || connection_closed) break;
      --count;
    }
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ret;
}

}  // namespace conform::emulator
