#include "harness/gen/generation_lock.h"

namespace conform::gen {

std::unique_lock<std::recursive_mutex> hold_generation_lock() {
  static std::recursive_mutex mu;
  return std::unique_lock<std::recursive_mutex>(mu);
}

}  // namespace conform::gen
