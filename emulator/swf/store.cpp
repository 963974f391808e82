// Store lookups and task-list queues (see store.h).
#include "emulator/swf/store.h"

namespace conform::emulator::swf {

const Domain* Store::find_domain(const std::string& name) const {
  auto it = domains.find(name);
  return it == domains.end() ? nullptr : &it->second;
}

Execution* Store::find_execution(const std::string& key) {
  auto it = executions.find(key);
  return it == executions.end() ? nullptr : it->second.get();
}

Execution* Store::find_execution(const std::string& domain, const std::string& workflow_id,
                                 const std::string& run_id) {
  return find_execution(domain + "\n" + workflow_id + "\n" + run_id);
}

Execution* Store::find_open_by_workflow_id(const std::string& domain, const std::string& workflow_id) {
  auto it = open_by_workflow_id.find(domain + "\n" + workflow_id);
  return it == open_by_workflow_id.end() ? nullptr : find_execution(it->second);
}

Execution* Store::scheduled_decision(const QueuedTask& q) {
  Execution* e = find_execution(q.execution_key);
  if (e && e->open && e->decision && e->decision->state == DecisionTask::Scheduled &&
      e->decision->scheduled_id == q.scheduled_id)
    return e;
  return nullptr;
}

ActivityTask* Store::scheduled_activity(const QueuedTask& q, Execution** execution) {
  Execution* e = find_execution(q.execution_key);
  if (!e || !e->open) return nullptr;
  auto a = e->activities.find(q.scheduled_id);
  if (a == e->activities.end() || a->second.state != ActivityTask::Scheduled) return nullptr;
  *execution = e;
  return &a->second;
}

Execution* Store::take_decision_task(const std::string& domain, const std::string& list) {
  auto it = decision_lists.find(list_key(domain, list));
  if (it == decision_lists.end()) return nullptr;
  auto& queue = it->second;
  while (!queue.empty()) {
    QueuedTask q = queue.front();
    queue.pop_front();
    if (Execution* e = scheduled_decision(q)) return e;
  }
  return nullptr;
}

std::optional<std::pair<Execution*, ActivityTask*>> Store::take_activity_task(const std::string& domain,
                                                                              const std::string& list) {
  auto it = activity_lists.find(list_key(domain, list));
  if (it == activity_lists.end()) return std::nullopt;
  auto& queue = it->second;
  while (!queue.empty()) {
    QueuedTask q = queue.front();
    queue.pop_front();
    Execution* e = nullptr;
    if (ActivityTask* a = scheduled_activity(q, &e)) return std::make_pair(e, a);
  }
  return std::nullopt;
}

size_t Store::pending_decision_tasks(const std::string& domain, const std::string& list) {
  auto it = decision_lists.find(list_key(domain, list));
  if (it == decision_lists.end()) return 0;
  size_t n = 0;
  for (const QueuedTask& q : it->second) n += scheduled_decision(q) != nullptr;
  return n;
}

size_t Store::pending_activity_tasks(const std::string& domain, const std::string& list) {
  auto it = activity_lists.find(list_key(domain, list));
  if (it == activity_lists.end()) return 0;
  size_t n = 0;
  Execution* e = nullptr;
  for (const QueuedTask& q : it->second) n += scheduled_activity(q, &e) != nullptr;
  return n;
}

void Store::note_deadline(std::optional<double> deadline) {
  if (deadline && *deadline < earliest_deadline) earliest_deadline = *deadline;
}

}  // namespace conform::emulator::swf
