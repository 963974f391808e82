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

// Answers render(resource) for the resource `map` holds under the request's `member` ARN (checked to be
// of `type`); InvalidArn or not_found(arn) otherwise, or a 500 when `fault` is planted.
template <class Map, class Render>
Outcome describe(Env& env, const char* member, ArnType type, const Map& map, Outcome (*not_found)(const std::string&),
                 std::optional<Fault> fault, Render render) {
  std::string arn = input_string(env.call, member).value_or("");
  if (auto bad = check_arn(arn, type)) return invalid_arn(*bad);
  std::lock_guard<std::mutex> lock(env.store.mu);
  fire_due(env);
  auto it = map.find(arn);
  if (it == map.end()) return fault && env.call.faults.has(*fault) ? internal_failure() : not_found(arn);
  return Outcome::ok(render(it->second));
}

}  // namespace

Outcome describe_activity(Env& env) {
  return describe(env, "activityArn", ArnType::Activity, env.store.activities, activity_does_not_exist,
                  Fault::SfnDescribeUnknown500, [](const Activity& a) {
                    Json out = {{"activityArn", a.arn}, {"name", a.name}, {"creationDate", a.created}};
                    if (!a.encryption.is_null()) out["encryptionConfiguration"] = a.encryption;
                    return out;
                  });
}

Outcome describe_state_machine(Env& env) {
  bool metadata = metadata_only(env.call);
  return describe(env, "stateMachineArn", ArnType::StateMachine, env.store.machines, state_machine_does_not_exist,
                  Fault::SfnDescribeUnknown500, [&](const StateMachine& m) {
                    Json out = {{"stateMachineArn", m.arn}, {"name", m.name}, {"status", "ACTIVE"},
                                {"type", m.type}, {"creationDate", m.created}};
                    describe_revision(*m.revision, metadata, out);
                    return out;
                  });
}

Outcome describe_state_machine_for_execution(Env& env) {
  bool metadata = metadata_only(env.call);
  return describe(env, "executionArn", ArnType::Execution, env.store.executions, execution_does_not_exist,
                  std::nullopt, [&](const Execution& e) {
                    auto machine = parse_arn(e.machine_arn);
                    Json out = {{"stateMachineArn", e.machine_arn},
                                {"name", machine ? machine->name : e.machine_arn},
                                {"updateDate", e.revision->updated}};
                    describe_revision(*e.revision, metadata, out);
                    return out;
                  });
}

}  // namespace conform::emulator::sfn
