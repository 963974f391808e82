// One generator evaluation at a time, process-wide.
//
// RapidCheck keeps the scope of an evaluation (rc::detail::ImplicitScope) in a process-wide static, not
// per thread, so two threads evaluating generators at once corrupt it (a crash seen with `--jobs 2`).
// Promise: code that evaluates a generator or a shrinkable outside RapidCheck's own property runner
// (Gen::operator(), Shrinkable::value(), Shrinkable::shrinks() and Seq::next()) and may run on a worker
// thread holds this lock for the duration of that call. The lock is recursive, so nested holders are fine.
#pragma once

#include <mutex>

namespace conform::gen {

[[nodiscard]] std::unique_lock<std::recursive_mutex> hold_generation_lock();

}  // namespace conform::gen
