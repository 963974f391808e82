// StartWorkflowExecution and GetWorkflowExecutionHistory.
#include "emulator/swf/engine.h"
#include "emulator/swf/execution_lookup.h"
#include "emulator/swf/json_access.h"
#include "emulator/swf/messages.h"
#include "emulator/swf/ops.h"
#include "emulator/swf/paging.h"

namespace conform::emulator::swf {
namespace {

// AWS run ids look like "22" followed by 44 characters of base64.
std::string new_run_id(Ids& ids) {
  static const char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string hex = ids.hex(66);
  std::string out = "22";
  for (size_t i = 0; i + 3 <= hex.size(); i += 3) {
    int v = std::stoi(hex.substr(i, 3), nullptr, 16);  // 12 bits -> 2 characters
    out += kB64[(v >> 6) & 63];
    out += kB64[v & 63];
  }
  out.back() = '=';
  return out;
}

Outcome invalid_duration(const std::string& member_name, const std::string& value, const char* constraint) {
  return Outcome::error(msg::kValidation,
                        msg::validation_one("Value '" + value + "' at '" + member_name +
                                            "' failed to satisfy constraint: " + constraint));
}

}  // namespace

Outcome start_workflow_execution(Context& c) {
  const Json& in = c.in();
  std::string domain = get_string(in, "domain");
  std::string workflow_id = get_string(in, "workflowId");
  const Json& type_in = member(in, "workflowType");
  std::string name = get_string(type_in, "name"), version = get_string(type_in, "version");
  if (!c.store.find_domain(domain)) return Outcome::error(msg::kUnknownResource, msg::unknown_domain(domain));
  auto type_it = c.store.workflow_types.find(Store::type_key(domain, name, version));
  if (type_it == c.store.workflow_types.end())
    return Outcome::error(msg::kUnknownResource, msg::unknown_type("WorkflowType", name, version));
  if (type_it->second.deprecated_at)
    return Outcome::error(msg::kTypeDeprecated, msg::type_text("WorkflowType", name, version));
  const Json& reg = type_it->second.registration;
  if (c.store.find_open_by_workflow_id(domain, workflow_id)) return Outcome::error(msg::kAlreadyStarted, "");

  std::optional<std::string> list = task_list_name(in, "taskList");
  if (!list) list = task_list_name(reg, "defaultTaskList");
  if (!list) return Outcome::error(msg::kDefaultUndefined, "taskList");
  std::optional<std::string> exec_timeout = opt_string(in, "executionStartToCloseTimeout");
  if (!exec_timeout) exec_timeout = opt_string(reg, "defaultExecutionStartToCloseTimeout");
  if (!exec_timeout) return Outcome::error(msg::kDefaultUndefined, "executionStartToCloseTimeout");
  std::optional<std::string> task_timeout = opt_string(in, "taskStartToCloseTimeout");
  if (!task_timeout) task_timeout = opt_string(reg, "defaultTaskStartToCloseTimeout");
  if (!task_timeout) return Outcome::error(msg::kDefaultUndefined, "taskStartToCloseTimeout");
  std::optional<std::string> child_policy = opt_string(in, "childPolicy");
  if (!child_policy) child_policy = opt_string(reg, "defaultChildPolicy");
  if (!child_policy) return Outcome::error(msg::kDefaultUndefined, "childPolicy");
  Duration exec_duration = parse_duration(*exec_timeout), task_duration = parse_duration(*task_timeout);
  if (exec_duration.kind != Duration::Seconds)
    return invalid_duration("executionStartToCloseTimeout", *exec_timeout, "Member must be a number of seconds");
  if (task_duration.kind == Duration::Invalid)
    return invalid_duration("taskStartToCloseTimeout", *task_timeout, "Member must be a number of seconds or NONE");

  auto e = std::make_unique<Execution>();
  e->domain = domain;
  e->workflow_id = workflow_id;
  e->run_id = new_run_id(c.call.ids);
  e->workflow_type = Json{{"name", name}, {"version", version}};
  e->task_list = *list;
  e->child_policy = *child_policy;
  e->execution_timeout = exec_duration;
  e->task_timeout = task_duration;
  e->execution_timeout_text = *exec_timeout;
  e->task_timeout_text = *task_timeout;
  e->started_at = c.now;
  if (const Json& tags = member(in, "tagList"); tags.is_array())
    for (const Json& tag : tags)
      if (tag.is_string()) e->tags.push_back(tag.get<std::string>());

  Json started = Json::object();
  if (auto v = opt_string(in, "input")) started["input"] = *v;
  started["executionStartToCloseTimeout"] = *exec_timeout;
  started["taskStartToCloseTimeout"] = *task_timeout;
  started["childPolicy"] = *child_policy;
  started["taskList"] = Json{{"name", *list}};
  std::optional<std::string> priority = opt_string(in, "taskPriority");
  if (!priority) priority = opt_string(reg, "defaultTaskPriority");
  if (priority) started["taskPriority"] = *priority;
  started["workflowType"] = e->workflow_type;
  if (member(in, "tagList").is_array()) started["tagList"] = member(in, "tagList");
  std::optional<std::string> role = opt_string(in, "lambdaRole");
  if (!role) role = opt_string(reg, "defaultLambdaRole");
  if (role) started["lambdaRole"] = *role;
  e->history.append(c.now, "WorkflowExecutionStarted", std::move(started));

  std::string key = e->key();
  std::string run_id = e->run_id;
  Execution& ref = *e;
  c.store.executions[key] = std::move(e);
  c.store.open_by_workflow_id[domain + "\n" + workflow_id] = key;
  c.store.note_deadline(exec_duration.deadline_after(c.now));
  schedule_decision(c.store, ref, c.now);
  return Outcome::ok(Json{{"runId", run_id}});
}

Outcome get_workflow_execution_history(Context& c) {
  ExecutionLookup l = named_execution(c.store, c.in());
  if (l.answer) return *l.answer;
  Execution* e = l.execution;
  auto page = page_events(e->history, c.in(), e->key());
  if (!page) return Outcome::error(msg::kValidation, msg::kInvalidPageToken);
  Json out = Json::object();
  out["events"] = std::move(page->events);
  if (page->next_token) out["nextPageToken"] = *page->next_token;
  return Outcome::ok(std::move(out));
}

}  // namespace conform::emulator::swf
