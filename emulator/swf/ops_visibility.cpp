// DescribeWorkflowExecution, List/Count{Open,Closed}WorkflowExecutions,
// CountPending{Activity,Decision}Tasks.
//
// Executions are listed newest first by default ("descending order of the start or the close time");
// ties are ordered by runId. Counts are exact (never truncated).
#include <cinttypes>
#include <cmath>
#include <cstdio>

#include "emulator/swf/execution_info.h"
#include "emulator/swf/execution_lookup.h"
#include "emulator/swf/execution_query.h"
#include "emulator/swf/json_access.h"
#include "emulator/swf/listing.h"
#include "emulator/swf/messages.h"
#include "emulator/swf/ops.h"

namespace conform::emulator::swf {
namespace {

// The time in zero-padded milliseconds, then the runId: sorts as (time, runId).
std::string sort_key(double seconds, const std::string& run_id) {
  char ms[32];
  std::snprintf(ms, sizeof ms, "%020" PRId64, static_cast<int64_t>(std::llround(seconds * 1000.0)));
  return std::string(ms) + run_id;
}

struct Matching {
  ExecutionQuery query;
  std::vector<const Execution*> found;
};

// The executions of the request's domain that match its filters, or the error to answer.
std::variant<Matching, Outcome> matching(Context& c, bool closed) {
  std::string domain = get_string(c.in(), "domain");
  if (!c.store.find_domain(domain)) return Outcome::error(msg::kUnknownResource, msg::unknown_domain(domain));
  auto query = read_query(c.in(), closed);
  if (auto* problem = std::get_if<Outcome>(&query)) return *problem;
  Matching m{std::get<ExecutionQuery>(query), {}};
  Store::for_each_in_domain(c.store.executions, domain, [&](const std::unique_ptr<Execution>& e) {
    if (matches(m.query, *e)) m.found.push_back(e.get());
  });
  return m;
}

Outcome list_executions(Context& c, bool closed) {
  auto result = matching(c, closed);
  if (auto* problem = std::get_if<Outcome>(&result)) return *problem;
  const Matching& m = std::get<Matching>(result);
  std::vector<std::pair<std::string, const Execution*>> items;
  for (const Execution* e : m.found) items.emplace_back(sort_key(sort_time(m.query, *e), e->run_id), e);
  return listing(c, items, "executionInfos", true, [](const Execution* e) { return execution_info(*e); });
}

Outcome count_executions(Context& c, bool closed) {
  auto result = matching(c, closed);
  if (auto* problem = std::get_if<Outcome>(&result)) return *problem;
  return Outcome::ok(Json{{"count", std::get<Matching>(result).found.size()}});
}

Outcome count_pending(Context& c, size_t (Store::*pending)(const std::string&, const std::string&)) {
  std::string domain = get_string(c.in(), "domain");
  if (!c.store.find_domain(domain)) return Outcome::error(msg::kUnknownResource, msg::unknown_domain(domain));
  return Outcome::ok(Json{{"count", (c.store.*pending)(domain, task_list_name(c.in(), "taskList").value_or(""))}});
}

}  // namespace

Outcome describe_workflow_execution(Context& c) {
  ExecutionLookup l = named_execution(c.store, c.in());
  if (l.answer) return *l.answer;
  return Outcome::ok(execution_detail(*l.execution));
}

Outcome list_open_workflow_executions(Context& c) { return list_executions(c, false); }
Outcome list_closed_workflow_executions(Context& c) { return list_executions(c, true); }
Outcome count_open_workflow_executions(Context& c) { return count_executions(c, false); }
Outcome count_closed_workflow_executions(Context& c) { return count_executions(c, true); }
Outcome count_pending_activity_tasks(Context& c) { return count_pending(c, &Store::pending_activity_tasks); }
Outcome count_pending_decision_tasks(Context& c) { return count_pending(c, &Store::pending_decision_tasks); }

}  // namespace conform::emulator::swf
