#include "bench/support/baseline.h"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace conform::bench {

Rate measure_trivial_httplib(int connections, double seconds) {
  httplib::Server server;
  server.set_tcp_nodelay(true);
  server.set_keep_alive_max_count(1000000);
  server.new_task_queue = [connections] { return new httplib::ThreadPool(static_cast<size_t>(connections) + 4); };
  server.Post("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"stopDate":1700000000.123})", "application/x-amz-json-1.0");
  });
  int port = server.bind_to_any_port("127.0.0.1");
  std::thread listener([&] { server.listen_after_bind(); });
  while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));

  std::atomic<size_t> done{0};
  std::atomic<bool> stop{false};
  const std::string body = R"({"executionArn":"arn:aws:states:us-east-1:123456789012:execution:sm:e1"})";
  auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> workers;
  for (int i = 0; i < connections; ++i) {
    workers.emplace_back([&] {
      httplib::Client client("127.0.0.1", port);
      client.set_tcp_nodelay(true);
      client.set_keep_alive(true);
      while (!stop.load(std::memory_order_relaxed)) {
        auto res = client.Post("/", body, "application/x-amz-json-1.0");
        if (res && res->status == 200) done.fetch_add(1, std::memory_order_relaxed);
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& w : workers) w.join();
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  server.stop();
  listener.join();
  Rate r;
  r.requests = done.load();
  r.seconds = elapsed;
  r.requests_per_second = elapsed > 0 ? static_cast<double>(r.requests) / elapsed : 0;
  return r;
}

static long status_field_kib(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(field, 0) == 0) return std::stol(line.substr(line.find(':') + 1));
  return -1;
}

long peak_rss_kib() { return status_field_kib("VmHWM"); }
long current_rss_kib() { return status_field_kib("VmRSS"); }

}  // namespace conform::bench
