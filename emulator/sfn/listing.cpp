// ListActivities, ListStateMachines, ListExecutions (see handlers.h). Activities and state machines are
// listed by ARN, executions most recent first (startDate, then start order); every listing pages by
// key (paging.h). Map runs are not modelled: a well-formed mapRunArn names no map run. Each ARN given
// is checked (InvalidArn) before the combination of filters (ValidationException).
#include <algorithm>
#include <cstring>
#include <functional>
#include <limits>

#include "emulator/sfn/arn.h"
#include "emulator/sfn/errors.h"
#include "emulator/sfn/handlers.h"
#include "emulator/sfn/paging.h"

namespace conform::emulator::sfn {
namespace {

// One page of a listing whose items, in listing order, have `keys`; `item(i)` renders the i-th item.
// The request's nextToken must be one this listing issued; maxResults bounds the page (unless the
// SfnListIgnoresMaxResults fault is planted).
Outcome answer_page(Env& env, const std::string& listing, const std::vector<std::string>& keys,
                    const std::function<Json(size_t)>& item, const char* member) {
  std::optional<std::string> start;
  if (auto token = input_string(env.call, "nextToken")) {
    start = read_page_token(*token, listing, env.now());
    if (!start) return invalid_token();
  }
  size_t size = env.call.faults.has(Fault::SfnListIgnoresMaxResults)
                    ? std::numeric_limits<size_t>::max()
                    : page_size(input_member(env.call, "maxResults"));
  Slice page = slice(keys, start, size);
  Json items = Json::array();
  for (size_t i = page.begin; i < page.end; ++i) items.push_back(item(i));
  Json out = {{member, std::move(items)}};
  if (page.next_key) out["nextToken"] = make_page_token(listing, *page.next_key, env.now());
  return Outcome::ok(std::move(out));
}

// One page of the resources of an ARN-keyed map whose ARNs start with `prefix` (this region and
// account, one type), in ARN order; `render` answers one resource.
template <class Map, class Render>
Outcome list_by_arn(Env& env, const Map& map, const std::string& prefix, const std::string& listing,
                    const char* member, Render render) {
  std::lock_guard<std::mutex> lock(env.store.mu);
  fire_due(env);
  std::vector<const typename Map::mapped_type*> resources;
  std::vector<std::string> arns;
  for (auto it = map.lower_bound(prefix); it != map.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    resources.push_back(&it->second);
    arns.push_back(it->first);
  }
  return answer_page(env, listing, arns, [&](size_t i) { return render(*resources[i]); }, member);
}

// Sorts most recent first: a later startDate, then a later start, comes first.
std::string recency_key(const Execution& e) {
  unsigned long long bits = 0;
  double start = std::max(0.0, e.start);
  std::memcpy(&bits, &start, sizeof bits);  // non-negative doubles order like their bit patterns
  return number_key(bits, true) + number_key(e.seq, true);
}

std::optional<Outcome> check_execution_filters(const Call& call, bool by_machine, bool by_map_run) {
  if (by_machine == by_map_run)
    return service_validation(by_machine ? "Only one of stateMachineArn and mapRunArn may be given"
                                         : "Either stateMachineArn or mapRunArn must be given");
  if (by_machine && input_string(call, "statusFilter").value_or("") == "PENDING_REDRIVE")
    return service_validation("The PENDING_REDRIVE statusFilter can only be used with a mapRunArn");
  return std::nullopt;
}

bool matches(const Execution& e, const std::string& machine_arn, const std::optional<std::string>& status,
             const std::optional<std::string>& redrive) {
  if (e.machine_arn != machine_arn) return false;
  if (status && *status != to_string(e.status)) return false;
  return redrive.value_or("NOT_REDRIVEN") == "NOT_REDRIVEN";  // executions are never redriven here
}

}  // namespace

Outcome list_activities(Env& env) {
  return list_by_arn(env, env.store.activities, build_activity_arn(env.call.region, env.call.account, ""),
                     "ListActivities", "activities", [](const Activity& a) {
                       return Json{{"activityArn", a.arn}, {"name", a.name}, {"creationDate", a.created}};
                     });
}

Outcome list_state_machines(Env& env) {
  return list_by_arn(env, env.store.machines, build_state_machine_arn(env.call.region, env.call.account, ""),
                     "ListStateMachines", "stateMachines", [](const StateMachine& m) {
                       return Json{{"stateMachineArn", m.arn}, {"name", m.name}, {"type", m.type},
                                   {"creationDate", m.created}};
                     });
}

Outcome list_executions(Env& env) {
  const Call& call = env.call;
  auto machine_arn = input_string(call, "stateMachineArn");
  auto map_run_arn = input_string(call, "mapRunArn");
  if (machine_arn)
    if (auto bad = check_arn(*machine_arn, ArnType::StateMachine)) return invalid_arn(*bad);
  if (map_run_arn)
    if (auto bad = check_arn(*map_run_arn, ArnType::MapRun)) return invalid_arn(*bad);
  if (auto bad = check_execution_filters(call, machine_arn.has_value(), map_run_arn.has_value())) return *bad;
  if (map_run_arn) return resource_not_found(*map_run_arn);
  auto status = input_string(call, "statusFilter");
  auto redrive = input_string(call, "redriveFilter");
  std::lock_guard<std::mutex> lock(env.store.mu);
  fire_due(env);
  auto machine = env.store.machines.find(*machine_arn);
  if (machine == env.store.machines.end()) return state_machine_does_not_exist(*machine_arn);
  if (machine->second.type == "EXPRESS") return state_machine_type_not_supported(*machine_arn);
  std::vector<std::pair<std::string, const Execution*>> found;
  for (const auto& [arn, e] : env.store.executions)
    if (matches(e, *machine_arn, status, redrive)) found.emplace_back(recency_key(e), &e);
  std::sort(found.begin(), found.end());
  std::vector<std::string> keys;
  for (const auto& f : found) keys.push_back(f.first);
  std::string listing = "ListExecutions|" + *machine_arn + "|" + status.value_or("") + "|" + redrive.value_or("");
  return answer_page(env, listing, keys, [&](size_t i) {
    const Execution& e = *found[i].second;
    Json item = {{"executionArn", e.arn}, {"stateMachineArn", e.machine_arn}, {"name", e.name},
                 {"status", to_string(e.status)}, {"startDate", e.start}, {"redriveCount", 0}};
    if (e.stop) item["stopDate"] = *e.stop;
    return item;
  }, "executions");
}

}  // namespace conform::emulator::sfn
