#include "harness/transport/retry_policy.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>

#include "harness/protocol/wire_values.h"

namespace conform::transport {

bool is_throttling(int status, const std::string& code) {
  if (status == 429 || status == 503) return true;
  static const char* codes[] = {"ThrottlingException", "Throttling", "ThrottledException", "TooManyRequestsException",
                                "RequestThrottledException", "RequestLimitExceeded", "SlowDown",
                                "ProvisionedThroughputExceededException"};
  for (const char* c : codes)
    if (code == c) return true;
  return false;
}

std::optional<double> retry_after_ms(const http::Headers& headers) {
  auto v = headers.get("Retry-After");
  if (!v || v->empty()) return std::nullopt;
  char* end = nullptr;
  double seconds = std::strtod(v->c_str(), &end);
  if (end && *end == '\0' && std::isfinite(seconds) && seconds >= 0) return seconds * 1000;
  if (auto at = protocol::parse_http_date(*v)) {
    double delta = *at - static_cast<double>(std::time(nullptr));
    return std::max(0.0, delta * 1000);
  }
  return std::nullopt;
}

double backoff_delay_ms(int attempt, std::optional<double> retry_after, const BackoffOptions& o,
                        std::mt19937_64& rng) {
  double ceiling = std::min(o.cap_ms, o.base_ms * std::pow(2.0, std::clamp(attempt, 0, 30)));
  std::uniform_real_distribution<double> uniform(0.0, std::max(0.0, ceiling));
  double delay = uniform(rng);
  if (retry_after) delay = std::max(delay, *retry_after);
  return std::clamp(delay, 0.0, o.max_delay_ms);
}

}  // namespace conform::transport
