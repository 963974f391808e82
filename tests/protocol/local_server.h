// A tiny httplib server on an ephemeral 127.0.0.1 port for transport tests. Handlers are set before
// start(); the destructor stops the server and joins its thread.
#pragma once

#include <httplib.h>

#include <atomic>
#include <string>
#include <thread>

namespace conform::testing {

class LocalServer {
 public:
  LocalServer() {
    server_.set_tcp_nodelay(true);
    server_.set_keep_alive_max_count(1000);
  }
  ~LocalServer() { stop(); }

  httplib::Server& server() { return server_; }

  // Binds 127.0.0.1 on a free port and serves on a thread; returns the base URL.
  std::string start() {
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
    return "http://127.0.0.1:" + std::to_string(port_);
  }

  void stop() {
    if (thread_.joinable()) {
      server_.stop();
      thread_.join();
    }
  }

  int port() const { return port_; }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace conform::testing
