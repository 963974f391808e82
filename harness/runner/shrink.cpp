#include "harness/runner/shrink.h"

#include "harness/gen/generation_lock.h"

namespace conform::runner {

ShrinkResult shrink_case(const rc::Shrinkable<spec::Json>& start, oracle::CaseResult start_result,
                         const CaseRunner& run, const StillFails& still_fails, int budget,
                         const std::atomic<bool>* stop) {
  ShrinkResult out;
  out.result = std::move(start_result);
  try {
    auto lock = gen::hold_generation_lock();
    out.input = start.value();
  } catch (...) {
    out.input = out.result.case_input;
    return out;
  }
  rc::Shrinkable<spec::Json> current = start;
  bool improved = true;
  while (improved) {
    improved = false;
    auto shrinks = [&] {
      auto lock = gen::hold_generation_lock();
      return current.shrinks();
    }();
    while (true) {
      if (out.attempts >= budget) {
        out.budget_exhausted = true;
        return out;
      }
      if (stop && stop->load()) return out;
      rc::Maybe<rc::Shrinkable<spec::Json>> next;
      try {
        auto lock = gen::hold_generation_lock();
        next = shrinks.next();
      } catch (...) {
        break;
      }
      if (!next) break;
      spec::Json candidate;
      try {
        auto lock = gen::hold_generation_lock();
        candidate = next->value();
      } catch (...) {
        continue;  // a shrink that cannot be generated is no candidate
      }
      ++out.attempts;
      oracle::CaseResult result;
      try {
        result = run(candidate);
      } catch (...) {
        continue;
      }
      if (still_fails(result)) {
        current = *next;
        out.input = std::move(candidate);
        out.result = std::move(result);
        ++out.steps;
        improved = true;
        break;
      }
    }
  }
  return out;
}

}  // namespace conform::runner
