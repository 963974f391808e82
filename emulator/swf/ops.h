// The SWF operations, one function each, called by the backend with its lock held and timeouts
// already enforced up to `now`.
//
// Promises: every function answers an Outcome for any validated input and never throws by design;
// the poll functions answer nullopt when no task is available yet (the backend then waits briefly and
// retries, and finally answers the empty poll result).
#pragma once

#include <optional>

#include "emulator/core/backend.h"
#include "emulator/swf/store.h"

namespace conform::emulator::swf {

struct Context {
  Store& store;
  const Call& call;
  double now;
  const Json& in() const { return call.input; }
  bool fault(Fault f) const { return call.faults.has(f); }
};

// Domains and types (ops_register.cpp)
Outcome register_domain(Context& c);
Outcome describe_domain(Context& c);
Outcome register_workflow_type(Context& c);
Outcome register_activity_type(Context& c);

// Reads of domains and types (ops_catalog.cpp)
Outcome list_domains(Context& c);
Outcome describe_activity_type(Context& c);
Outcome describe_workflow_type(Context& c);
Outcome list_activity_types(Context& c);
Outcome list_workflow_types(Context& c);

// Deprecation and deletion (ops_deprecation.cpp)
Outcome deprecate_domain(Context& c);
Outcome undeprecate_domain(Context& c);
Outcome deprecate_activity_type(Context& c);
Outcome deprecate_workflow_type(Context& c);
Outcome undeprecate_activity_type(Context& c);
Outcome undeprecate_workflow_type(Context& c);
Outcome delete_activity_type(Context& c);
Outcome delete_workflow_type(Context& c);

// Domain tags (ops_tags.cpp)
Outcome tag_resource(Context& c);
Outcome untag_resource(Context& c);
Outcome list_tags_for_resource(Context& c);

// Executions (ops_execution.cpp)
Outcome start_workflow_execution(Context& c);
Outcome get_workflow_execution_history(Context& c);

// Visibility (ops_visibility.cpp)
Outcome describe_workflow_execution(Context& c);
Outcome list_open_workflow_executions(Context& c);
Outcome list_closed_workflow_executions(Context& c);
Outcome count_open_workflow_executions(Context& c);
Outcome count_closed_workflow_executions(Context& c);
Outcome count_pending_activity_tasks(Context& c);
Outcome count_pending_decision_tasks(Context& c);

// Execution control (ops_control.cpp)
Outcome terminate_workflow_execution(Context& c);
Outcome request_cancel_workflow_execution(Context& c);
Outcome signal_workflow_execution(Context& c);

// Decision tasks (ops_decision.cpp)
std::optional<Outcome> poll_for_decision_task(Context& c);
Outcome empty_decision_task();
Outcome respond_decision_task_completed(Context& c);

// Activity tasks (ops_activity.cpp)
std::optional<Outcome> poll_for_activity_task(Context& c);
Outcome empty_activity_task();
Outcome respond_activity_task_completed(Context& c);
Outcome respond_activity_task_failed(Context& c);
Outcome respond_activity_task_canceled(Context& c);
Outcome record_activity_task_heartbeat(Context& c);

}  // namespace conform::emulator::swf
