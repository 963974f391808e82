// Run slots: at most `slots` cases make requests at once (--jobs), but a case that only waits for time
// to pass (a fixture recipe's sleepMs, waiting for a task timeout on a target whose clock cannot be
// advanced) lends its slot to another case for the length of the wait. So waits overlap whatever
// --jobs says, while the target never sees more than `slots` cases at work.
//
// Promises: thread-safe; acquire() blocks until a slot is free; a thread holds at most one slot;
// lend_while() from a thread that holds no slot just runs the wait (the shrink phase, tests);
// max_waiting() is the most waits that were ever in progress at once.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>

namespace conform::runner {

class RunSlots {
 public:
  explicit RunSlots(int slots);
  RunSlots(const RunSlots&) = delete;
  RunSlots& operator=(const RunSlots&) = delete;

  void acquire();
  void release();
  // Runs `wait` with the calling thread's slot lent out (given back to the pool, taken again after).
  void lend_while(const std::function<void()>& wait);
  int max_waiting() const;

 private:
  mutable std::mutex mu_;
  std::condition_variable cv_;
  int free_;
  int waiting_ = 0, max_waiting_ = 0;
};

}  // namespace conform::runner
