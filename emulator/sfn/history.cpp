// Rendering history events (see history.h).
#include "emulator/sfn/history.h"

namespace conform::emulator::sfn {
namespace {

const char* type_name(EventType t) {
  switch (t) {
    case EventType::ExecutionStarted: return "ExecutionStarted";
    case EventType::ExecutionSucceeded: return "ExecutionSucceeded";
    case EventType::ExecutionFailed: return "ExecutionFailed";
    case EventType::ExecutionAborted: return "ExecutionAborted";
    case EventType::ExecutionTimedOut: return "ExecutionTimedOut";
    case EventType::TaskStateEntered: return "TaskStateEntered";
    case EventType::TaskStateExited: return "TaskStateExited";
    case EventType::PassStateEntered: return "PassStateEntered";
    case EventType::PassStateExited: return "PassStateExited";
    case EventType::SucceedStateEntered: return "SucceedStateEntered";
    case EventType::SucceedStateExited: return "SucceedStateExited";
    case EventType::FailStateEntered: return "FailStateEntered";
    case EventType::ActivityScheduled: return "ActivityScheduled";
    case EventType::ActivityStarted: return "ActivityStarted";
    case EventType::ActivitySucceeded: return "ActivitySucceeded";
    case EventType::ActivityFailed: return "ActivityFailed";
    case EventType::ActivityTimedOut: return "ActivityTimedOut";
  }
  return "ExecutionStarted";
}

// The details member name and its content for one event.
struct Details {
  const char* member;
  Json body = Json::object();
};

// Adds `data` under `key` (input/output) and its `<key>Details`, unless data is left out.
void add_data(Json& body, const char* key, const Text& data, bool include_data) {
  if (include_data && data) body[key] = *data;
  body[std::string(key) + "Details"] = {{"truncated", false}};
}

void add_failure(Json& body, const Event& e) {
  if (e.error) body["error"] = *e.error;
  if (e.cause) body["cause"] = *e.cause;
}

Details details_of(const Event& e, bool include_data) {
  Details d{""};
  switch (e.type) {
    case EventType::ExecutionStarted:
      d.member = "executionStartedEventDetails";
      add_data(d.body, "input", e.data, include_data);
      if (e.who) d.body["roleArn"] = *e.who;
      break;
    case EventType::ExecutionSucceeded:
      d.member = "executionSucceededEventDetails";
      add_data(d.body, "output", e.data, include_data);
      break;
    case EventType::ExecutionFailed: d.member = "executionFailedEventDetails"; add_failure(d.body, e); break;
    case EventType::ExecutionAborted: d.member = "executionAbortedEventDetails"; add_failure(d.body, e); break;
    case EventType::ExecutionTimedOut: d.member = "executionTimedOutEventDetails"; add_failure(d.body, e); break;
    case EventType::TaskStateEntered:
    case EventType::PassStateEntered:
    case EventType::SucceedStateEntered:
    case EventType::FailStateEntered:
      d.member = "stateEnteredEventDetails";
      d.body["name"] = e.state->name;
      add_data(d.body, "input", e.data, include_data);
      break;
    case EventType::TaskStateExited:
    case EventType::PassStateExited:
    case EventType::SucceedStateExited:
      d.member = "stateExitedEventDetails";
      d.body["name"] = e.state->name;
      add_data(d.body, "output", e.data, include_data);
      break;
    case EventType::ActivityScheduled:
      d.member = "activityScheduledEventDetails";
      d.body["resource"] = e.state->resource;
      add_data(d.body, "input", e.data, include_data);
      if (e.state->timeout_seconds) d.body["timeoutInSeconds"] = *e.state->timeout_seconds;
      if (e.state->heartbeat_seconds) d.body["heartbeatInSeconds"] = *e.state->heartbeat_seconds;
      break;
    case EventType::ActivityStarted:
      d.member = "activityStartedEventDetails";
      if (e.who) d.body["workerName"] = *e.who;
      break;
    case EventType::ActivitySucceeded:
      d.member = "activitySucceededEventDetails";
      add_data(d.body, "output", e.data, include_data);
      break;
    case EventType::ActivityFailed: d.member = "activityFailedEventDetails"; add_failure(d.body, e); break;
    case EventType::ActivityTimedOut: d.member = "activityTimedOutEventDetails"; add_failure(d.body, e); break;
  }
  return d;
}

}  // namespace

Event make_event(EventType type, double when, const StateDef* state, Text data) {
  Event e;
  e.type = type;
  e.timestamp = when;
  e.state = state;
  e.data = std::move(data);
  return e;
}

EventType entered_type(StateKind kind) {
  switch (kind) {
    case StateKind::Task: return EventType::TaskStateEntered;
    case StateKind::Pass: return EventType::PassStateEntered;
    case StateKind::Succeed: return EventType::SucceedStateEntered;
    case StateKind::Fail: return EventType::FailStateEntered;
  }
  return EventType::PassStateEntered;
}

std::optional<EventType> exited_type(StateKind kind) {
  switch (kind) {
    case StateKind::Task: return EventType::TaskStateExited;
    case StateKind::Pass: return EventType::PassStateExited;
    case StateKind::Succeed: return EventType::SucceedStateExited;
    case StateKind::Fail: return std::nullopt;
  }
  return std::nullopt;
}

Text share(const std::optional<std::string>& text) {
  return text ? std::make_shared<const std::string>(*text) : nullptr;
}

Json render_event(const std::vector<Event>& history, size_t index, bool include_data) {
  const Event& e = history[index];
  Details d = details_of(e, include_data);
  Json out = {{"timestamp", e.timestamp},
              {"type", type_name(e.type)},
              {"id", static_cast<int64_t>(index + 1)},
              {"previousEventId", static_cast<int64_t>(index)}};
  out[d.member] = std::move(d.body);
  return out;
}

}  // namespace conform::emulator::sfn
