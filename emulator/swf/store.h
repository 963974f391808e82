// Everything the SWF emulator remembers, with the lookups the operations need: domains, registered
// types, executions (by key and by open workflow id), task lists (queues of scheduled decision and
// activity tasks) and issued task tokens.
//
// Promises: Execution objects have stable addresses for the store's lifetime; a task list queue may
// hold stale entries (tasks that were since closed or timed out) which take_* skips and pending_*
// does not count; take_* returns only tasks that are scheduled and not yet started. Not thread-safe (the backend's lock guards it).
#pragma once

#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "emulator/swf/records.h"

namespace conform::emulator::swf {

struct TokenRef {
  bool activity = false;
  std::string execution_key;
  int64_t scheduled_id = 0;  // the task's scheduled event id
};

struct QueuedTask {
  std::string execution_key;
  int64_t scheduled_id = 0;
};

class Store {
 public:
  std::map<std::string, Domain> domains;
  std::map<std::string, TypeRecord> workflow_types, activity_types;  // key: type_key()
  std::map<std::string, std::unique_ptr<Execution>> executions;      // key: Execution::key()
  std::map<std::string, std::string> open_by_workflow_id;            // domain\nworkflowId -> key
  std::map<std::string, TokenRef> tokens;
  std::map<std::string, std::deque<QueuedTask>> decision_lists, activity_lists;  // key: list_key()
  // No timeout can fire before this time (may be early; never late).
  double earliest_deadline = std::numeric_limits<double>::infinity();

  static std::string type_key(const std::string& domain, const std::string& name, const std::string& version) {
    return domain + "\n" + name + "\n" + version;
  }
  static std::string list_key(const std::string& domain, const std::string& list) { return domain + "\n" + list; }
  // Calls f(value) for each entry of `table` (types or executions: keys start with "<domain>\n") that
  // belongs to `domain`, in key order.
  template <typename Table, typename F>
  static void for_each_in_domain(Table& table, const std::string& domain, F f) {
    std::string prefix = domain + "\n";
    for (auto it = table.lower_bound(prefix); it != table.end() && it->first.compare(0, prefix.size(), prefix) == 0;
         ++it)
      f(it->second);
  }

  const Domain* find_domain(const std::string& name) const;
  Execution* find_execution(const std::string& domain, const std::string& workflow_id, const std::string& run_id);
  Execution* find_execution(const std::string& key);
  Execution* find_open_by_workflow_id(const std::string& domain, const std::string& workflow_id);

  // Pops the first decision task of `list` that is still scheduled, or nullptr.
  Execution* take_decision_task(const std::string& domain, const std::string& list);
  // Pops the first activity task of `list` that is still scheduled, or nullopt.
  std::optional<std::pair<Execution*, ActivityTask*>> take_activity_task(const std::string& domain,
                                                                         const std::string& list);
  // How many tasks of `list` are scheduled and not yet started (CountPending{Decision,Activity}Tasks).
  size_t pending_decision_tasks(const std::string& domain, const std::string& list);
  size_t pending_activity_tasks(const std::string& domain, const std::string& list);
  void note_deadline(std::optional<double> deadline);

 private:
  // The execution of a queued decision task that is still scheduled, else nullptr.
  Execution* scheduled_decision(const QueuedTask& q);
  // The queued activity task if it is still scheduled (on an open execution), else nullptr.
  ActivityTask* scheduled_activity(const QueuedTask& q, Execution** execution);
};

}  // namespace conform::emulator::swf
