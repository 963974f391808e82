// Http1Connection (http1_connection.h): blocking socket with SO_RCVTIMEO/SO_SNDTIMEO (one recv per
// read, no poll), a non-blocking connect bounded by poll, and a receive buffer scanned with memchr.
#include "harness/transport/http1_connection.h"

#include "harness/http/field_values.h"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>

namespace conform::transport {

namespace {

// At least 1 ms: a zero timeval would mean "no timeout" to SO_RCVTIMEO/SO_SNDTIMEO.
timeval to_timeval(double s) {
  if (!(s >= 0.001)) s = 0.001;
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(s);
  tv.tv_usec = static_cast<suseconds_t>((s - static_cast<double>(tv.tv_sec)) * 1e6);
  return tv;
}

std::string errno_text(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

// One recv (EINTR retried); on failure `error` says why: empty for the peer closing, else a timeout or
// the errno text.
ssize_t receive(int fd, char* into, size_t size, std::string& error) {
  ssize_t n;
  do n = ::recv(fd, into, size, 0);
  while (n < 0 && errno == EINTR);
  if (n == 0) error.clear();
  if (n >= 0) return n;
  const int e = errno;
  error = (e == EAGAIN || e == EWOULDBLOCK) ? "read timed out" : errno_text("read failed");
  errno = e;  // the caller tells a reset from a timeout by it
  return n;
}

}  // namespace

Http1Connection::Http1Connection(std::string host, int port, double connect_timeout_s, double read_timeout_s,
                                 double write_timeout_s)
    : host_(std::move(host)),
      port_(port),
      connect_timeout_s_(connect_timeout_s),
      read_timeout_s_(read_timeout_s),
      write_timeout_s_(write_timeout_s) {}

Http1Connection::~Http1Connection() { close(); }

void Http1Connection::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  reused_ = false;
  begin_ = end_ = 0;
}

bool Http1Connection::open(std::string& error) {
  close();
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  std::string port = std::to_string(port_);
  if (int rc = ::getaddrinfo(host_.c_str(), port.c_str(), &hints, &found); rc != 0) {
    error = "could not resolve " + host_ + ": " + gai_strerror(rc);
    return false;
  }
  error = "could not connect to " + host_ + ":" + port;
  int timeout_ms = std::max(1, static_cast<int>(connect_timeout_s_ > 0 ? connect_timeout_s_ * 1000 : 1));
  for (addrinfo* a = found; a; a = a->ai_next) {
    int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol);
    if (fd < 0) continue;
    int rc = ::connect(fd, a->ai_addr, a->ai_addrlen);
    if (rc != 0 && errno == EINPROGRESS) {
      pollfd p{fd, POLLOUT, 0};
      int n;
      do n = ::poll(&p, 1, timeout_ms);
      while (n < 0 && errno == EINTR);
      int so_error = 0;
      socklen_t len = sizeof(so_error);
      if (n == 1 && ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &so_error, &len) == 0 && so_error == 0) rc = 0;
      else error += n == 0 ? " (connect timed out)" : std::string(" (") + std::strerror(so_error ? so_error : errno) + ")";
    } else if (rc != 0) {
      error += std::string(" (") + std::strerror(errno) + ")";
    }
    if (rc != 0) {
      ::close(fd);
      continue;
    }
    int flags = ::fcntl(fd, F_GETFL);
    ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    timeval rtv = to_timeval(read_timeout_s_), wtv = to_timeval(write_timeout_s_);
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &rtv, sizeof(rtv));
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &wtv, sizeof(wtv));
    fd_ = fd;
    error.clear();
    break;
  }
  ::freeaddrinfo(found);
  return fd_ >= 0;
}

bool Http1Connection::send_all(const std::string& head, const std::string& body, std::string& error) {
  size_t off = 0, total = head.size() + body.size();
  while (off < total) {
    iovec iov[2];
    int n_iov = 0;
    if (off < head.size()) iov[n_iov++] = {const_cast<char*>(head.data() + off), head.size() - off};
    size_t body_off = off > head.size() ? off - head.size() : 0;
    if (body_off < body.size()) iov[n_iov++] = {const_cast<char*>(body.data() + body_off), body.size() - body_off};
    msghdr msg{};
    msg.msg_iov = iov;
    msg.msg_iovlen = static_cast<size_t>(n_iov);
    ssize_t n = ::sendmsg(fd_, &msg, MSG_NOSIGNAL);
    if (n > 0) {
      off += static_cast<size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      error = (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) ? "write timed out" : errno_text("write failed");
      return false;
    }
  }
  return true;
}

bool Http1Connection::fill(std::string& error) {
  if (begin_ == end_) begin_ = end_ = 0;
  if (end_ == capacity_ || (begin_ > 0 && capacity_ - end_ < 4096)) {
    if (begin_ > 0) {
      std::memmove(buf_.get(), buf_.get() + begin_, end_ - begin_);
      end_ -= begin_;
      begin_ = 0;
    } else {  // full: a long head line (bounded by kMaxHead in read_line)
      size_t grown = capacity_ ? capacity_ * 2 : 64 * 1024;
      std::unique_ptr<char[]> bigger(new char[grown]);
      if (end_) std::memcpy(bigger.get(), buf_.get(), end_);
      buf_ = std::move(bigger);
      capacity_ = grown;
    }
  }
  ssize_t n = receive(fd_, buf_.get() + end_, capacity_ - end_, error);
  last_errno_ = n < 0 ? errno : 0;
  if (n <= 0) return false;
  end_ += static_cast<size_t>(n);
  return true;
}

bool Http1Connection::read_line(std::string& line, std::string& error) {
  size_t scanned = 0;
  while (true) {
    const char* begin = buf_.get() + begin_;
    if (const void* nl = std::memchr(begin + scanned, '\n', buffered() - scanned)) {
      size_t len = static_cast<size_t>(static_cast<const char*>(nl) - begin);
      head_bytes_ += len + 1;
      if (head_bytes_ > kMaxHead) break;
      line.assign(begin, len > 0 && begin[len - 1] == '\r' ? len - 1 : len);
      begin_ += len + 1;
      return true;
    }
    scanned = buffered();
    if (head_bytes_ + scanned > kMaxHead) break;
    if (!fill(error)) {
      if (error.empty()) error = "connection closed in the middle of the response head";
      return false;
    }
  }
  error = "response head longer than " + std::to_string(kMaxHead) + " bytes";
  return false;
}

bool Http1Connection::read_exact(size_t n, std::string& out, std::string& error) {
  size_t from_buffer = std::min(n, buffered());
  out.append(buf_.get() + begin_, from_buffer);
  begin_ += from_buffer;
  n -= from_buffer;
  if (n == 0) return true;
  // The rest straight into `out`, grown a MiB at a time as bytes arrive (a hostile length costs
  // nothing up front).
  while (n > 0) {
    size_t at = out.size(), step = std::min<size_t>(n, 1 << 20), filled = 0;
    out.resize(at + step);
    while (filled < step) {
      ssize_t got = receive(fd_, out.data() + at + filled, step - filled, error);
      if (got <= 0) {
        out.resize(at + filled);
        if (got == 0) error = "connection closed in the middle of the response body";
        return false;
      }
      filled += static_cast<size_t>(got);
    }
    n -= step;
  }
  return true;
}

Http1Connection::Read Http1Connection::read_answer(bool head_request, http::Response& response, std::string& error) {
  head_bytes_ = 0;  // interim heads count too: a peer sending 1xx forever hits the limit
  for (int interim = 0;; ++interim) {  // 1xx interim answers are skipped
    if (interim > kMaxInterim) {
      error = "more than " + std::to_string(kMaxInterim) + " interim (1xx) answers";
      return Read::Failed;
    }
    std::string line;
    if (interim == 0 && buffered() == 0 && !fill(error)) {
      // Nothing of the answer yet: closed or reset here, a kept-alive connection had gone idle.
      bool gone = error.empty() || last_errno_ == ECONNRESET;
      if (gone && reused_) return Read::ClosedBeforeAnswer;
      if (error.empty()) error = "connection closed before any response";
      return Read::Failed;
    }
    if (!read_line(line, error)) return Read::Failed;
    // "HTTP/1.1 200 OK": three digits from 100 on, then the end or a space.
    auto digit = [&](size_t i) { return line[i] >= '0' && line[i] <= '9'; };
    if (line.size() < 12 || line.compare(0, 7, "HTTP/1.") != 0 || line[8] != ' ' || !digit(9) || !digit(10) ||
        !digit(11) || line[9] == '0' || (line.size() > 12 && line[12] != ' ')) {
      error = "malformed status line: " + line.substr(0, 80);
      return Read::Failed;
    }
    const int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
    bool http10 = line[7] == '0';
    http::Response r;
    r.status = status;
    while (true) {
      if (!read_line(line, error)) return Read::Failed;
      if (line.empty()) break;
      size_t colon = line.find(':');
      if (colon == std::string::npos || colon == 0) {
        error = "malformed response header: " + line.substr(0, 80);
        return Read::Failed;
      }
      r.headers.add(line.substr(0, colon), std::string(http::trim_ows(std::string_view(line).substr(colon + 1))));
    }
    if (status < 200) continue;

    bool keep = http::connection_persists(r.headers, http10);
    auto te = http::joined_field(r.headers, "Transfer-Encoding");
    auto cl = r.headers.get("Content-Length");
    if (head_request || status == 204 || status == 304) {
      // no body
    } else if (te && http::iequals(http::last_token(*te), "chunked")) {
      while (true) {
        head_bytes_ = 0;
        if (!read_line(line, error)) return Read::Failed;
        auto size = http::parse_chunk_size(line);
        if (!size || *size > kMaxBody || r.body.size() + *size > kMaxBody) {
          error = "malformed or oversized chunk size: " + line.substr(0, 40);
          return Read::Failed;
        }
        if (*size == 0) {
          do {
            if (!read_line(line, error)) return Read::Failed;
          } while (!line.empty());  // trailers
          break;
        }
        if (!read_exact(static_cast<size_t>(*size), r.body, error)) return Read::Failed;
        if (!read_line(line, error)) return Read::Failed;
        if (!line.empty()) {
          error = "chunk not followed by CRLF";
          return Read::Failed;
        }
      }
    } else if (cl && !te) {
      auto length = http::parse_length(*cl, 10);
      if (!length || *length > kMaxBody) {
        error = "malformed or oversized Content-Length: " + cl->substr(0, 40);
        return Read::Failed;
      }
      if (!read_exact(static_cast<size_t>(*length), r.body, error)) return Read::Failed;
    } else {
      while (true) {  // until the peer closes
        r.body.append(buf_.get() + begin_, buffered());
        begin_ = end_ = 0;
        if (r.body.size() > kMaxBody) {
          error = "response body larger than " + std::to_string(kMaxBody) + " bytes";
          return Read::Failed;
        }
        if (!fill(error)) {
          if (!error.empty()) return Read::Failed;
          break;
        }
      }
      keep = false;
    }
    response = std::move(r);
    if (!keep) close();
    else reused_ = true;
    return Read::Ok;
  }
}

bool Http1Connection::exchange(const http::Request& request, const std::string& target, http::Response& response,
                               std::string& error) {
  response = {};
  std::string head;
  head.reserve(256 + target.size());
  head.append(request.method).append(" ").append(target).append(" HTTP/1.1\r\n");
  bool has_length = false, chunked = false, has_agent = false;
  for (const auto& [name, value] : request.headers.all()) {
    head.append(name).append(": ").append(value).append("\r\n");
    has_length = has_length || http::iequals(name, "Content-Length");
    chunked = chunked || (http::iequals(name, "Transfer-Encoding") && http::has_token(value, "chunked"));
    has_agent = has_agent || http::iequals(name, "User-Agent");
  }
  if (!has_agent) head.append("User-Agent: conform\r\n");
  if (!has_length && !chunked &&
      (!request.body.empty() || request.method == "POST" || request.method == "PUT" || request.method == "PATCH"))
    head.append("Content-Length: ").append(std::to_string(request.body.size())).append("\r\n");
  head.append("\r\n");
  const bool head_request = request.method == "HEAD";

  for (int attempt = 0; attempt < 2; ++attempt) {
    // Bytes that arrived before this request was sent cannot be its answer (a body the peer should not
    // have sent, garbage after an answer): such a connection is not reused.
    if (fd_ >= 0 && buffered() > 0) close();
    if (fd_ < 0 && !open(error)) return false;
    bool was_reused = reused_;
    if (!send_all(head, request.body, error)) {
      close();
      if (was_reused && attempt == 0) continue;  // the kept-alive connection had gone away
      return false;
    }
    Read r = read_answer(head_request, response, error);
    if (r == Read::Ok) return true;
    close();
    if (r == Read::ClosedBeforeAnswer && attempt == 0) continue;
    if (error.empty()) error = "connection closed before any response";
    response = {};
    return false;
  }
  return false;
}

}  // namespace conform::transport
