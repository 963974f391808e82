// StopDurableExecution and GetDurableExecution.
//
// Stop: RUNNING -> STOPPED with EndTimestamp = StopTimestamp = now and the ErrorObject payload kept
// (absent when none, or an empty one `{}` - what SDKs send when Error is unset - was sent); an execution that has ended answers 200 with its existing end time
// (idempotent, as AWS's own durable-execution emulator does); unknown ARN -> 404
// ResourceNotFoundException. Fault DurableStopNoStateChange: 200 but the execution stays RUNNING.
#include "emulator/lambda/handlers.h"
#include "emulator/lambda/support.h"

namespace conform::emulator::lambda {

Outcome stop_durable_execution(State& state, const Call& call) {
  std::string arn = string_member(call.input, "DurableExecutionArn");
  double now = call.clock.now();
  if (call.faults.has(Fault::DurableStopNoStateChange)) {
    auto e = state.execution(arn);
    if (!e) return execution_not_found(arn);
    return Outcome::ok(Json{{"StopTimestamp", e->end.value_or(now)}});
  }
  std::optional<Json> error;
  // An empty ErrorObject is no error: SDKs send the payload `{}` when Error is not set (botocore's
  // empty rest-json body), so on the wire "no Error" and "Error: {}" are the same request.
  if (auto it = call.input.find("Error"); it != call.input.end() && it->is_object() && !it->empty()) error = *it;
  auto e = state.stop(arn, now, error);
  if (!e) return execution_not_found(arn);
  return Outcome::ok(Json{{"StopTimestamp", e->end.value_or(now)}});
}

Outcome get_durable_execution(State& state, const Call& call) {
  std::string arn = string_member(call.input, "DurableExecutionArn");
  auto e = state.execution(arn);
  if (!e) return execution_not_found(arn);
  bool include_data = true;
  if (auto it = call.input.find("IncludeExecutionData"); it != call.input.end() && it->is_boolean())
    include_data = it->get<bool>();
  Json out = Json::object();
  out["DurableExecutionArn"] = e->arn;
  out["DurableExecutionName"] = e->name;
  out["FunctionArn"] = e->function_arn;
  if (include_data) out["InputPayload"] = e->input_payload;
  out["StartTimestamp"] = e->start;
  out["Status"] = e->status;
  if (e->end) out["EndTimestamp"] = *e->end;
  if (e->error) out["Error"] = *e->error;
  out["Version"] = e->version;
  out["ExecutionDataIncluded"] = include_data;
  if (e->durable_config) out["DurableConfig"] = *e->durable_config;
  return Outcome::ok(out);
}

}  // namespace conform::emulator::lambda
