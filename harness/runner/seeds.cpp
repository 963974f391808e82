#include "harness/runner/seeds.h"

#include <chrono>
#include <random>

#include "harness/report/model/fingerprint.h"

namespace conform::runner {

uint64_t unit_seed(uint64_t global_seed, const std::string& operation, const std::string& check, int example) {
  std::string key = operation + '\x1f' + check + '\x1f' + std::to_string(example);
  return report::mix64(report::stable_hash64(key) ^ report::mix64(global_seed));
}

std::string run_prefix(uint64_t global_seed) {
  return "conform-" + report::hex64(report::mix64(global_seed ^ 0x72756e707265ull)).substr(0, 6);
}

int example_size(int example, int examples) {
  if (examples <= 1) return 50;
  if (example < 0) return 0;
  long size = static_cast<long>(example) * 100 / (examples - 1);
  return static_cast<int>(size > 100 ? 100 : size);
}

uint64_t fresh_seed() {
  std::random_device rd;
  uint64_t r = (static_cast<uint64_t>(rd()) << 32) ^ rd();
  uint64_t t = static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
  // Keep seeds short enough to type: 9 decimal digits.
  return report::mix64(r ^ t) % 1000000000ull;
}

}  // namespace conform::runner
