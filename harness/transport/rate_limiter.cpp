#include "harness/transport/rate_limiter.h"

#include <algorithm>
#include <chrono>
#include <mutex>
#include <thread>

namespace conform::transport {

namespace {
std::mutex g_mutex;
std::chrono::steady_clock::time_point g_next{};
}  // namespace

RateLimiter& RateLimiter::global() {
  static RateLimiter limiter;
  return limiter;
}

void RateLimiter::acquire(double rps) {
  if (!(rps > 0)) return;
  using clock = std::chrono::steady_clock;
  auto interval = std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(1.0 / rps));
  clock::time_point slot;
  {
    std::lock_guard<std::mutex> lock(g_mutex);
    slot = std::max(clock::now(), g_next);
    g_next = slot + interval;
  }
  std::this_thread::sleep_until(slot);
}

}  // namespace conform::transport
