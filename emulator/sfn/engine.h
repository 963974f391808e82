// Execution lifecycle on the store: starting, waiting on a task, continuing, ending, and firing
// deadlines lazily, with every step written to the execution's history.
//
// Promises (all require store.mu held): an execution that ends for any reason closes its open task
// (its token then answers TaskTimedOut) and drops it from its activity queue; an execution's status
// changes at most once away from RUNNING, and its history then ends with the matching Execution*
// event; fire_deadlines(now) applies every timeout due at or before `now` in time order and stamps the
// stopDate (and the events) with the deadline's own time, so when the lazy evaluation happens does not
// matter; a run never takes the history past kMaxHistoryEvents.
#pragma once

#include <optional>
#include <string>

#include "emulator/core/ids.h"
#include "emulator/sfn/interpreter.h"
#include "emulator/sfn/store.h"

namespace conform::emulator::sfn {

// Runs the execution's definition from StartAt; the execution must already be in store.executions,
// with exec.input its input's text.
void begin_execution(Store& store, Execution& exec, Json input, double now, Ids& ids);

// Continues a RUNNING execution after its open task `task` succeeded with `output` (text `output_text`).
void continue_after_task(Store& store, Execution& exec, const Task& task, Json output, Text output_text,
                         double now, Ids& ids);

// Ends a RUNNING execution (no-op otherwise) with the given status at `when`.
void end_execution(Store& store, Execution& exec, Status status, double when,
                   std::optional<std::string> error, std::optional<std::string> cause);

// Closes a task (no-op when already closed) and removes it from its activity's queue.
void close_task(Store& store, Task& task);

// Appends an event to the execution's history.
void record(Execution& exec, Event event);

// Fires every deadline due at or before `now`.
void fire_deadlines(Store& store, double now);

}  // namespace conform::emulator::sfn
