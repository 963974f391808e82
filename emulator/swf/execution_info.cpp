// Execution info and detail (see execution_info.h).
#include "emulator/swf/execution_info.h"

#include <algorithm>

#include "emulator/swf/json_access.h"

namespace conform::emulator::swf {
namespace {

double event_time(const Execution& e, int64_t id) {
  const Json* event = e.history.find(id);
  return event ? event->value("eventTimestamp", 0.0) : 0.0;
}

Json configuration(const Execution& e) {
  static const Json kNone = Json::object();
  const Json* first = e.history.find(1);
  const Json& started = first ? member(*first, "workflowExecutionStartedEventAttributes") : kNone;
  Json c = Json::object();
  c["taskStartToCloseTimeout"] = e.task_timeout_text;
  c["executionStartToCloseTimeout"] = e.execution_timeout_text;
  c["taskList"] = member(started, "taskList").is_object() ? member(started, "taskList") : Json{{"name", e.task_list}};
  if (auto v = opt_string(started, "taskPriority")) c["taskPriority"] = *v;
  c["childPolicy"] = e.child_policy;
  if (auto v = opt_string(started, "lambdaRole")) c["lambdaRole"] = *v;
  return c;
}

Json open_counts(const Execution& e) {
  auto open_activities = std::count_if(e.activities.begin(), e.activities.end(),
                                       [](const auto& a) { return a.second.state != ActivityTask::Closed; });
  Json c = Json::object();
  c["openActivityTasks"] = e.open ? open_activities : 0;
  c["openDecisionTasks"] = e.open && e.decision ? 1 : 0;
  c["openTimers"] = 0;
  c["openChildWorkflowExecutions"] = 0;
  c["openLambdaFunctions"] = 0;
  return c;
}

// The executionContext of the latest DecisionTaskCompleted that carried one.
std::optional<std::string> latest_execution_context(const Execution& e) {
  const auto& events = e.history.events();
  for (auto it = events.rbegin(); it != events.rend(); ++it)
    if (it->value("eventType", "") == "DecisionTaskCompleted")
      if (auto ctx = opt_string(member(*it, "decisionTaskCompletedEventAttributes"), "executionContext")) return ctx;
  return std::nullopt;
}

}  // namespace

Json execution_info(const Execution& e) {
  Json info = Json::object();
  info["execution"] = e.execution_json();
  info["workflowType"] = e.workflow_type;
  info["startTimestamp"] = e.start_timestamp();
  if (!e.open) info["closeTimestamp"] = e.closed_at;
  info["executionStatus"] = e.open ? "OPEN" : "CLOSED";
  if (!e.open) info["closeStatus"] = e.close_status;
  if (!e.tags.empty()) info["tagList"] = e.tags;
  info["cancelRequested"] = e.cancel_requested;
  return info;
}

Json execution_detail(const Execution& e) {
  Json out = Json::object();
  out["executionInfo"] = execution_info(e);
  out["executionConfiguration"] = configuration(e);
  out["openCounts"] = open_counts(e);
  if (!e.activities.empty())  // keyed by scheduled event id: the last one was scheduled last
    out["latestActivityTaskTimestamp"] = event_time(e, e.activities.rbegin()->first);
  if (auto ctx = latest_execution_context(e)) out["latestExecutionContext"] = *ctx;
  return out;
}

}  // namespace conform::emulator::swf
