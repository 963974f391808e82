// The event history of one Step Functions execution, as GetExecutionHistory answers it.
//
// Promises: an event is a few pointers (execution data, errors and names are shared texts, never
// copies), so a history of kMaxHistoryEvents events stays small; render_event() answers a HistoryEvent
// that satisfies the model's shape: `id` is the event's position + 1, `previousEventId` the id before it
// (0 for the first), `timestamp` epoch seconds, and the one details member of its type; with
// include_data false it leaves out every input and output (GetExecutionHistory includeExecutionData).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "emulator/sfn/asl.h"

namespace conform::emulator::sfn {

// AWS fails an execution whose history reaches this many events.
constexpr size_t kMaxHistoryEvents = 25000;

enum class EventType {  // ActivityTimedOut last (history.cpp renders them from a table in this order)
  ExecutionStarted, ExecutionSucceeded, ExecutionFailed, ExecutionAborted, ExecutionTimedOut,
  TaskStateEntered, TaskStateExited, PassStateEntered, PassStateExited, SucceedStateEntered,
  SucceedStateExited, FailStateEntered,
  ActivityScheduled, ActivityStarted, ActivitySucceeded, ActivityFailed, ActivityTimedOut,
};

struct Event {
  EventType type = EventType::ExecutionStarted;
  double timestamp = 0;
  const StateDef* state = nullptr;  // state events and ActivityScheduled (owned by the execution's definition)
  Text data;                        // the input or output the event carries
  Text error, cause;                // failures, aborts, time-outs; null when absent
  Text who;                         // ExecutionStarted: roleArn; ActivityStarted: workerName (null when none)
};

Event make_event(EventType type, double when, const StateDef* state = nullptr, Text data = nullptr);

// The entered/exited event types of a state kind; exited is nullopt for kinds that never exit (Fail).
EventType entered_type(StateKind kind);
std::optional<EventType> exited_type(StateKind kind);

// A shared text of an optional string; null when absent.
Text share(const std::optional<std::string>& text);

// history[index] as the API answers it.
Json render_event(const std::vector<Event>& history, size_t index, bool include_data);

}  // namespace conform::emulator::sfn
