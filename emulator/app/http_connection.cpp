// HttpConnection (http_connection.h): a 16 KiB receive buffer scanned with memchr; reads are blocking
// recv calls in slices of kSliceMs (SO_RCVTIMEO), so waiting for a request costs no poll and stop() is
// still noticed between slices; sends are tried before polling; one output string flushed per answer.
#include "emulator/app/http_connection.h"

#include "harness/http/field_values.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>

namespace conform::emulator {

namespace {

int wait_for(int fd, short events, int timeout_ms) {
  pollfd p{fd, events, 0};
  int n;
  do n = ::poll(&p, 1, timeout_ms);
  while (n < 0 && errno == EINTR);
  return n;
}

bool known_method(std::string_view m) {
  for (const char* k : {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "PRI"})
    if (m == k) return true;
  return false;
}

// Query pairs of a target whose escapes are malformed: each escape that decodes is decoded, the rest
// stay as they are.
std::vector<std::pair<std::string, std::string>> lenient_query(const std::string& query) {
  std::vector<std::pair<std::string, std::string>> pairs;
  size_t start = 0;
  while (start <= query.size() && !query.empty()) {
    size_t amp = query.find('&', start);
    std::string part = query.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
    if (!part.empty()) {
      size_t eq = part.find('=');
      std::string k = part.substr(0, eq), v = eq == std::string::npos ? "" : part.substr(eq + 1);
      auto dk = http::percent_decode(k), dv = http::percent_decode(v);
      pairs.emplace_back(dk ? *dk : k, dv ? *dv : v);
    }
    if (amp == std::string::npos) break;
    start = amp + 1;
  }
  return pairs;
}

void set_target(http::Request& out, const std::string& target) {
  if (auto split = http::split_target(target)) {
    out.path = std::move(split->first);
    out.query = std::move(split->second);
  } else {
    size_t q = target.find('?');
    if (q == std::string::npos) {
      out.path = target;
    } else {
      out.path.assign(target, 0, q);
      out.query = lenient_query(target.substr(q + 1));
    }
  }
  if (out.path.empty()) out.path = "/";
}

}  // namespace

const char* reason_phrase(int status) {
  switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return status < 300 ? "OK" : status < 400 ? "Redirect" : status < 500 ? "Client Error" : "Server Error";
  }
}

HttpConnection::HttpConnection(int fd, Limits limits) : fd_(fd), limits_(limits) {
  timeval slice{0, kSliceMs * 1000};
  ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &slice, sizeof(slice));
}

ssize_t HttpConnection::receive_slice() {
  ssize_t n;
  do n = ::recv(fd_, buf_ + end_, sizeof(buf_) - end_, 0);
  while (n < 0 && errno == EINTR);
  if (n > 0) end_ += static_cast<size_t>(n);
  return n;
}

bool HttpConnection::fill() {
  if (begin_ == end_) begin_ = end_ = 0;
  if (end_ == sizeof(buf_)) {
    std::memmove(buf_, buf_ + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (!out_.empty() && !flush()) return false;
  for (int waited = 0;; waited += kSliceMs) {
    ssize_t n = receive_slice();
    if (n > 0) return true;
    if (n == 0 || !(errno == EAGAIN || errno == EWOULDBLOCK) || waited >= limits_.read_timeout_ms) return false;
  }
}

HttpConnection::Line HttpConnection::read_line(std::string& line, size_t limit) {
  line.clear();
  while (true) {
    const char* begin = buf_ + begin_;
    const void* nl = std::memchr(begin, '\n', end_ - begin_);
    size_t take = nl ? static_cast<size_t>(static_cast<const char*>(nl) - begin) + 1 : end_ - begin_;
    if (line.size() + take > limit + 2) return Line::TooLong;  // + CRLF; the exact check is below
    line.append(begin, take);
    begin_ += take;
    if (nl) {
      line.pop_back();
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return line.size() > limit ? Line::TooLong : Line::Ok;
    }
    if (!fill()) return Line::Closed;
  }
}

bool HttpConnection::read_exact(size_t n, std::string& out) {
  size_t from_buffer = std::min(n, end_ - begin_);
  out.append(buf_ + begin_, from_buffer);
  begin_ += from_buffer;
  n -= from_buffer;
  while (n > 0) {
    if (!fill()) return false;
    size_t take = std::min(n, end_ - begin_);
    out.append(buf_ + begin_, take);
    begin_ += take;
    n -= take;
  }
  return true;
}

bool HttpConnection::read_chunked(std::string& out, int& status) {
  std::string line;
  while (true) {
    if (read_line(line, 1024) != Line::Ok) return status = 400, false;
    auto parsed = http::parse_chunk_size(line);
    if (!parsed) return status = 400, false;
    if (*parsed > limits_.max_body || out.size() + *parsed > limits_.max_body) return status = 413, false;
    size_t size = static_cast<size_t>(*parsed);
    if (size == 0) break;
    if (!read_exact(size, out)) return status = 400, false;
    if (read_line(line, 0) != Line::Ok || !line.empty()) return status = 400, false;
  }
  size_t trailers = 0;
  do {  // trailers, dropped
    if (read_line(line, limits_.max_head) != Line::Ok || (trailers += line.size()) > limits_.max_head)
      return status = 400, false;
  } while (!line.empty());
  return true;
}

HttpConnection::ReadResult HttpConnection::read_request(http::Request& out) {
  ReadResult r;
  auto bad = [&](int status) {
    r.outcome = Outcome::Bad;
    r.status = status;
    r.keep_alive = false;
    return r;
  };
  std::string line;
  Line got;
  int blank_lines = 0;
  do got = read_line(line, limits_.max_request_line);  // empty lines before a request are ignored (RFC 9112 2.2)
  while (got == Line::Ok && line.empty() && ++blank_lines < 4);
  if (got == Line::Closed) return r;  // nothing (or a partial line) before the peer left
  if (got == Line::TooLong) return bad(414);
  // METHOD SP target SP version, target without spaces and not starting with '?'.
  size_t sp1 = line.find(' ');
  size_t sp2 = sp1 == std::string::npos ? sp1 : line.find(' ', sp1 + 1);
  if (sp2 == std::string::npos || line.find(' ', sp2 + 1) != std::string::npos) return bad(400);
  std::string_view method(line.data(), sp1), target(line.data() + sp1 + 1, sp2 - sp1 - 1),
      version(line.data() + sp2 + 1, line.size() - sp2 - 1);
  if (!known_method(method) || target.empty() || target.front() == '?' || (version != "HTTP/1.1" && version != "HTTP/1.0"))
    return bad(400);
  out.method = std::string(method);
  set_target(out, std::string(target));
  const bool http10 = version == "HTTP/1.0";
  r.head = method == "HEAD";

  size_t head_bytes = 0;
  while (true) {
    Line h = read_line(line, limits_.max_head);
    if (h == Line::Closed) return bad(400);
    if (h == Line::TooLong || (head_bytes += line.size() + 2) > limits_.max_head) return bad(431);
    if (line.empty()) break;
    size_t colon = line.find(':');
    if (colon == std::string::npos || colon == 0) continue;  // ignored, as httplib did
    out.headers.add(line.substr(0, colon), std::string(http::trim_ows(std::string_view(line).substr(colon + 1))));
  }

  r.keep_alive = http::connection_persists(out.headers, http10);

  // Framing (RFC 9112 6.1, 6.3): a transfer coding list must end in chunked; Content-Length fields must
  // agree; with both, chunked wins and the connection closes after the answer.
  auto te = http::joined_field(out.headers, "Transfer-Encoding");
  auto cl = http::joined_field(out.headers, "Content-Length");
  if (te && !http::iequals(http::last_token(*te), "chunked")) return bad(400);
  const bool chunked = te.has_value();
  if (chunked && cl) r.keep_alive = false;
  uint64_t length = 0;
  if (!chunked && cl) {
    std::optional<uint64_t> agreed;
    std::string_view rest(*cl);
    while (true) {
      size_t comma = rest.find(',');
      auto parsed = http::parse_length(rest.substr(0, comma), 10);
      if (!parsed || (agreed && *agreed != *parsed)) return bad(400);
      agreed = parsed;
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
    length = *agreed;
  }
  if (!chunked && length > limits_.max_body) return bad(413);
  auto expect = out.headers.get("Expect");
  if (!http10 && expect && http::iequals(http::trim_ows(*expect), "100-continue") && (chunked || length > 0) && begin_ == end_) {
    write_raw("HTTP/1.1 100 Continue\r\n\r\n");
    if (!flush()) return r;
  }
  if (chunked) {
    int status = 400;
    if (!read_chunked(out.body, status)) return bad(status);
  } else if (length > 0) {
    out.body.reserve(static_cast<size_t>(std::min<uint64_t>(length, 1 << 20)));
    if (!read_exact(static_cast<size_t>(length), out.body)) return bad(400);
  }
  r.outcome = Outcome::Request;
  return r;
}

void HttpConnection::write_raw(const std::string& bytes) { out_ += bytes; }

void HttpConnection::write_response(const http::Response& response, bool keep_alive, bool head_request,
                                    const std::string& keep_alive_value) {
  std::string& o = out_;
  o.reserve(o.size() + 256 + response.body.size());
  o.append("HTTP/1.1 ").append(std::to_string(response.status)).append(" ").append(reason_phrase(response.status)).append("\r\n");
  bool typed = false;
  for (const auto& [name, value] : response.headers.all()) {
    if (http::iequals(name, "Content-Length") || http::iequals(name, "Connection") || http::iequals(name, "Keep-Alive") ||
        http::iequals(name, "Transfer-Encoding"))
      continue;
    typed = typed || http::iequals(name, "Content-Type");
    o.append(name).append(": ").append(value).append("\r\n");
  }
  if (keep_alive) o.append("Keep-Alive: ").append(keep_alive_value).append("\r\n");
  else o.append("Connection: close\r\n");
  if (!typed && !response.body.empty()) o.append("Content-Type: text/plain\r\n");
  o.append("Content-Length: ").append(std::to_string(response.body.size())).append("\r\n\r\n");
  if (!head_request) o.append(response.body);
}

bool HttpConnection::flush() {
  size_t off = 0;
  while (!write_failed_ && off < out_.size()) {
    ssize_t n = ::send(fd_, out_.data() + off, out_.size() - off, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0) {
      off += static_cast<size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (wait_for(fd_, POLLOUT, limits_.write_timeout_ms) <= 0) write_failed_ = true;
    } else {
      write_failed_ = true;
    }
  }
  out_.clear();
  return !write_failed_;
}

int HttpConnection::wait_for_request() {
  if (begin_ < end_) return 1;
  if (!out_.empty() && !flush()) return -1;
  begin_ = end_ = 0;
  ssize_t n = receive_slice();
  if (n > 0) return 1;
  return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) ? 0 : -1;
}

}  // namespace conform::emulator
