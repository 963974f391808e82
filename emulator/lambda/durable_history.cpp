// GetDurableExecutionHistory: the events of what happened to an execution in the emulator, which runs
// no function code: ExecutionStarted (Input payload, ExecutionTimeout of the DurableConfig it started
// with) and, once stopped, ExecutionStopped (Error: the ErrorObject given to StopDurableExecution as
// Payload, {} when none). EventIds count from 1 in chronological order. Events carry no operation Id:
// no SDK runs in the emulator to name operations. IncludeExecutionData=false (default true) leaves the
// payloads out. Order chronological, newest first with ReverseOrder. Pages: MaxItems 0..1000, default
// 100 (0: the default, documented); Marker / NextMarker per paging.h. Unknown ARN -> 404.
#include <algorithm>

#include "emulator/lambda/handlers.h"
#include "emulator/lambda/paging.h"
#include "emulator/lambda/support.h"

namespace conform::emulator::lambda {
namespace {

constexpr size_t kDefaultEventsPerPage = 100;
constexpr size_t kMaxEventsPerPage = 1000;

Json event(int64_t id, const char* type, double at, const char* details_member, Json details) {
  Json ev = Json::object();
  ev["EventType"] = type;
  ev["EventId"] = id;
  ev["EventTimestamp"] = at;
  ev[details_member] = std::move(details);
  return ev;
}

// {"Payload": payload, "Truncated": false}, or {} without execution data.
Json data(const std::optional<Json>& payload, bool include) {
  if (!include || !payload) return Json::object();
  return Json{{"Payload", *payload}, {"Truncated", false}};
}

std::vector<Json> events_of(const DurableExecution& e, bool include) {
  int64_t timeout = 0;
  if (e.durable_config) timeout = e.durable_config->value("ExecutionTimeout", int64_t{0});
  std::vector<Json> events;
  events.push_back(event(1, "ExecutionStarted", e.start, "ExecutionStartedDetails",
                         Json{{"Input", data(Json(e.input_payload), include)}, {"ExecutionTimeout", timeout}}));
  if (e.status == "STOPPED" && e.end)
    events.push_back(event(2, "ExecutionStopped", *e.end, "ExecutionStoppedDetails",
                           Json{{"Error", data(e.error, include)}}));
  return events;
}

}  // namespace

Outcome get_durable_execution_history(State& state, const Call& call) {
  const Json& in = call.input;
  const std::string arn = string_member(in, "DurableExecutionArn");
  auto e = state.execution(arn);
  if (!e) return execution_not_found(arn);
  const bool newest_first = bool_member(in, "ReverseOrder").value_or(false);
  std::vector<Keyed> items;
  for (auto& ev : events_of(*e, bool_member(in, "IncludeExecutionData").value_or(true)))
    items.push_back({number_key(static_cast<uint64_t>(ev["EventId"].get<int64_t>())), std::move(ev)});
  if (newest_first) std::reverse(items.begin(), items.end());
  size_t size = page_size(integer_member(in, "MaxItems"), kDefaultEventsPerPage, kMaxEventsPerPage);
  return page_answer(items, newest_first, "history:" + arn, string_member(in, "Marker"), size, "Events");
}

}  // namespace conform::emulator::lambda
