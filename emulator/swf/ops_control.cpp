// TerminateWorkflowExecution, RequestCancelWorkflowExecution, SignalWorkflowExecution: each acts on
// an open execution (named by workflowId and optional runId) and records the documented event.
//
// Terminate records WorkflowExecutionTerminated (reason, details, the child policy: the request's, else
// the execution's) and closes the execution (TERMINATED). RequestCancel records
// WorkflowExecutionCancelRequested, marks the execution cancelRequested and schedules a decision task;
// Signal records WorkflowExecutionSignaled (signalName, input) and schedules a decision task.
#include "emulator/swf/engine.h"
#include "emulator/swf/execution_lookup.h"
#include "emulator/swf/json_access.h"
#include "emulator/swf/ops.h"

namespace conform::emulator::swf {

Outcome terminate_workflow_execution(Context& c) {
  ExecutionLookup l = open_execution(c.store, c.in());
  if (l.answer) return *l.answer;
  Json attrs = Json::object();
  if (auto v = opt_string(c.in(), "reason")) attrs["reason"] = *v;
  if (auto v = opt_string(c.in(), "details")) attrs["details"] = *v;
  attrs["childPolicy"] = opt_string(c.in(), "childPolicy").value_or(l.execution->child_policy);
  close_execution(c.store, *l.execution, c.now, "WorkflowExecutionTerminated", std::move(attrs));
  return Outcome::ok();
}

Outcome request_cancel_workflow_execution(Context& c) {
  ExecutionLookup l = open_execution(c.store, c.in());
  if (l.answer) return *l.answer;
  Execution& e = *l.execution;
  e.history.append(c.now, "WorkflowExecutionCancelRequested", Json::object());
  e.cancel_requested = true;
  schedule_decision(c.store, e, c.now);
  return Outcome::ok();
}

Outcome signal_workflow_execution(Context& c) {
  ExecutionLookup l = open_execution(c.store, c.in());
  if (l.answer) return *l.answer;
  Execution& e = *l.execution;
  Json attrs = Json::object();
  attrs["signalName"] = get_string(c.in(), "signalName");
  if (auto v = opt_string(c.in(), "input")) attrs["input"] = *v;
  e.history.append(c.now, "WorkflowExecutionSignaled", std::move(attrs));
  schedule_decision(c.store, e, c.now);
  return Outcome::ok();
}

}  // namespace conform::emulator::swf
