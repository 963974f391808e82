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
Outcome delete_state_machine(Env& env);
// executions.cpp
Outcome start_execution(Env& env);
Outcome describe_execution(Env& env);
Outcome stop_execution(Env& env);
// tasks.cpp
Outcome get_activity_task(Env& env);
Outcome send_task_success(Env& env);
Outcome send_task_failure(Env& env);
Outcome send_task_heartbeat(Env& env);

// Helpers shared by the handler files.
std::optional<std::string> input_string(const Call& call, const char* member);
// Locks nothing: fires deadlines unless the SfnTimeoutNotEnforced fault is planted.
void fire_due(Env& env);
// JSON text that never throws on odd strings.
std::string to_text(const Json& j);

}  // namespace conform::emulator::sfn
