// Time as the emulator sees it: wall-clock epoch seconds (AWS timestamps) that tests can control.
//
// Promises: now() is monotonic non-decreasing for ManualClock; SystemClock follows the system clock and
// OffsetClock the system clock plus the sum of its advances.
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

// The system clock shifted forward by everything passed to advance(): lets an embedding run (the
// conformance runner) move the emulator's time past a task timeout instead of sleeping through it.
class OffsetClock final : public Clock {
 public:
  double now() const override;
  void advance(double seconds) { offset_.fetch_add(seconds); }

 private:
  SystemClock system_;
  std::atomic<double> offset_{0.0};
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
