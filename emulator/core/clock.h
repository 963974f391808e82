// Time as the emulator sees it: wall-clock epoch seconds (AWS timestamps) that tests can control.
//
// Promises: now() is monotonic non-decreasing for ManualClock; SystemClock follows the system clock.
// Both are thread-safe.
#pragma once

#include <atomic>

namespace conform::emulator {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual double now() const = 0;  // seconds since the epoch, millisecond precision
};

class SystemClock final : public Clock {
 public:
  double now() const override;
};

class ManualClock final : public Clock {
 public:
  explicit ManualClock(double start = 1700000000.0) : now_(start) {}
  double now() const override { return now_.load(); }
  void advance(double seconds) { now_.store(now_.load() + seconds); }

 private:
  std::atomic<double> now_;
};

}  // namespace conform::emulator
