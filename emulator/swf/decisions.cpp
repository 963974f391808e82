// Decision checking and application (see decisions.h).
#include "emulator/swf/decisions.h"

#include <cctype>

#include "emulator/swf/engine.h"
#include "emulator/swf/json_access.h"
#include "emulator/swf/messages.h"

namespace conform::emulator::swf {
namespace {

std::string attributes_name(const std::string& decision_type) {
  std::string key = decision_type;
  if (!key.empty()) key[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(key[0])));
  return key + "DecisionAttributes";
}

bool is_closing(const std::string& type) {
  return type == "CompleteWorkflowExecution" || type == "FailWorkflowExecution" ||
         type == "CancelWorkflowExecution" || type == "ContinueAsNewWorkflowExecution";
}

bool attributes_required(const std::string& type) {
  return type == "ScheduleActivityTask" || type == "RequestCancelActivityTask" || type == "RecordMarker";
}

bool supported(const std::string& type) {
  return type == "ScheduleActivityTask" || type == "RequestCancelActivityTask" || type == "RecordMarker" ||
         type == "CompleteWorkflowExecution" || type == "FailWorkflowExecution" ||
         type == "CancelWorkflowExecution";
}

const char* kDurationMembers[] = {"scheduleToCloseTimeout", "scheduleToStartTimeout", "startToCloseTimeout",
                                  "heartbeatTimeout"};

DecisionProblem null_member(const std::string& path) {
  return {msg::kValidation,
          msg::validation_one("Value null at '" + path + "' failed to satisfy constraint: Member must not be null")};
}

// ---- ScheduleActivityTask ----

struct Resolved {
  std::string text;
  Duration duration;
};

// Decision value, else the type's default; nullopt when neither is set.
std::optional<Resolved> resolve(const Json& attrs, const char* member_name, const Json& registration,
                                const char* default_name) {
  std::optional<std::string> text = opt_string(attrs, member_name);
  if (!text) text = opt_string(registration, default_name);
  if (!text) return std::nullopt;
  return Resolved{*text, parse_duration(*text)};
}

void schedule_activity(Store& store, Execution& e, double now, const Json& attrs, int64_t completed_id,
                       bool& need_decision) {
  const Json& type = member(attrs, "activityType");
  std::string name = get_string(type, "name"), version = get_string(type, "version");
  std::string activity_id = get_string(attrs, "activityId");
  auto fail = [&](const char* cause) {
    Json f = Json::object();
    f["activityType"] = Json{{"name", name}, {"version", version}};
    f["activityId"] = activity_id;
    f["cause"] = cause;
    f["decisionTaskCompletedEventId"] = completed_id;
    e.history.append(now, "ScheduleActivityTaskFailed", std::move(f));
    need_decision = true;
  };
  auto type_it = store.activity_types.find(Store::type_key(e.domain, name, version));
  if (type_it == store.activity_types.end()) return fail("ACTIVITY_TYPE_DOES_NOT_EXIST");
  if (type_it->second.deprecated_at) return fail("ACTIVITY_TYPE_DEPRECATED");
  for (const auto& [id, t] : e.activities)
    if (t.state != ActivityTask::Closed && t.activity_id == activity_id) return fail("ACTIVITY_ID_ALREADY_IN_USE");
  const Json& reg = type_it->second.registration;
  std::optional<std::string> list = task_list_name(attrs, "taskList");
  if (!list) list = task_list_name(reg, "defaultTaskList");
  if (!list) return fail("DEFAULT_TASK_LIST_UNDEFINED");
  auto s2c = resolve(attrs, "scheduleToCloseTimeout", reg, "defaultTaskScheduleToCloseTimeout");
  if (!s2c) return fail("DEFAULT_SCHEDULE_TO_CLOSE_TIMEOUT_UNDEFINED");
  auto s2s = resolve(attrs, "scheduleToStartTimeout", reg, "defaultTaskScheduleToStartTimeout");
  if (!s2s) return fail("DEFAULT_SCHEDULE_TO_START_TIMEOUT_UNDEFINED");
  auto stc = resolve(attrs, "startToCloseTimeout", reg, "defaultTaskStartToCloseTimeout");
  if (!stc) return fail("DEFAULT_START_TO_CLOSE_TIMEOUT_UNDEFINED");
  auto hb = resolve(attrs, "heartbeatTimeout", reg, "defaultTaskHeartbeatTimeout");
  if (!hb) hb = Resolved{"NONE", parse_duration("NONE")};

  Json ev = Json::object();
  ev["activityType"] = Json{{"name", name}, {"version", version}};
  ev["activityId"] = activity_id;
  if (auto v = opt_string(attrs, "input")) ev["input"] = *v;
  if (auto v = opt_string(attrs, "control")) ev["control"] = *v;
  ev["scheduleToStartTimeout"] = s2s->text;
  ev["scheduleToCloseTimeout"] = s2c->text;
  ev["startToCloseTimeout"] = stc->text;
  ev["taskList"] = Json{{"name", *list}};
  std::optional<std::string> priority = opt_string(attrs, "taskPriority");
  if (!priority) priority = opt_string(reg, "defaultTaskPriority");
  if (priority) ev["taskPriority"] = *priority;
  ev["decisionTaskCompletedEventId"] = completed_id;
  ev["heartbeatTimeout"] = hb->text;

  ActivityTask task;
  task.scheduled_id = e.history.append(now, "ActivityTaskScheduled", std::move(ev));
  task.activity_id = activity_id;
  task.activity_type = Json{{"name", name}, {"version", version}};
  task.task_list = *list;
  task.input = opt_string(attrs, "input");
  task.schedule_to_start = s2s->duration;
  task.schedule_to_close = s2c->duration;
  task.start_to_close = stc->duration;
  task.heartbeat = hb->duration;
  task.scheduled_at = now;
  add_activity(store, e, std::move(task));
}

// ---- RequestCancelActivityTask ----

void request_cancel(Store& store, Execution& e, double now, const Json& attrs, int64_t completed_id,
                    bool& need_decision) {
  std::string activity_id = get_string(attrs, "activityId");
  ActivityTask* task = nullptr;
  for (auto& [id, t] : e.activities)
    if (t.state != ActivityTask::Closed && t.activity_id == activity_id) task = &t;
  if (!task) {
    Json f = Json::object();
    f["activityId"] = activity_id;
    f["cause"] = "ACTIVITY_ID_UNKNOWN";
    f["decisionTaskCompletedEventId"] = completed_id;
    e.history.append(now, "RequestCancelActivityTaskFailed", std::move(f));
    need_decision = true;
    return;
  }
  Json req = Json::object();
  req["decisionTaskCompletedEventId"] = completed_id;
  req["activityId"] = activity_id;
  int64_t requested_id = e.history.append(now, "ActivityTaskCancelRequested", std::move(req));
  task->cancel_requested = true;
  task->cancel_requested_id = requested_id;
  if (task->state == ActivityTask::Scheduled) {  // never started: canceled at once
    Json c = Json::object();
    c["scheduledEventId"] = task->scheduled_id;
    c["startedEventId"] = task->started_id;
    c["latestCancelRequestedEventId"] = requested_id;
    task->state = ActivityTask::Closed;
    e.history.append(now, "ActivityTaskCanceled", std::move(c));
    need_decision = true;
  }
}

// ---- closing decisions ----

void close_workflow(Store& store, Execution& e, double now, const std::string& type, const Json& attrs,
                    int64_t completed_id, bool unhandled, bool& need_decision) {
  static const std::map<std::string, std::pair<std::string, std::string>> kEvents = {
      {"CompleteWorkflowExecution", {"WorkflowExecutionCompleted", "CompleteWorkflowExecutionFailed"}},
      {"FailWorkflowExecution", {"WorkflowExecutionFailed", "FailWorkflowExecutionFailed"}},
      {"CancelWorkflowExecution", {"WorkflowExecutionCanceled", "CancelWorkflowExecutionFailed"}},
  };
  const auto& events = kEvents.at(type);
  if (unhandled) {
    Json f = Json::object();
    f["cause"] = "UNHANDLED_DECISION";
    f["decisionTaskCompletedEventId"] = completed_id;
    e.history.append(now, events.second, std::move(f));
    need_decision = true;
    return;
  }
  Json ev = Json::object();
  for (const char* key : {"result", "reason", "details"})
    if (auto v = opt_string(attrs, key)) ev[key] = *v;
  ev["decisionTaskCompletedEventId"] = completed_id;
  close_execution(store, e, now, events.first, std::move(ev));
}

}  // namespace

std::optional<DecisionProblem> check_decisions(const Json& decisions) {
  if (!decisions.is_array()) return std::nullopt;
  for (size_t i = 0; i < decisions.size(); ++i) {
    const Json& d = decisions[i];
    std::string path = "decisions." + std::to_string(i + 1) + ".member";
    std::string type = get_string(d, "decisionType");
    if (type.empty()) return null_member(path + ".decisionType");
    if (!supported(type))
      return DecisionProblem{msg::kNotPermitted, "Decision type " + type + " is not supported by this emulator"};
    std::string attrs_name = attributes_name(type);
    const Json& attrs = member(d, attrs_name.c_str());
    if (attributes_required(type) && !attrs.is_object()) return null_member(path + "." + attrs_name);
    if (type == "ScheduleActivityTask")
      for (const char* m : kDurationMembers)
        if (auto v = opt_string(attrs, m); v && parse_duration(*v).kind == Duration::Invalid)
          return DecisionProblem{msg::kValidation,
                                 msg::validation_one("Value '" + *v + "' at '" + path + "." + attrs_name + "." + m +
                                                     "' failed to satisfy constraint: Member must be a "
                                                     "number of seconds or NONE")};
    if (is_closing(type) && i + 1 != decisions.size())
      return DecisionProblem{msg::kValidation, msg::kCloseMustBeLast};
  }
  return std::nullopt;
}

void apply_decisions(Store& store, Execution& e, double now, const Json& input) {
  bool unhandled = e.decision_needed_after_current;
  e.decision_needed_after_current = false;
  Json completed = Json::object();
  if (auto ctx = opt_string(input, "executionContext")) completed["executionContext"] = *ctx;
  if (auto list = task_list_name(input, "taskList")) {  // later decision tasks go to this list
    completed["taskList"] = Json{{"name", *list}};
    e.task_list = *list;
  }
  if (auto v = opt_string(input, "taskListScheduleToStartTimeout")) completed["taskListScheduleToStartTimeout"] = *v;
  int64_t completed_id = complete_decision(store, e, now, completed);
  bool need_decision = unhandled;
  const Json& decisions = member(input, "decisions");
  if (decisions.is_array()) {
    for (const Json& d : decisions) {
      if (!e.open) break;
      std::string type = get_string(d, "decisionType");
      const Json& attrs = member(d, attributes_name(type).c_str());
      if (type == "ScheduleActivityTask") {
        schedule_activity(store, e, now, attrs, completed_id, need_decision);
      } else if (type == "RequestCancelActivityTask") {
        request_cancel(store, e, now, attrs, completed_id, need_decision);
      } else if (type == "RecordMarker") {
        Json ev = Json::object();
        ev["markerName"] = get_string(attrs, "markerName");
        if (auto v = opt_string(attrs, "details")) ev["details"] = *v;
        ev["decisionTaskCompletedEventId"] = completed_id;
        e.history.append(now, "MarkerRecorded", std::move(ev));
      } else if (is_closing(type)) {
        close_workflow(store, e, now, type, attrs, completed_id, unhandled, need_decision);
      }
    }
  }
  if (e.open && need_decision) schedule_decision(store, e, now);
}

}  // namespace conform::emulator::swf
