// Invoke: starts a durable execution on a function with a DurableConfig (named by
// X-Amz-Durable-Execution-Name, or a generated id), which stays RUNNING until stopped. Same name and
// same payload again: the existing execution (documented idempotency); same name, other payload:
// 409 DurableExecutionAlreadyStartedException. Event answers 202, RequestResponse 200, DryRun 204.
#include "emulator/core/base64.h"
#include "emulator/lambda/handlers.h"
#include "emulator/lambda/names.h"

namespace conform::emulator::lambda {

Outcome invoke(State& state, const Call& call) {
  const Json& in = call.input;
  FunctionRef ref = resolve_function_name(string_member(in, "FunctionName"));
  std::string qualifier = string_member(in, "Qualifier");
  if (qualifier.empty()) qualifier = ref.qualifier;
  auto function = state.function(ref.name);
  if (!function) return function_not_found(call, ref.name, qualifier);
  if (!qualifier.empty() && qualifier != "$LATEST") return function_not_found(call, ref.name, qualifier);

  std::string payload;
  if (auto p = base64_decode(string_member(in, "Payload"))) payload = *p;
  if (!payload.empty() && Json::parse(payload, nullptr, false).is_discarded())
    return Outcome::error("InvalidRequestContentException",
                          "Could not parse request body into json: Could not parse payload into json",
                          Json{{"Type", "User"}});

  std::string type = string_member(in, "InvocationType");
  if (type.empty()) type = "RequestResponse";
  int status = type == "Event" ? 202 : type == "DryRun" ? 204 : 200;
  std::string name = string_member(in, "DurableExecutionName");

  Outcome o = Outcome::ok();
  o.status_override = status;
  o.output["ExecutedVersion"] = "$LATEST";
  o.headers.push_back({"X-Amz-Executed-Version", "$LATEST"});
  if (!function->durable_config) {
    if (!name.empty())
      return Outcome::error("InvalidParameterValueException",
                            "DurableExecutionName can only be specified for durable functions",  // emulator wording
                            Json{{"Type", "User"}});
    if (status == 200) o.output["Payload"] = base64_encode("null");
    return o;
  }
  if (status == 204) return o;

  DurableExecution e;
  e.name = name.empty() ? call.ids.uuid() : name;
  e.function_name = function->name;
  e.function_arn = function->arn + ":$LATEST";
  e.arn = durable_execution_arn(call.region, call.account, function->name, "$LATEST", e.name, call.ids.uuid());
  e.input_payload = payload.empty() ? "{}" : payload;
  e.start = call.clock.now();
  e.durable_config = function->durable_config;
  auto [execution, created] = state.start_execution(e);
  if (!created && execution.input_payload != e.input_payload)
    return Outcome::error("DurableExecutionAlreadyStartedException",
                          "Durable execution with name " + e.name + " already exists for function " + function->name +
                              " with a different payload",  // emulator wording
                          Json{{"Type", "User"}});
  o.output["DurableExecutionArn"] = execution.arn;
  o.headers.push_back({"X-Amz-Durable-Execution-Arn", execution.arn});
  if (status == 200) o.output["Payload"] = base64_encode("null");
  return o;
}

}  // namespace conform::emulator::lambda
