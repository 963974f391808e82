// Helpers for generator tests: drawing a value for a seed, and greedy shrinking to a minimal value.
#pragma once

#include <functional>
#include <rapidcheck.h>

template <typename T>
T draw(const rc::Gen<T>& g, uint64_t seed, int size = 30) {
  return g(rc::Random(seed), size).value();
}

// Walks the shrink tree greedily while `still_fails` holds; returns the minimal value reached.
template <typename T>
T shrink_to_minimal(rc::Shrinkable<T> s, const std::function<bool(const T&)>& still_fails, int max_steps = 2000) {
  for (int step = 0; step < max_steps; ++step) {
    bool moved = false;
    auto seq = s.shrinks();
    while (auto next = seq.next()) {
      if (still_fails(next->value())) {
        s = *next;
        moved = true;
        break;
      }
    }
    if (!moved) break;
  }
  return s.value();
}
