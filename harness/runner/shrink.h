// Greedy shrinking of a failing case through its RapidCheck shrink tree.
//
// Promises: starting from a failing Shrinkable, repeatedly takes the first shrink that still fails
// (re-running the case each time) until no shrink fails, the budget of re-runs is spent or `stop` is
// set; returns the smallest failing case found (the start itself if nothing smaller fails). Never
// throws: a shrink whose value cannot be produced is skipped.
#pragma once

#include <atomic>
#include <functional>
#include <rapidcheck.h>

#include "harness/oracle/finding.h"
#include "harness/spec/model.h"

namespace conform::runner {

struct ShrinkResult {
  spec::Json input;
  oracle::CaseResult result;
  int steps = 0;      // successful shrinks taken
  int attempts = 0;   // re-runs spent
  bool budget_exhausted = false;
};

using CaseRunner = std::function<oracle::CaseResult(const spec::Json& input)>;
using StillFails = std::function<bool(const oracle::CaseResult& result)>;

ShrinkResult shrink_case(const rc::Shrinkable<spec::Json>& start, oracle::CaseResult start_result,
                         const CaseRunner& run, const StillFails& still_fails, int budget,
                         const std::atomic<bool>* stop = nullptr);

}  // namespace conform::runner
