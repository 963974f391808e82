// One function per Step Functions operation. Each locks the store, fires due deadlines (unless the
// SfnTimeoutNotEnforced fault is planted), and answers from validated input.
//
// Promises: thread-safe through store.mu; never throw for validated input; errors are those of
// errors.h.
#pragma once

#include "emulator/core/backend.h"
#include "emulator/sfn/backend.h"
#include "emulator/sfn/store.h"

namespace conform::emulator::sfn {

struct Env {
  Store& store;
  const Call& call;
  const SfnOptions& options;
  double now() const { return call.clock.now(); }
};

// resources.cpp
Outcome create_activity(Env& env);
Outcome delete_activity(Env& env);
Outcome create_state_machine(Env& env);
Outcome update_state_machine(Env& env);
Outcome delete_state_machine(Env& env);
// describe.cpp
Outcome describe_activity(Env& env);
Outcome describe_state_machine(Env& env);
Outcome describe_state_machine_for_execution(Env& env);
// listing.cpp
Outcome list_activities(Env& env);
Outcome list_state_machines(Env& env);
Outcome list_executions(Env& env);
// executions.cpp
Outcome start_execution(Env& env);
Outcome describe_execution(Env& env);
Outcome stop_execution(Env& env);
// execution_history.cpp
Outcome get_execution_history(Env& env);
// tasks.cpp
Outcome get_activity_task(Env& env);
Outcome send_task_success(Env& env);
Outcome send_task_failure(Env& env);
Outcome send_task_heartbeat(Env& env);
// tagging.cpp
Outcome tag_resource(Env& env);
Outcome untag_resource(Env& env);
Outcome list_tags_for_resource(Env& env);

// Helpers shared by the handler files.
std::optional<std::string> input_string(const Call& call, const char* member);
// The member's value when it was sent (not absent, not null); nullptr otherwise.
const Json* input_member(const Call& call, const char* member);
bool input_bool(const Call& call, const char* member, bool absent);
// Locks nothing: fires deadlines unless the SfnTimeoutNotEnforced fault is planted.
void fire_due(Env& env);
// JSON text that never throws on odd strings.
std::string to_text(const Json& j);

}  // namespace conform::emulator::sfn
