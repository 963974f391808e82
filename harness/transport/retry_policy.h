// When and how long to wait before re-sending a throttled request.
//
// Promises: pure apart from the random source; never throws. A response is throttling when its status is
// 429 or 503, or its error code is one the SDKs treat as throttling (ThrottlingException, Throttling,
// ThrottledException, TooManyRequestsException, RequestThrottledException, RequestLimitExceeded,
// SlowDown, ProvisionedThroughputExceededException). The delay is "full jitter" exponential backoff,
// uniform in [0, min(cap, base * 2^attempt)], raised to the Retry-After header (seconds or HTTP date)
// when given, and never above `max_delay_ms`.
#pragma once

#include <optional>
#include <random>
#include <string>

#include "harness/http/message.h"

namespace conform::transport {

bool is_throttling(int status, const std::string& error_code);

// Retry-After as milliseconds (delta-seconds, possibly fractional, or an IMF-fixdate relative to now).
std::optional<double> retry_after_ms(const http::Headers& headers);

struct BackoffOptions {
  double base_ms = 100;
  double cap_ms = 20000;
  double max_delay_ms = 30000;
};

double backoff_delay_ms(int attempt, std::optional<double> retry_after, const BackoffOptions& options,
                        std::mt19937_64& rng);

}  // namespace conform::transport
