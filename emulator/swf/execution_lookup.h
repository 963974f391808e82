// The workflow execution a request names, with SWF's UnknownResourceFault answers: "Unknown domain:
// <d>", "Unknown execution: WorkflowExecution=[workflowId=<w>, runId=<r>]" and, for an execution named
// by workflowId alone, "Unknown execution, workflowId = <w>".
//
// Promises: exactly one of `execution` and `answer` is set.
#pragma once

#include <optional>

#include "emulator/core/backend.h"
#include "emulator/swf/store.h"

namespace conform::emulator::swf {

struct ExecutionLookup {
  Execution* execution = nullptr;
  std::optional<Outcome> answer;
};

// Open or closed: `domain` and `execution` {workflowId, runId} (DescribeWorkflowExecution,
// GetWorkflowExecutionHistory).
ExecutionLookup named_execution(Store& store, const Json& input);

// Open only: `domain`, `workflowId` and an optional `runId` (absent or empty: the open run of that
// workflowId) (TerminateWorkflowExecution, RequestCancelWorkflowExecution, SignalWorkflowExecution).
ExecutionLookup open_execution(Store& store, const Json& input);

}  // namespace conform::emulator::swf
