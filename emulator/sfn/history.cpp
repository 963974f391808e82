// Rendering history events (see history.h).
#include "emulator/sfn/history.h"

#include <iterator>

namespace conform::emulator::sfn {
namespace {

// How each event type is answered: its name, its details member, whether the details name the state,
// which data member they carry ("input" / "output", or none), whether they carry error and cause, and
// the member `who` goes in.
struct Rendering {
  const char* type;
  const char* details;
  bool names_state = false;
  const char* data = nullptr;
  bool failure = false;
  const char* who = nullptr;
};

const Rendering& rendering(EventType t) {
  static constexpr const char* kEntered = "stateEnteredEventDetails";
  static constexpr const char* kExited = "stateExitedEventDetails";
  static const Rendering kTable[] = {  // in EventType order
      {"ExecutionStarted", "executionStartedEventDetails", false, "input", false, "roleArn"},
      {"ExecutionSucceeded", "executionSucceededEventDetails", false, "output"},
      {"ExecutionFailed", "executionFailedEventDetails", false, nullptr, true},
      {"ExecutionAborted", "executionAbortedEventDetails", false, nullptr, true},
      {"ExecutionTimedOut", "executionTimedOutEventDetails", false, nullptr, true},
      {"TaskStateEntered", kEntered, true, "input"},
      {"TaskStateExited", kExited, true, "output"},
      {"PassStateEntered", kEntered, true, "input"},
      {"PassStateExited", kExited, true, "output"},
      {"SucceedStateEntered", kEntered, true, "input"},
      {"SucceedStateExited", kExited, true, "output"},
      {"FailStateEntered", kEntered, true, "input"},
      {"ActivityScheduled", "activityScheduledEventDetails", false, "input"},
      {"ActivityStarted", "activityStartedEventDetails", false, nullptr, false, "workerName"},
      {"ActivitySucceeded", "activitySucceededEventDetails", false, "output"},
      {"ActivityFailed", "activityFailedEventDetails", false, nullptr, true},
      {"ActivityTimedOut", "activityTimedOutEventDetails", false, nullptr, true},
  };
  static_assert(std::size(kTable) == static_cast<size_t>(EventType::ActivityTimedOut) + 1);
  return kTable[static_cast<size_t>(t)];
}

Json details_of(const Event& e, const Rendering& r, bool include_data) {
  Json body = Json::object();
  if (r.names_state) body["name"] = e.state->name;
  if (e.type == EventType::ActivityScheduled) body["resource"] = e.state->resource;
  if (r.data) {
    if (include_data && e.data) body[r.data] = *e.data;
    body[std::string(r.data) + "Details"] = {{"truncated", false}};
  }
  if (r.failure && e.error) body["error"] = *e.error;
  if (r.failure && e.cause) body["cause"] = *e.cause;
  if (r.who && e.who) body[r.who] = *e.who;
  if (e.type == EventType::ActivityScheduled) {
    if (e.state->timeout_seconds) body["timeoutInSeconds"] = *e.state->timeout_seconds;
    if (e.state->heartbeat_seconds) body["heartbeatInSeconds"] = *e.state->heartbeat_seconds;
  }
  return body;
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
  const Rendering& r = rendering(e.type);
  return Json{{"timestamp", e.timestamp},
              {"type", r.type},
              {"id", static_cast<int64_t>(index + 1)},
              {"previousEventId", static_cast<int64_t>(index)},
              {r.details, details_of(e, r, include_data)}};
}

}  // namespace conform::emulator::sfn
