// ListDurableExecutionsByFunction: the durable executions started on one version of a function (the
// Qualifier, or a qualifier in FunctionName; documented default $LATEST), filtered and paged.
//
// Filters (all optional, combined with AND): Statuses (the execution's status is one of them),
// DurableExecutionName (equal), StartedAfter / StartedBefore (StartTimestamp strictly after / before).
// Order: documented "ReverseOrder: set to true to return results in chronological order (oldest
// first). Default is false", so newest first unless ReverseOrder is true. Pages: MaxItems 0..1000,
// default 100 (0 also means the default, as the sibling operations document); Marker / NextMarker per
// paging.h. Items: DurableExecutionArn, DurableExecutionName, FunctionArn (qualified), Status,
// StartTimestamp, EndTimestamp once ended. The executions of a deleted function are not listed for a
// new function of the same name. Fault LambdaListIgnoresMaxItems: one page with everything.
#include <algorithm>

#include "emulator/lambda/function_target.h"
#include "emulator/lambda/handlers.h"
#include "emulator/lambda/paging.h"
#include "emulator/lambda/support.h"

namespace conform::emulator::lambda {
namespace {

constexpr size_t kDefaultExecutionsPerPage = 100;
constexpr size_t kMaxExecutionsPerPage = 1000;

struct Filters {
  std::string version;
  Json statuses;  // array, empty = any
  std::string name;
  std::optional<double> after, before;

  bool admit(const DurableExecution& e) const {
    if (e.version != version) return false;
    if (!statuses.empty() && std::find(statuses.begin(), statuses.end(), Json(e.status)) == statuses.end()) return false;
    if (!name.empty() && e.name != name) return false;
    if (after && !(e.start > *after)) return false;
    if (before && !(e.start < *before)) return false;
    return true;
  }
};

std::optional<double> time_member(const Json& input, const char* name) {
  auto it = input.find(name);
  if (it == input.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

Json summary(const DurableExecution& e) {
  Json item = Json::object();
  item["DurableExecutionArn"] = e.arn;
  item["DurableExecutionName"] = e.name;
  item["FunctionArn"] = e.function_arn;
  item["Status"] = e.status;
  item["StartTimestamp"] = e.start;
  if (e.end) item["EndTimestamp"] = *e.end;
  return item;
}

}  // namespace

Outcome list_durable_executions_by_function(State& state, const Call& call) {
  const Json& in = call.input;
  auto found = find_function(state, call);
  if (auto* error = std::get_if<Outcome>(&found)) return *error;
  const FunctionTarget& target = std::get<FunctionTarget>(found);
  Filters filters;
  filters.version = target.qualifier.empty() ? "$LATEST" : target.qualifier;
  filters.statuses = in.value("Statuses", Json::array());
  filters.name = string_member(in, "DurableExecutionName");
  filters.after = time_member(in, "StartedAfter");
  filters.before = time_member(in, "StartedBefore");
  const bool oldest_first = bool_member(in, "ReverseOrder").value_or(false);

  std::vector<Keyed> items;
  for (const auto& e : state.executions_of(target.function.name, target.function.serial))
    if (filters.admit(e)) items.push_back({number_key(e.sequence), summary(e)});
  if (!oldest_first) std::reverse(items.begin(), items.end());
  size_t size = call.faults.has(Fault::LambdaListIgnoresMaxItems)
                    ? items.size()
                    : page_size(integer_member(in, "MaxItems"), kDefaultExecutionsPerPage, kMaxExecutionsPerPage);
  return page_answer(items, !oldest_first, "executions:" + target.function.name, string_member(in, "Marker"), size,
                     "DurableExecutions");
}

}  // namespace conform::emulator::lambda
