// DescribeActivity, DescribeStateMachine, DescribeStateMachineForExecution (see handlers.h). With
// includedData METADATA_ONLY the definition is answered as "{}" (as the model documents).
#include "emulator/sfn/arn.h"
#include "emulator/sfn/errors.h"
#include "emulator/sfn/handlers.h"

namespace conform::emulator::sfn {
namespace {

bool metadata_only(const Call& call) { return input_string(call, "includedData").value_or("") == "METADATA_ONLY"; }

// The members both state machine descriptions answer from a revision.
void describe_revision(const Revision& r, bool metadata_only, Json& out) {
  out["definition"] = metadata_only ? std::string("{}") : r.definition;
  out["roleArn"] = r.role_arn;
  out["loggingConfiguration"] = r.logging;
  out["tracingConfiguration"] = r.tracing;
  if (r.revision_id) out["revisionId"] = *r.revision_id;
  if (!r.encryption.is_null()) out["encryptionConfiguration"] = r.encryption;
}

// The answer for an ARN that names nothing: `not_found`, or a 500 with the SfnDescribeUnknown500 fault.
Outcome unknown(const Env& env, Outcome not_found) {
  return env.call.faults.has(Fault::SfnDescribeUnknown500) ? internal_failure() : not_found;
}

}  // namespace

Outcome describe_activity(Env& env) {
  std::string arn = input_string(env.call, "activityArn").value_or("");
  if (auto bad = check_arn(arn, ArnType::Activity)) return invalid_arn(*bad);
  std::lock_guard<std::mutex> lock(env.store.mu);
  fire_due(env);
  auto it = env.store.activities.find(arn);
  if (it == env.store.activities.end()) return unknown(env, activity_does_not_exist(arn));
  const Activity& a = it->second;
  Json out = {{"activityArn", a.arn}, {"name", a.name}, {"creationDate", a.created}};
  if (!a.encryption.is_null()) out["encryptionConfiguration"] = a.encryption;
  return Outcome::ok(std::move(out));
}

Outcome describe_state_machine(Env& env) {
  std::string arn = input_string(env.call, "stateMachineArn").value_or("");
  if (auto bad = check_arn(arn, ArnType::StateMachine)) return invalid_arn(*bad);
  std::lock_guard<std::mutex> lock(env.store.mu);
  fire_due(env);
  auto it = env.store.machines.find(arn);
  if (it == env.store.machines.end()) return unknown(env, state_machine_does_not_exist(arn));
  const StateMachine& m = it->second;
  Json out = {{"stateMachineArn", m.arn}, {"name", m.name}, {"status", "ACTIVE"}, {"type", m.type},
              {"creationDate", m.created}};
  describe_revision(*m.revision, metadata_only(env.call), out);
  return Outcome::ok(std::move(out));
}

Outcome describe_state_machine_for_execution(Env& env) {
  std::string arn = input_string(env.call, "executionArn").value_or("");
  if (auto bad = check_arn(arn, ArnType::Execution)) return invalid_arn(*bad);
  std::lock_guard<std::mutex> lock(env.store.mu);
  fire_due(env);
  auto it = env.store.executions.find(arn);
  if (it == env.store.executions.end()) return execution_does_not_exist(arn);
  const Execution& e = it->second;
  auto machine = parse_arn(e.machine_arn);
  Json out = {{"stateMachineArn", e.machine_arn}, {"name", machine ? machine->name : e.machine_arn},
              {"updateDate", e.revision->updated}};
  describe_revision(*e.revision, metadata_only(env.call), out);
  return Outcome::ok(std::move(out));
}

}  // namespace conform::emulator::sfn
