// Lazy timeout enforcement: activity tasks (schedule-to-start, schedule-to-close, start-to-close,
// heartbeat), decision tasks (start-to-close) and executions (execution start-to-close).
//
// Promises: enforce_timeouts records every timeout whose deadline is <= now, in deadline order, with
// the deadline as the event timestamp: ActivityTaskTimedOut (then a decision task is scheduled),
// DecisionTaskTimedOut (then a new decision task is scheduled), WorkflowExecutionTimedOut (closes the
// execution). "NONE" durations never fire. enforce_all_timeouts does this for every open execution and
// costs O(1) while no deadline is due.
#pragma once

#include <optional>

#include "emulator/swf/store.h"

namespace conform::emulator::swf {

// The earliest pending deadline of an open execution, or nullopt.
std::optional<double> next_deadline(const Execution& e);
void enforce_timeouts(Store& store, Execution& e, double now);
void enforce_all_timeouts(Store& store, double now);

}  // namespace conform::emulator::swf
