// An HTTP client for one target URL (http or https), safe to use from one thread at a time; make one
// per worker thread. Keeps connections alive, sets TCP_NODELAY, and never throws: a connection failure,
// timeout or TLS error is a Response with status 0 and `error` set.
#pragma once

#include <memory>
#include <string>

#include "harness/http/message.h"

namespace conform::transport {

struct ClientOptions {
  double connect_timeout_s = 5;
  double read_timeout_s = 70;      // long polls (GetActivityTask, PollFor*) last up to 60-70 s
  bool verify_tls = true;
};

struct SendResult {
  http::Response response;        // status 0 on transport failure
  std::string error;              // empty on success
  double elapsed_ms = 0;
};

// Parsed target URL: scheme://host[:port][/base]
struct Url {
  std::string scheme = "http", host, base_path;
  int port = 80;
  static std::optional<Url> parse(const std::string& url, std::string* error = nullptr);
  bool is_loopback() const;       // 127.0.0.0/8, localhost, ::1
  std::string origin() const;     // scheme://host:port
};

class Client {
 public:
  Client(Url url, ClientOptions options = {});
  ~Client();
  SendResult send(const http::Request& request);
  // Closes the kept-alive connection, if any (the next send opens a new one): a caller about to wait
  // frees the server's connection slot meanwhile.
  void close_idle_connection();
  const Url& url() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace conform::transport
