// Ctrl-C during a run: the first SIGINT sets the run's stop flag (workers finish their current case,
// fixtures are cleaned up and everything found so far is reported); a second one exits at once (130).
//
// Promises: installed for the lifetime of the guard only; the previous handler is restored after.
// Only one guard is active at a time (a nested one does nothing).
#pragma once

#include <atomic>

namespace conform::runner {

class SigintGuard {
 public:
  explicit SigintGuard(std::atomic<bool>* stop);
  ~SigintGuard();
  SigintGuard(const SigintGuard&) = delete;
  SigintGuard& operator=(const SigintGuard&) = delete;

 private:
  bool installed_ = false;
};

}  // namespace conform::runner
