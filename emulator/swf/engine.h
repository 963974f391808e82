// State transitions of a workflow execution, shared by the operations and the timeout sweep: they
// append the matching history events and keep the task lists and deadlines in step.
//
// Promises: at most one decision task per execution is outstanding (scheduled or started); an event
// that needs a decision while one is started is remembered and a new decision task is scheduled when
// the current one completes or times out; nothing is ever scheduled on a closed execution; closing an
// execution closes its decision task and every open activity task (their tokens then answer
// "unknown activity"). All functions take `now` (epoch seconds) for the event timestamps.
#pragma once

#include <optional>
#include <string>

#include "emulator/swf/store.h"

namespace conform::emulator::swf {

// Schedules a decision task unless one is already scheduled (or remembers the need if one is started).
void schedule_decision(Store& store, Execution& e, double now);

// Starts the scheduled decision task: DecisionTaskStarted, a fresh token. Returns the started event id.
int64_t start_decision(Store& store, Execution& e, double now, const std::optional<std::string>& identity,
                       std::string token);

// Records DecisionTaskCompleted for the started decision task and clears it; returns the event id.
int64_t complete_decision(Store& store, Execution& e, double now, const Json& attributes_extra);

// After a decision task completed: schedules the next one if events arrived meanwhile.
void after_decision(Store& store, Execution& e, double now);

// Adds a scheduled activity task (the ActivityTaskScheduled event is already recorded as
// `task.scheduled_id`) and queues it on its task list.
ActivityTask& add_activity(Store& store, Execution& e, ActivityTask task);

// Starts a scheduled activity task: ActivityTaskStarted, the given token. Returns the started event id.
int64_t start_activity(Store& store, Execution& e, ActivityTask& task, double now,
                       const std::optional<std::string>& identity, std::string token);

// Closes an open activity task with `event_type` (ActivityTaskCompleted/Failed/Canceled/TimedOut)
// carrying `attributes`, then schedules a decision task.
void close_activity(Store& store, Execution& e, ActivityTask& task, double now, const std::string& event_type,
                    Json attributes);

// Closes the execution with `event_type` (WorkflowExecutionCompleted/Failed/TimedOut/Canceled/
// Terminated), recording the close status that event means and the event's timestamp as close time.
void close_execution(Store& store, Execution& e, double now, const std::string& event_type, Json attributes);

}  // namespace conform::emulator::swf
