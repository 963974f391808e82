// Mutation of case inputs the checks already ran (the fuzz campaign's second source of work, besides
// freshly generated cases): one member value of one operation input inside the case is replaced by a
// boundary-length string (min-1, min, max, max+1 code points, ASCII or 2-, 3-, 4-byte UTF-8), a
// multibyte string, a value of the wrong JSON type, a boundary number, another enum value, a forged,
// harvested (possibly closed) or malformed token, or removed; or a lifecycle case swaps its closer (a
// re-close by a sibling).
//
// Promises: never throws; deterministic for the rng state. The result is always judged soundly: when the
// mutated input still satisfies every constraint it had to (validate.h; for negative_rejection: exactly
// the original violation), the case stays with its check; otherwise the mutated input becomes a
// no_server_error case of that operation, judged only by the response oracles every check applies
// (never a 5xx, every error carries an identity). nullopt when the case has nothing to mutate.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "harness/spec/model.h"

namespace conform::campaign {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(next() % n); }
  bool chance(int percent) { return static_cast<int>(next() % 100) < percent; }

 private:
  uint64_t state_;
};

struct Mutant {
  std::string operation;   // op id whose check judges it
  std::string check;       // the original check, or "no_server_error"
  spec::Json case_input;
  std::string mutation;    // what was done, e.g. "Output: max+1 code points (4-byte)"
};

std::optional<Mutant> mutate_case(const spec::SpecSet& specs, const spec::Operation& op, const std::string& check,
                                  const spec::Json& case_input, Rng& rng, const std::vector<std::string>& tokens);

// A string of `n` code points of one class (0 ASCII, 1..3: 2..4-byte UTF-8), or mixed (class 4).
std::string code_point_string(size_t n, int cls, Rng& rng);

// Values of bound (identifier) members of the probes in a case's request bodies (awsJson bodies only).
std::vector<std::string> harvest_tokens(const spec::Operation& op, const std::vector<std::string>& bodies);

}  // namespace conform::campaign
