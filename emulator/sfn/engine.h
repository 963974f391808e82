// Execution lifecycle on the store: starting, waiting on a task, continuing, ending, and firing
// deadlines lazily.
//
// Promises (all require store.mu held): an execution that ends for any reason closes its open task
// (its token then answers TaskTimedOut) and drops it from its activity queue; an execution's status
// changes at most once away from RUNNING; fire_deadlines(now) applies every timeout due at or before
// `now` in time order and stamps the stopDate with the deadline's own time, so when the lazy
// evaluation happens does not matter.
#pragma once

#include <optional>
#include <string>

#include "emulator/core/ids.h"
#include "emulator/sfn/interpreter.h"
#include "emulator/sfn/store.h"

namespace conform::emulator::sfn {

// Runs the execution's definition from StartAt; the execution must already be in store.executions.
// exec.input is the input's text.
void begin_execution(Store& store, Execution& exec, Json input, double now, Ids& ids);

// Applies the result of running the definition: queue a task, or end the execution. `raw` is the text
// the run started from; when the data passed through unchanged it is kept byte for byte (AWS echoes
// input and output as sent).
void apply_advance(Store& store, Execution& exec, Advance advance, double now, Ids& ids,
                   const std::string* raw = nullptr);

// Ends a RUNNING execution (no-op otherwise) with the given status at `when`.
void end_execution(Store& store, Execution& exec, Status status, double when,
                   std::optional<std::string> error, std::optional<std::string> cause);

// Closes a task (no-op when already closed) and removes it from its activity's queue.
void close_task(Store& store, Task& task);

// Fires every deadline due at or before `now`.
void fire_deadlines(Store& store, double now);

}  // namespace conform::emulator::sfn
