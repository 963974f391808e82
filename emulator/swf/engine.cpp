// Execution state transitions (see engine.h).
#include "emulator/swf/engine.h"

#include <map>

namespace conform::emulator::swf {

void schedule_decision(Store& store, Execution& e, double now) {
  if (!e.open) return;
  if (e.decision) {
    if (e.decision->state == DecisionTask::Started) e.decision_needed_after_current = true;
    return;
  }
  Json attrs = Json::object();
  attrs["taskList"] = Json{{"name", e.task_list}};
  attrs["startToCloseTimeout"] = e.task_timeout_text;
  DecisionTask d;
  d.scheduled_id = e.history.append(now, "DecisionTaskScheduled", std::move(attrs));
  e.decision = d;
  store.decision_lists[Store::list_key(e.domain, e.task_list)].push_back({e.key(), d.scheduled_id});
}

int64_t start_decision(Store& store, Execution& e, double now, const std::optional<std::string>& identity,
                       std::string token) {
  Json attrs = Json::object();
  if (identity) attrs["identity"] = *identity;
  attrs["scheduledEventId"] = e.decision->scheduled_id;
  e.decision->started_id = e.history.append(now, "DecisionTaskStarted", std::move(attrs));
  e.decision->state = DecisionTask::Started;
  e.decision->started_at = now;
  e.decision->token = token;
  store.tokens[token] = TokenRef{false, e.key(), e.decision->scheduled_id};
  store.note_deadline(e.task_timeout.deadline_after(now));
  return e.decision->started_id;
}

int64_t complete_decision(Store& store, Execution& e, double now, const Json& attributes_extra) {
  Json attrs = Json::object();
  for (auto it = attributes_extra.begin(); it != attributes_extra.end(); ++it) attrs[it.key()] = it.value();
  attrs["scheduledEventId"] = e.decision->scheduled_id;
  attrs["startedEventId"] = e.decision->started_id;
  int64_t id = e.history.append(now, "DecisionTaskCompleted", std::move(attrs));
  e.previous_started_id = e.decision->started_id;
  e.decision.reset();
  return id;
}

void after_decision(Store& store, Execution& e, double now) {
  if (e.decision_needed_after_current) {
    e.decision_needed_after_current = false;
    schedule_decision(store, e, now);
  }
}

ActivityTask& add_activity(Store& store, Execution& e, ActivityTask task) {
  int64_t id = task.scheduled_id;
  store.activity_lists[Store::list_key(e.domain, task.task_list)].push_back({e.key(), id});
  store.note_deadline(task.schedule_to_start.deadline_after(task.scheduled_at));
  store.note_deadline(task.schedule_to_close.deadline_after(task.scheduled_at));
  return e.activities[id] = std::move(task);
}

int64_t start_activity(Store& store, Execution& e, ActivityTask& task, double now,
                       const std::optional<std::string>& identity, std::string token) {
  Json attrs = Json::object();
  if (identity) attrs["identity"] = *identity;
  attrs["scheduledEventId"] = task.scheduled_id;
  task.started_id = e.history.append(now, "ActivityTaskStarted", std::move(attrs));
  task.state = ActivityTask::Started;
  task.started_at = now;
  task.last_heartbeat = now;
  task.token = token;
  store.tokens[token] = TokenRef{true, e.key(), task.scheduled_id};
  store.note_deadline(task.start_to_close.deadline_after(now));
  store.note_deadline(task.heartbeat.deadline_after(now));
  return task.started_id;
}

void close_activity(Store& store, Execution& e, ActivityTask& task, double now, const std::string& event_type,
                    Json attributes) {
  task.state = ActivityTask::Closed;
  e.history.append(now, event_type, std::move(attributes));
  schedule_decision(store, e, now);
}

namespace {

// "WorkflowExecutionTimedOut" -> "TIMED_OUT".
std::string close_status_of(const std::string& event_type) {
  static const std::map<std::string, std::string> kStatus = {
      {"WorkflowExecutionCompleted", "COMPLETED"},   {"WorkflowExecutionFailed", "FAILED"},
      {"WorkflowExecutionCanceled", "CANCELED"},     {"WorkflowExecutionTerminated", "TERMINATED"},
      {"WorkflowExecutionTimedOut", "TIMED_OUT"},    {"WorkflowExecutionContinuedAsNew", "CONTINUED_AS_NEW"},
  };
  auto it = kStatus.find(event_type);
  return it == kStatus.end() ? "TERMINATED" : it->second;
}

}  // namespace

void close_execution(Store& store, Execution& e, double now, const std::string& event_type, Json attributes) {
  int64_t id = e.history.append(now, event_type, std::move(attributes));
  e.closed_at = e.history.find(id)->value("eventTimestamp", now);
  e.close_status = close_status_of(event_type);
  e.open = false;
  e.decision.reset();
  e.decision_needed_after_current = false;
  for (auto& [id, task] : e.activities) task.state = ActivityTask::Closed;
  store.open_by_workflow_id.erase(e.domain + "\n" + e.workflow_id);
}

}  // namespace conform::emulator::swf
