// PollForDecisionTask and RespondDecisionTaskCompleted.
#include "emulator/swf/decisions.h"
#include "emulator/swf/engine.h"
#include "emulator/swf/json_access.h"
#include "emulator/swf/messages.h"
#include "emulator/swf/ops.h"
#include "emulator/swf/paging.h"

namespace conform::emulator::swf {
namespace {

Outcome decision_task_answer(const Execution& e, const Page& page) {
  Json out = Json::object();
  out["taskToken"] = e.decision->token;
  out["startedEventId"] = e.decision->started_id;
  out["workflowExecution"] = e.execution_json();
  out["workflowType"] = e.workflow_type;
  out["events"] = page.events;
  if (page.next_token) out["nextPageToken"] = *page.next_token;
  out["previousStartedEventId"] = e.previous_started_id;
  return Outcome::ok(std::move(out));
}

// A further page of the decision task an earlier poll started.
Outcome next_page(Context& c, const std::string& token) {
  auto key = page_token_execution(token);
  Execution* e = key ? c.store.find_execution(*key) : nullptr;
  if (!e || !e->open || !e->decision || e->decision->state != DecisionTask::Started)
    return Outcome::error(msg::kValidation, msg::kInvalidPageToken);
  auto page = page_events(e->history, c.in(), e->key());
  if (!page) return Outcome::error(msg::kValidation, msg::kInvalidPageToken);
  return decision_task_answer(*e, *page);
}

}  // namespace

Outcome empty_decision_task() {
  return Outcome::ok(Json{{"taskToken", ""}, {"startedEventId", 0}, {"previousStartedEventId", 0}});
}

std::optional<Outcome> poll_for_decision_task(Context& c) {
  const Json& in = c.in();
  std::string domain = get_string(in, "domain");
  if (!c.store.find_domain(domain)) return Outcome::error(msg::kUnknownResource, msg::unknown_domain(domain));
  if (auto token = opt_string(in, "nextPageToken"); token && !token->empty()) return next_page(c, *token);
  Execution* e = c.store.take_decision_task(domain, task_list_name(in, "taskList").value_or(""));
  if (!e) return std::nullopt;
  start_decision(c.store, *e, c.now, opt_string(in, "identity"), c.call.ids.task_token("swf-decision"));
  auto page = page_events(e->history, in, e->key());
  return decision_task_answer(*e, page.value_or(Page{}));
}

Outcome respond_decision_task_completed(Context& c) {
  const Json& in = c.in();
  auto it = c.store.tokens.find(get_string(in, "taskToken"));
  if (it == c.store.tokens.end() || it->second.activity)
    return Outcome::error(msg::kUnknownResource, msg::kUnknownToken);
  const TokenRef ref = it->second;
  Execution* e = c.store.find_execution(ref.execution_key);
  if (!e || !e->open || !e->decision || e->decision->state != DecisionTask::Started ||
      e->decision->scheduled_id != ref.scheduled_id)
    return Outcome::error(msg::kUnknownResource, msg::unknown_decision_task(ref.scheduled_id));
  if (auto problem = check_decisions(member(in, "decisions")))
    return Outcome::error(problem->error, problem->message);
  apply_decisions(c.store, *e, c.now, in);
  return Outcome::ok();
}

}  // namespace conform::emulator::swf
