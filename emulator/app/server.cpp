// EmulatorServer: the Emulator behind EmulatorHttpServer (see emulator.h for the promises).
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <mutex>

#include "emulator/app/emulator.h"
#include "emulator/app/http_server.h"

namespace conform::emulator {
namespace {

constexpr size_t kThreads = 32;

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
  server.set_max_body(64 * 1024 * 1024);
  // httplib's default also sets SO_REUSEPORT, which lets a second server bind a busy port.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<const void*>(&yes), sizeof(yes));
  });
  Emulator* emulator = &impl_->emulator;
  server.set_handler([emulator](const http::Request& request) { return emulator->handle(request); });
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
