// StartExecution, DescribeExecution, StopExecution (see handlers.h).
#include "emulator/sfn/arn.h"
#include "emulator/sfn/engine.h"
#include "emulator/sfn/errors.h"
#include "emulator/sfn/handlers.h"
#include "harness/protocol/json_reader.h"
#include "emulator/sfn/interpreter.h"

namespace conform::emulator::sfn {

Outcome start_execution(Env& env) {
  const Call& call = env.call;
  std::string machine_arn = input_string(call, "stateMachineArn").value_or("");
  if (auto bad = check_arn(machine_arn, ArnType::StateMachine)) return invalid_arn(*bad);
  auto given_name = input_string(call, "name");
  if (given_name && !is_valid_name(*given_name)) return invalid_name(*given_name);
  std::string input = input_string(call, "input").value_or("{}");
  Json input_json = protocol::parse_json(input);
  if (input_json.is_discarded()) return invalid_execution_input(input);

  std::lock_guard<std::mutex> lock(env.store.mu);
  fire_due(env);
  double now = env.now();
  auto m = env.store.machines.find(machine_arn);
  if (m == env.store.machines.end()) return state_machine_does_not_exist(machine_arn);
  const StateMachine& machine = m->second;
  std::string name = given_name ? *given_name : call.ids.uuid();

  if (machine.type == "EXPRESS") {
    // Express executions run to the end at once and are not describable through this API.
    std::string arn = build_express_arn(call.region, call.account, machine.name, name, call.ids.uuid());
    return Outcome::ok({{"executionArn", arn}, {"startDate", now}});
  }

  std::string arn = build_execution_arn(call.region, call.account, machine.name, name);
  auto existing = env.store.executions.find(arn);
  if (existing != env.store.executions.end()) {
    const Execution& e = existing->second;
    if (e.status == Status::Running && e.input == input)  // idempotent while running
      return Outcome::ok({{"executionArn", arn}, {"startDate", e.start}});
    return execution_already_exists(arn);
  }
  Execution& exec = env.store.executions[arn];
  exec.arn = arn;
  exec.name = name;
  exec.machine_arn = machine_arn;
  exec.revision = machine.revision;
  exec.seq = env.store.next_seq++;
  exec.start = now;
  exec.input = input;
  begin_execution(env.store, exec, std::move(input_json), now, call.ids);
  return Outcome::ok({{"executionArn", arn}, {"startDate", now}});
}

Outcome describe_execution(Env& env) {
  std::string arn = input_string(env.call, "executionArn").value_or("");
  if (auto bad = check_arn(arn, ArnType::Execution)) return invalid_arn(*bad);
  bool metadata_only = input_string(env.call, "includedData").value_or("") == "METADATA_ONLY";
  std::lock_guard<std::mutex> lock(env.store.mu);
  fire_due(env);
  auto it = env.store.executions.find(arn);
  if (it == env.store.executions.end()) return execution_does_not_exist(arn);
  const Execution& e = it->second;
  Json out = {{"executionArn", e.arn},   {"stateMachineArn", e.machine_arn}, {"name", e.name},
              {"status", to_string(e.status)}, {"startDate", e.start}};
  if (e.stop) out["stopDate"] = *e.stop;
  if (!metadata_only) {
    out["input"] = e.input;
    out["inputDetails"] = {{"included", true}};
    if (e.output) {
      out["output"] = *e.output;
      out["outputDetails"] = {{"included", true}};
    }
  }
  if (e.error) out["error"] = *e.error;
  if (e.cause) out["cause"] = *e.cause;
  out["redriveCount"] = 0;
  return Outcome::ok(std::move(out));
}

Outcome stop_execution(Env& env) {
  const Call& call = env.call;
  std::string arn = input_string(call, "executionArn").value_or("");
  if (auto bad = check_arn(arn, ArnType::Execution)) return invalid_arn(*bad);
  std::lock_guard<std::mutex> lock(env.store.mu);
  fire_due(env);
  auto it = env.store.executions.find(arn);
  if (it == env.store.executions.end()) return execution_does_not_exist(arn);
  Execution& e = it->second;
  double stop_date = env.now();
  if (e.status != Status::Running) {
    stop_date = e.stop.value_or(stop_date);  // already closed: nothing changes
  } else if (!call.faults.has(Fault::SfnStopNoStateChange)) {
    end_execution(env.store, e, Status::Aborted, stop_date, input_string(call, "error"),
                  input_string(call, "cause"));
  }
  if (call.faults.has(Fault::SfnStopMissingStopDate)) return Outcome::ok();
  return Outcome::ok({{"stopDate", stop_date}});
}

}  // namespace conform::emulator::sfn
