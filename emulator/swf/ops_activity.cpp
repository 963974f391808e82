// PollForActivityTask, RespondActivityTask{Completed,Failed,Canceled}, RecordActivityTaskHeartbeat.
#include "emulator/swf/engine.h"
#include "emulator/swf/json_access.h"
#include "emulator/swf/messages.h"
#include "emulator/swf/ops.h"

namespace conform::emulator::swf {
namespace {

// The open activity task a token names, or the answer to give instead.
struct Lookup {
  Execution* execution = nullptr;
  ActivityTask* task = nullptr;        // set when the token was issued (open or closed)
  std::optional<Outcome> answer;       // set when the task must not be acted on
};

Lookup find_task(Context& c) {
  Lookup l;
  auto it = c.store.tokens.find(get_string(c.in(), "taskToken"));
  if (it == c.store.tokens.end() || !it->second.activity) {
    l.answer = Outcome::error(msg::kUnknownResource, msg::kUnknownToken);
    return l;
  }
  const TokenRef& ref = it->second;
  l.execution = c.store.find_execution(ref.execution_key);
  if (l.execution) {
    auto t = l.execution->activities.find(ref.scheduled_id);
    if (t != l.execution->activities.end()) l.task = &t->second;
  }
  bool open = l.execution && l.execution->open && l.task && l.task->state == ActivityTask::Started;
  if (!open) {
    if (c.fault(Fault::SwfClosedTaskAccepted))
      l.answer = Outcome::ok();  // planted fault: the closed task is acknowledged, nothing recorded
    else
      l.answer = Outcome::error(msg::kUnknownResource, msg::unknown_activity(ref.scheduled_id));
  }
  return l;
}

void add_ids(Json& attrs, const ActivityTask& t) {
  attrs["scheduledEventId"] = t.scheduled_id;
  attrs["startedEventId"] = t.started_id;
}

}  // namespace

Outcome empty_activity_task() { return Outcome::ok(Json{{"taskToken", ""}}); }

std::optional<Outcome> poll_for_activity_task(Context& c) {
  const Json& in = c.in();
  std::string domain = get_string(in, "domain");
  if (!c.store.find_domain(domain)) return Outcome::error(msg::kUnknownResource, msg::unknown_domain(domain));
  auto taken = c.store.take_activity_task(domain, task_list_name(in, "taskList").value_or(""));
  if (!taken) return std::nullopt;
  auto [e, t] = *taken;
  int64_t started = start_activity(c.store, *e, *t, c.now, opt_string(in, "identity"),
                                   c.call.ids.task_token("swf-activity"));
  Json out = Json::object();
  out["taskToken"] = t->token;
  out["activityId"] = t->activity_id;
  out["startedEventId"] = started;
  out["workflowExecution"] = e->execution_json();
  out["activityType"] = t->activity_type;
  if (t->input) out["input"] = *t->input;
  return Outcome::ok(std::move(out));
}

Outcome respond_activity_task_completed(Context& c) {
  Lookup l = find_task(c);
  if (l.answer) return *l.answer;
  Json attrs = Json::object();
  if (auto v = opt_string(c.in(), "result")) attrs["result"] = *v;
  add_ids(attrs, *l.task);
  close_activity(c.store, *l.execution, *l.task, c.now, "ActivityTaskCompleted", std::move(attrs));
  return Outcome::ok();
}

Outcome respond_activity_task_failed(Context& c) {
  Lookup l = find_task(c);
  if (l.answer) return *l.answer;
  Json attrs = Json::object();
  if (!c.fault(Fault::SwfHistoryMissingReason)) {
    if (auto v = opt_string(c.in(), "reason")) attrs["reason"] = *v;
    if (auto v = opt_string(c.in(), "details")) attrs["details"] = *v;
  }
  add_ids(attrs, *l.task);
  close_activity(c.store, *l.execution, *l.task, c.now, "ActivityTaskFailed", std::move(attrs));
  return Outcome::ok();
}

Outcome respond_activity_task_canceled(Context& c) {
  Lookup l = find_task(c);
  if (l.answer) return *l.answer;
  Json attrs = Json::object();
  if (auto v = opt_string(c.in(), "details")) attrs["details"] = *v;
  add_ids(attrs, *l.task);
  if (l.task->cancel_requested) attrs["latestCancelRequestedEventId"] = l.task->cancel_requested_id;
  close_activity(c.store, *l.execution, *l.task, c.now, "ActivityTaskCanceled", std::move(attrs));
  return Outcome::ok();
}

Outcome record_activity_task_heartbeat(Context& c) {
  Lookup l = find_task(c);
  bool cancel_requested = l.task && l.task->cancel_requested;
  if (l.answer && l.answer->is_error) return *l.answer;
  if (!l.answer) {
    l.task->last_heartbeat = c.now;
    if (auto v = opt_string(c.in(), "details")) l.task->heartbeat_details = *v;
    c.store.note_deadline(l.task->heartbeat.deadline_after(c.now));
  }
  if (c.fault(Fault::SwfHeartbeatMissingCancelRequested)) return Outcome::ok();
  return Outcome::ok(Json{{"cancelRequested", cancel_requested}});
}

}  // namespace conform::emulator::swf
