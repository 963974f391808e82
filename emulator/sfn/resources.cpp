// CreateActivity, DeleteActivity, CreateStateMachine, UpdateStateMachine, DeleteStateMachine (see
// handlers.h). State machine versions are not modelled: `publish` publishes nothing, so no
// stateMachineVersionArn is ever answered. UpdateStateMachine looks the machine up before it judges
// what to change (as LocalStack and moto do; AWS's order is not recorded).
#include <memory>
#include <variant>

#include "emulator/sfn/arn.h"
#include "emulator/sfn/engine.h"
#include "emulator/sfn/errors.h"
#include "emulator/sfn/handlers.h"
#include "emulator/sfn/tags.h"

namespace conform::emulator::sfn {
namespace {

// `given` laid over `defaults`, member by member; `defaults` when nothing was given.
Json configuration(const Json* given, Json defaults) {
  if (given && given->is_object())
    for (const auto& [key, value] : given->items()) defaults[key] = value;
  return defaults;
}

Json logging_of(const Json* given) {
  return configuration(given, Json{{"level", "OFF"}, {"includeExecutionData", false}});
}

Json tracing_of(const Json* given) { return configuration(given, Json{{"enabled", false}}); }

// A definition the machine type can run; InvalidDefinition otherwise.
std::variant<std::shared_ptr<const Definition>, Outcome> runnable(const std::string& text, const std::string& type) {
  ParsedDefinition parsed = parse_definition(text);
  if (!parsed.definition) return invalid_definition(parsed.error);
  if (type == "EXPRESS" && parsed.definition->has_task()) {
    return invalid_definition(
        "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does not "
        "support Activity ARN'");
  }
  return std::make_shared<const Definition>(std::move(*parsed.definition));
}

std::optional<Outcome> check_role(const std::string& role) {
  if (role.rfind("arn:", 0) != 0) return invalid_arn("Invalid Arn: 'Invalid ARN prefix: " + role + "'");
  return std::nullopt;
}

Json given_or_null(const Call& call, const char* member) {
  const Json* v = input_member(call, member);
  return v ? *v : Json();
}

}  // namespace

Outcome create_activity(Env& env) {
  std::string name = input_string(env.call, "name").value_or("");
  if (!is_valid_name(name)) return invalid_name(name);
  std::string arn = build_activity_arn(env.call.region, env.call.account, name);
  std::lock_guard<std::mutex> lock(env.store.mu);
  fire_due(env);
  auto existing = env.store.activities.find(arn);
  if (existing != env.store.activities.end())  // idempotent: same name, same activity
    return Outcome::ok({{"activityArn", arn}, {"creationDate", existing->second.created}});
  Activity a{arn, name, env.now(), given_or_null(env.call, "encryptionConfiguration"), {}};
  if (const Json* tags = input_member(env.call, "tags"); tags && !merge_tags(a.tags, *tags)) return too_many_tags(arn);
  env.store.activities.emplace(arn, a);
  return Outcome::ok({{"activityArn", arn}, {"creationDate", a.created}});
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
  const Call& call = env.call;
  std::string name = input_string(call, "name").value_or("");
  std::string definition = input_string(call, "definition").value_or("");
  std::string role = input_string(call, "roleArn").value_or("");
  std::string type = input_string(call, "type").value_or("STANDARD");
  if (!is_valid_name(name)) return invalid_name(name);
  if (auto bad = check_role(role)) return *bad;
  auto parsed = runnable(definition, type);
  if (auto* error = std::get_if<Outcome>(&parsed)) return *error;
  std::string arn = build_state_machine_arn(call.region, call.account, name);
  Json logging = logging_of(input_member(call, "loggingConfiguration"));
  Json tracing = tracing_of(input_member(call, "tracingConfiguration"));
  std::lock_guard<std::mutex> lock(env.store.mu);
  fire_due(env);
  auto existing = env.store.machines.find(arn);
  if (existing != env.store.machines.end()) {
    const StateMachine& m = existing->second;
    const Revision& r = *m.revision;
    if (r.definition != definition || r.role_arn != role || m.type != type || r.logging != logging ||
        r.tracing != tracing)
      return state_machine_already_exists(arn);
    return Outcome::ok({{"stateMachineArn", arn}, {"creationDate", m.created}});
  }
  auto revision = std::make_shared<Revision>();
  revision->definition = definition;
  revision->role_arn = role;
  revision->parsed = std::get<std::shared_ptr<const Definition>>(parsed);
  revision->logging = std::move(logging);
  revision->tracing = std::move(tracing);
  revision->encryption = given_or_null(call, "encryptionConfiguration");
  revision->updated = env.now();
  StateMachine m{arn, name, type, env.now(), std::move(revision), {}};
  if (const Json* tags = input_member(call, "tags"); tags && !merge_tags(m.tags, *tags)) return too_many_tags(arn);
  env.store.machines.emplace(arn, m);
  return Outcome::ok({{"stateMachineArn", arn}, {"creationDate", m.created}});
}

Outcome update_state_machine(Env& env) {
  const Call& call = env.call;
  std::string arn = input_string(call, "stateMachineArn").value_or("");
  if (auto bad = check_arn(arn, ArnType::StateMachine)) return invalid_arn(*bad);
  auto definition = input_string(call, "definition");
  auto role = input_string(call, "roleArn");
  const Json* logging = input_member(call, "loggingConfiguration");
  const Json* tracing = input_member(call, "tracingConfiguration");
  const Json* encryption = input_member(call, "encryptionConfiguration");
  std::lock_guard<std::mutex> lock(env.store.mu);
  fire_due(env);
  auto it = env.store.machines.find(arn);
  if (it == env.store.machines.end()) return state_machine_does_not_exist(arn);
  if (!definition && !role && !logging && !tracing && !encryption)
    return missing_required_parameter(
        "Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be "
        "specified");
  if (input_member(call, "versionDescription") && !input_bool(call, "publish", false))
    return service_validation("Version description can only be set when publish is true");
  StateMachine& m = it->second;
  auto next = std::make_shared<Revision>(*m.revision);
  if (definition) {
    auto parsed = runnable(*definition, m.type);
    if (auto* error = std::get_if<Outcome>(&parsed)) return *error;
    next->definition = *definition;
    next->parsed = std::get<std::shared_ptr<const Definition>>(parsed);
  }
  if (role) {
    if (auto bad = check_role(*role)) return *bad;
    next->role_arn = *role;
  }
  if (logging) next->logging = logging_of(logging);
  if (tracing) next->tracing = tracing_of(tracing);
  if (encryption) next->encryption = *encryption;
  next->updated = env.now();
  next->revision_id = call.ids.uuid();
  m.revision = next;
  return Outcome::ok({{"updateDate", next->updated}, {"revisionId", *next->revision_id}});
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
