// Invoke: on a function with a DurableConfig (in the invoked configuration: $LATEST or a published
// version), starts a durable execution (named by X-Amz-Durable-Execution-Name, or a generated id) of
// that version, which stays RUNNING until stopped. Same name and same payload again: the existing
// execution (documented idempotency); same name, other payload: 409
// DurableExecutionAlreadyStartedException. Event answers 202, RequestResponse 200, DryRun 204.
// Function and qualifier resolution as function_target.h.
#include "emulator/core/base64.h"
#include "emulator/lambda/configuration.h"
#include "emulator/lambda/function_target.h"
#include "emulator/lambda/handlers.h"
#include "emulator/lambda/names.h"
#include "emulator/lambda/support.h"

namespace conform::emulator::lambda {

Outcome invoke(State& state, const Call& call) {
  const Json& in = call.input;
  auto found = find_function(state, call);
  if (auto* error = std::get_if<Outcome>(&found)) return *error;
  const FunctionTarget& target = std::get<FunctionTarget>(found);
  const std::string version = target.qualifier.empty() ? "$LATEST" : target.qualifier;

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
  o.output["ExecutedVersion"] = version;
  o.headers.push_back({"X-Amz-Executed-Version", version});
  auto durable_config = durable_config_of(target.configuration);
  if (!durable_config) {
    if (!name.empty())
      return invalid_parameter("DurableExecutionName can only be specified for durable functions");  // emulator wording
    if (status == 200) o.output["Payload"] = base64_encode("null");
    return o;
  }
  if (status == 204) return o;

  const Function& function = target.function;
  DurableExecution e;
  e.name = name.empty() ? call.ids.uuid() : name;
  e.function_name = function.name;
  e.function_serial = function.serial;
  e.function_arn = function.arn + ":" + version;
  e.version = version;
  e.arn = durable_execution_arn(call.region, call.account, function.name, version, e.name, call.ids.uuid());
  e.input_payload = payload.empty() ? "{}" : payload;
  e.start = call.clock.now();
  e.durable_config = durable_config;
  auto [execution, created] = state.start_execution(e);
  if (!created && execution.input_payload != e.input_payload)
    return Outcome::error("DurableExecutionAlreadyStartedException",
                          "Durable execution with name " + e.name + " already exists for function " + function.name +
                              " with a different payload",  // emulator wording
                          Json{{"Type", "User"}});
  o.output["DurableExecutionArn"] = execution.arn;
  o.headers.push_back({"X-Amz-Durable-Execution-Arn", execution.arn});
  if (status == 200) o.output["Payload"] = base64_encode("null");
  return o;
}

}  // namespace conform::emulator::lambda
