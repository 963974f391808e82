// Timeout enforcement (see timeouts.h).
#include "emulator/swf/timeouts.h"

#include <limits>
#include <vector>

#include "emulator/swf/engine.h"

namespace conform::emulator::swf {
namespace {

enum class Kind { None, Activity, Decision, Execution };

struct Due {
  double at = std::numeric_limits<double>::infinity();
  Kind kind = Kind::None;
  int64_t activity = 0;       // scheduled id
  const char* type = "";      // ActivityTaskTimeoutType
};

void consider(Due& due, std::optional<double> at, Kind kind, int64_t activity, const char* type) {
  if (at && *at < due.at) due = Due{*at, kind, activity, type};
}

Due earliest(const Execution& e) {
  Due due;
  if (!e.open) return due;
  consider(due, e.execution_timeout.deadline_after(e.started_at), Kind::Execution, 0, "START_TO_CLOSE");
  if (e.decision && e.decision->state == DecisionTask::Started)
    consider(due, e.task_timeout.deadline_after(e.decision->started_at), Kind::Decision, 0, "START_TO_CLOSE");
  for (const auto& [id, t] : e.activities) {
    if (t.state == ActivityTask::Closed) continue;
    if (t.state == ActivityTask::Scheduled)
      consider(due, t.schedule_to_start.deadline_after(t.scheduled_at), Kind::Activity, id, "SCHEDULE_TO_START");
    if (t.state == ActivityTask::Started) {
      consider(due, t.start_to_close.deadline_after(t.started_at), Kind::Activity, id, "START_TO_CLOSE");
      consider(due, t.heartbeat.deadline_after(t.last_heartbeat), Kind::Activity, id, "HEARTBEAT");
    }
    consider(due, t.schedule_to_close.deadline_after(t.scheduled_at), Kind::Activity, id, "SCHEDULE_TO_CLOSE");
  }
  return due;
}

void fire(Store& store, Execution& e, const Due& due) {
  switch (due.kind) {
    case Kind::Execution: {
      Json attrs = Json::object();
      attrs["timeoutType"] = due.type;
      attrs["childPolicy"] = e.child_policy;
      close_execution(store, e, due.at, "WorkflowExecutionTimedOut", std::move(attrs));
      break;
    }
    case Kind::Decision: {
      Json attrs = Json::object();
      attrs["timeoutType"] = due.type;
      attrs["scheduledEventId"] = e.decision->scheduled_id;
      attrs["startedEventId"] = e.decision->started_id;
      e.history.append(due.at, "DecisionTaskTimedOut", std::move(attrs));
      e.decision.reset();
      e.decision_needed_after_current = false;
      schedule_decision(store, e, due.at);
      break;
    }
    case Kind::Activity: {
      ActivityTask& t = e.activities[due.activity];
      Json attrs = Json::object();
      attrs["timeoutType"] = due.type;
      attrs["scheduledEventId"] = t.scheduled_id;
      attrs["startedEventId"] = t.started_id;
      if (t.heartbeat_details) attrs["details"] = *t.heartbeat_details;
      close_activity(store, e, t, due.at, "ActivityTaskTimedOut", std::move(attrs));
      break;
    }
    case Kind::None:
      break;
  }
}

}  // namespace

std::optional<double> next_deadline(const Execution& e) {
  Due due = earliest(e);
  if (due.kind == Kind::None) return std::nullopt;
  return due.at;
}

void enforce_timeouts(Store& store, Execution& e, double now) {
  for (;;) {
    Due due = earliest(e);
    if (due.kind == Kind::None || due.at > now) return;
    fire(store, e, due);
  }
}

void enforce_all_timeouts(Store& store, double now) {
  if (now < store.earliest_deadline) return;
  std::vector<Execution*> open;
  open.reserve(store.open_by_workflow_id.size());
  for (const auto& [wid, key] : store.open_by_workflow_id)
    if (Execution* e = store.find_execution(key)) open.push_back(e);
  store.earliest_deadline = std::numeric_limits<double>::infinity();
  for (Execution* e : open) {
    enforce_timeouts(store, *e, now);
    store.note_deadline(next_deadline(*e));
  }
}

}  // namespace conform::emulator::swf
