// Test support: the reference emulator behind a counting loopback HTTP server. Every request that
// reaches the socket is counted and its operation recorded (X-Amz-Target's operation, or METHOD path
// for restJson1), and a hook may answer a request itself (to make clean-up calls fail, for example).
#pragma once

#include <httplib.h>

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "emulator/app/emulator.h"

namespace conform::testing {

class CountingEmulator {
 public:
  using Hook = std::function<std::optional<http::Response>(const http::Request&, const std::string& operation)>;

  explicit CountingEmulator(emulator::EmulatorOptions options = {}, Hook hook = {})
      : emulator_(std::move(options)), hook_(std::move(hook)) {
    server_.new_task_queue = [] { return new httplib::ThreadPool(16); };
    server_.set_tcp_nodelay(true);
    server_.set_keep_alive_max_count(1000000);
    auto handler = [this](const httplib::Request& req, httplib::Response& res) {
      http::Request r;
      r.method = req.method;
      std::string target = req.target.empty() ? req.path : req.target;
      if (auto split = http::split_target(target)) {
        r.path = split->first;
        r.query = split->second;
      } else {
        r.path = target;
      }
      for (const auto& [k, v] : req.headers) r.headers.add(k, v);
      r.body = req.body;
      std::string op = r.headers.get("X-Amz-Target").value_or(r.method + " " + r.path);
      if (size_t dot = op.find('.'); dot != std::string::npos && r.headers.has("X-Amz-Target")) op = op.substr(dot + 1);
      {
        std::lock_guard<std::mutex> lock(mu_);
        operations_.push_back(op);
      }
      count_.fetch_add(1);
      std::optional<http::Response> answer = hook_ ? hook_(r, op) : std::nullopt;
      http::Response out = answer ? *answer : emulator_.handle(r);
      res.status = out.status;
      std::string type;
      for (const auto& [k, v] : out.headers.all()) {
        if (http::iequals(k, "Content-Type")) type = v;
        else if (!http::iequals(k, "Content-Length")) res.set_header(k, v);
      }
      res.set_content(out.body, type.empty() ? "application/octet-stream" : type);
    };
    const std::string any = R"([\s\S]*)";
    server_.Get(any, handler);
    server_.Post(any, handler);
    server_.Put(any, handler);
    server_.Delete(any, handler);
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }
  ~CountingEmulator() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  uint64_t count() const { return count_.load(); }
  std::vector<std::string> operations() const {
    std::lock_guard<std::mutex> lock(mu_);
    return operations_;
  }
  size_t count_of(const std::string& op) const {
    size_t n = 0;
    for (const auto& o : operations()) n += o == op;
    return n;
  }

 private:
  emulator::Emulator emulator_;
  Hook hook_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = -1;
  std::atomic<uint64_t> count_{0};
  mutable std::mutex mu_;
  std::vector<std::string> operations_;
};

}  // namespace conform::testing
