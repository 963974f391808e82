// A process-wide request pacer: every Caller of a run shares one schedule, so `max_rps` bounds the
// total request rate against a target however many threads call.
//
// Promises: thread-safe; acquire(rps <= 0) returns at once; otherwise successive acquisitions across all
// threads are spaced at least 1/rps apart (no bursts).
#pragma once

namespace conform::transport {

class RateLimiter {
 public:
  static RateLimiter& global();
  // Blocks until this caller may send under `rps` requests per second.
  void acquire(double rps);
};

}  // namespace conform::transport
