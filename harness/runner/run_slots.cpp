// Run slots lent out while a case waits (see run_slots.h).
#include "harness/runner/run_slots.h"

#include <algorithm>

namespace conform::runner {

namespace {
thread_local const RunSlots* held = nullptr;  // the pool whose slot this thread holds
}

RunSlots::RunSlots(int slots) : free_(std::max(1, slots)) {}

void RunSlots::acquire() {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [this] { return free_ > 0; });
  --free_;
  held = this;
}

void RunSlots::release() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++free_;
    if (held == this) held = nullptr;
  }
  cv_.notify_one();
}

void RunSlots::lend_while(const std::function<void()>& wait) {
  const bool holding = held == this;
  if (holding) release();
  {
    std::lock_guard<std::mutex> lock(mu_);
    max_waiting_ = std::max(max_waiting_, ++waiting_);
  }
  wait();
  {
    std::lock_guard<std::mutex> lock(mu_);
    --waiting_;
  }
  if (holding) acquire();
}

int RunSlots::max_waiting() const {
  std::lock_guard<std::mutex> lock(mu_);
  return max_waiting_;
}

}  // namespace conform::runner
