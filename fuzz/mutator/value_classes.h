// Value classes the structure-aware mutator draws member values from, per the member's spec:
// boundary-length strings (min-1, min, max, max+1 code points) in ASCII or multibyte (2-, 3- or 4-byte
// UTF-8) characters, values of a wrong JSON type, and identifiers that are live (bound to a placeholder
// the emulator issued), forged (well-formed but never issued) or malformed.
//
// Promises: pure functions of (member, rng); never throw; strings longer than kMaxBoundary code points
// are capped there (a 256 KiB value would make every execution slow and is cut by the script parser).
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>

#include "harness/spec/model.h"

namespace conform::fuzz {

// A small, well-mixed random bit generator (splitmix64). Every seed, however small, gives an
// independent-looking stream from its first draw (std::minstd_rand's first draw for seeds 1..7000 is
// nearly proportional to the seed, so the first pick of every small-seeded mutation was the same).
class Rng {
 public:
  using result_type = uint64_t;
  explicit Rng(uint64_t seed = 1) : state_(seed) {}
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return UINT64_MAX; }
  result_type operator()() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

 private:
  uint64_t state_;
};
constexpr size_t kMaxBoundary = 2100;

// A string of `code_points` copies of one character of the class `cls` (0 ASCII, 1..3: 2..4 bytes).
std::string repeat_char(size_t code_points, int cls);
spec::Json boundary_value(const spec::Member& member, Rng& rng);
spec::Json wrong_type_value(const spec::Member& member, Rng& rng);
// A valid-looking value of the member's type (enum value, short string, in-range number, ...).
spec::Json plain_value(const spec::Member& member, Rng& rng);
// For identifier members: live ("{{taskToken}}"), forged, or malformed.
spec::Json identifier_value(const spec::Member& member, const std::string& placeholder, Rng& rng);

}  // namespace conform::fuzz
