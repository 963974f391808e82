// The endless stream of work of a fuzz campaign: fresh cases (each applicable operation x check cell of
// the plan in turn, a fresh seed per execution and growing sizes: 0, 7, 14, ... up to 100, then random
// sizes) interleaved with mutations (mutate.h) of earlier cases kept in a bounded corpus.
//
// Promises: thread-safe; deterministic for the campaign seed when one worker takes the work in order
// (execution n's seed is a function of the campaign seed and n). Ordinals are the execution numbers,
// so the first failing case of a fingerprint is the earliest. Memory is bounded: at most
// `corpus_per_cell` inputs per cell and `kMaxTokens` harvested tokens.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "harness/campaign/mutate.h"
#include "harness/runner/plan.h"

namespace conform::campaign {

struct Work {
  runner::WorkUnit unit;
  std::optional<spec::Json> input;  // a mutated case input; none: generate from unit.seed and unit.size
  std::string mutation;             // what the mutation did
};

class WorkStream {
 public:
  static constexpr size_t kMaxTokens = 256;
  WorkStream(const spec::SpecSet& specs, const runner::Plan& plan, uint64_t seed, int mutate_percent,
             size_t corpus_per_cell);
  bool empty() const { return cells_.empty(); }
  // The work of execution `n` (each n once; 0, 1, 2, ...).
  Work next(uint64_t n);
  // Keeps a finished case's input for later mutation, and the tokens its probes used.
  void record(const Work& work, const oracle::CaseResult& result);
  size_t corpus_size() const;
  int round() const;

 private:
  std::optional<size_t> cell_of(const std::string& op_id, const std::string& check) const;
  const spec::SpecSet& specs_;
  const runner::Plan& plan_;
  uint64_t seed_;
  int mutate_percent_;
  size_t corpus_per_cell_;
  std::vector<size_t> cells_;  // applicable cells
  mutable std::mutex mu_;
  uint64_t fresh_ = 0;
  std::vector<std::vector<spec::Json>> corpus_;  // per plan cell
  std::vector<size_t> filled_;                    // cells with a corpus entry
  size_t corpus_total_ = 0;
  std::vector<std::string> tokens_;
  size_t token_next_ = 0;
  Rng rng_;
};

}  // namespace conform::campaign
