// EmulatorServer: the Emulator behind cpp-httplib (see emulator.h for the promises).
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <mutex>

#include "emulator/app/emulator.h"
#include "emulator/app/http_server.h"

namespace conform::emulator {
namespace {

constexpr size_t kThreads = 32;

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

http::Request to_request(const httplib::Request& in) {
  http::Request out;
  out.method = in.method;
  const std::string& target = in.target.empty() ? in.path : in.target;
  if (auto split = http::split_target(target)) {
    out.path = split->first;
    out.query = std::move(split->second);
  } else {
    size_t q = target.find('?');
    out.path = target.substr(0, q);
    if (q != std::string::npos) out.query = lenient_query(target.substr(q + 1));
  }
  if (out.path.empty()) out.path = "/";
  for (const auto& [k, v] : in.headers) out.headers.add(k, v);
  out.body = in.body;
  return out;
}

void write_response(const http::Response& in, httplib::Response& out) {
  out.status = in.status;
  std::string content_type;
  for (const auto& [k, v] : in.headers.all()) {
    if (http::iequals(k, "Content-Type")) content_type = v;
    else if (!http::iequals(k, "Content-Length")) out.set_header(k, v);
  }
  if (!content_type.empty()) out.set_content(in.body, content_type);
  else out.body = in.body;
}

}  // namespace

struct EmulatorServer::Impl {
  explicit Impl(EmulatorOptions options) : emulator(std::move(options)) {}
  Emulator emulator;
  EmulatorHttpServer server;  // httplib with its own connection loop (http_server.h)
  std::thread thread;
  std::mutex mutex;
  std::atomic<int> port{-1};
  std::string host = "127.0.0.1";
  bool started = false, stopped = false;
};

EmulatorServer::EmulatorServer(EmulatorOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  auto& server = impl_->server;
  server.new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  server.set_tcp_nodelay(true);
  server.set_keep_alive_max_count(1000000);
  server.set_payload_max_length(64 * 1024 * 1024);
  // httplib's default also sets SO_REUSEPORT, which lets a second server bind a busy port.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<const void*>(&yes), sizeof(yes));
  });
  // Regular routes, not the pre-routing handler: httplib reads the body only after pre-routing.
  // One catch-all pattern per method (HEAD is served by the GET route).
  Emulator* emulator = &impl_->emulator;
  auto handler = [emulator](const httplib::Request& req, httplib::Response& res) {
    write_response(emulator->handle(to_request(req)), res);
  };
  const std::string any = R"([\s\S]*)";
  server.Get(any, handler);
  server.Post(any, handler);
  server.Put(any, handler);
  server.Patch(any, handler);
  server.Delete(any, handler);
  server.Options(any, handler);
  // Answers httplib produces itself (unparsable request line, oversized payload) still get an identity.
  httplib::Server::HandlerWithResponse on_error = [](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    res.set_header("X-Amzn-ErrorType", "SerializationException");
    res.set_content(R"({"__type":"com.amazon.coral.service#SerializationException","message":"Malformed HTTP request"})",
                    "application/x-amz-json-1.0");
    return httplib::Server::HandlerResponse::Handled;
  };
  server.set_error_handler(on_error);
}

EmulatorServer::~EmulatorServer() { stop(); }

int EmulatorServer::start(const std::string& host, int port, std::string* error) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  if (impl_->started) {
    if (error) *error = "already started";
    return impl_->stopped ? -1 : impl_->port.load();
  }
  int bound = -1;
  if (port == 0) {
    bound = impl_->server.bind_to_any_port(host);
  } else if (port > 0 && port <= 65535 && impl_->server.bind_to_port(host, port)) {
    bound = port;
  }
  if (bound <= 0) {
    if (error) *error = "cannot bind " + host + ":" + std::to_string(port) + " (address in use or not available)";
    return -1;
  }
  impl_->server.widen_listen_backlog();
  impl_->started = true;
  impl_->host = host;
  impl_->port = bound;
  impl_->thread = std::thread([this] { impl_->server.listen_after_bind(); });
  // httplib's stop() is a no-op until the accept loop runs: wait for it so a quick stop() cannot hang.
  for (int i = 0; i < 5000 && !impl_->server.is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return bound;
}

void EmulatorServer::stop() {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  if (!impl_->started || impl_->stopped) return;
  impl_->stopped = true;
  impl_->server.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

int EmulatorServer::port() const { return impl_->port.load(); }

std::string EmulatorServer::url() const {
  std::string h = impl_->host;
  if (h == "0.0.0.0" || h.empty()) h = "127.0.0.1";
  if (h.find(':') != std::string::npos && h.front() != '[') h = "[" + h + "]";
  return "http://" + h + ":" + std::to_string(impl_->port.load());
}

Emulator& EmulatorServer::emulator() { return impl_->emulator; }

}  // namespace conform::emulator
