// CreateActivity, DeleteActivity, CreateStateMachine, DeleteStateMachine (see handlers.h).
#include <memory>

#include "emulator/sfn/arn.h"
#include "emulator/sfn/engine.h"
#include "emulator/sfn/errors.h"
#include "emulator/sfn/handlers.h"

namespace conform::emulator::sfn {

Outcome create_activity(Env& env) {
  std::string name = input_string(env.call, "name").value_or("");
  if (!is_valid_name(name)) return invalid_name(name);
  std::string arn = build_activity_arn(env.call.region, env.call.account, name);
  std::lock_guard<std::mutex> lock(env.store.mu);
  fire_due(env);
  auto [it, inserted] = env.store.activities.try_emplace(arn);
  if (inserted) it->second = Activity{arn, name, env.now()};  // idempotent: same name, same activity
  return Outcome::ok({{"activityArn", arn}, {"creationDate", it->second.created}});
}

Outcome delete_activity(Env& env) {
  std::string arn = input_string(env.call, "activityArn").value_or("");
  if (auto bad = check_arn(arn, ArnType::Activity)) return invalid_arn(*bad);
  std::lock_guard<std::mutex> lock(env.store.mu);
  fire_due(env);
  env.store.activities.erase(arn);
  return Outcome::ok();
}

Outcome create_state_machine(Env& env) {
  std::string name = input_string(env.call, "name").value_or("");
  std::string definition = input_string(env.call, "definition").value_or("");
  std::string role = input_string(env.call, "roleArn").value_or("");
  std::string type = input_string(env.call, "type").value_or("STANDARD");
  if (!is_valid_name(name)) return invalid_name(name);
  if (role.rfind("arn:", 0) != 0) return invalid_arn("Invalid Arn: 'Invalid ARN prefix: " + role + "'");
  ParsedDefinition parsed = parse_definition(definition);
  if (!parsed.definition) return invalid_definition(parsed.error);
  if (type == "EXPRESS" && parsed.definition->has_task()) {
    return invalid_definition(
        "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does not "
        "support Activity ARN'");
  }
  std::string arn = build_state_machine_arn(env.call.region, env.call.account, name);
  std::lock_guard<std::mutex> lock(env.store.mu);
  fire_due(env);
  auto existing = env.store.machines.find(arn);
  if (existing != env.store.machines.end()) {
    const StateMachine& m = existing->second;
    if (m.definition != definition || m.role_arn != role || m.type != type)
      return state_machine_already_exists(arn);
    return Outcome::ok({{"stateMachineArn", arn}, {"creationDate", m.created}});
  }
  StateMachine m{arn, name, definition, role, type, env.now(),
                 std::make_shared<const Definition>(std::move(*parsed.definition))};
  env.store.machines.emplace(arn, m);
  return Outcome::ok({{"stateMachineArn", arn}, {"creationDate", m.created}});
}

Outcome delete_state_machine(Env& env) {
  std::string arn = input_string(env.call, "stateMachineArn").value_or("");
  if (auto bad = check_arn(arn, ArnType::StateMachine)) return invalid_arn(*bad);
  std::lock_guard<std::mutex> lock(env.store.mu);
  fire_due(env);
  // Executions keep running and stay describable; the machine can no longer start new ones.
  env.store.machines.erase(arn);
  return Outcome::ok();
}

}  // namespace conform::emulator::sfn
