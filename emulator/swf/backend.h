// Factory of the reference emulator's swf service backend (see emulator/core/backend.h for the
// contract every backend keeps).
//
// Promises: the backend implements RegisterDomain, DescribeDomain, RegisterWorkflowType,
// RegisterActivityType, StartWorkflowExecution, PollForDecisionTask, RespondDecisionTaskCompleted,
// PollForActivityTask, RespondActivityTask{Completed,Failed,Canceled}, RecordActivityTaskHeartbeat and
// GetWorkflowExecutionHistory; all calls are serialized, so closes are atomic; timeouts are evaluated
// lazily on every call with Call::clock; an idle poll waits at most `poll_wait` (real time).
#pragma once

#include <chrono>
#include <memory>

#include "emulator/core/backend.h"

namespace conform::emulator {

struct SwfOptions {
  // How long an idle PollForDecisionTask / PollForActivityTask waits (real time) for a task before
  // answering the empty result (taskToken ""). AWS long-polls up to 60 s; the emulator keeps it short.
  std::chrono::milliseconds poll_wait{250};
};

std::unique_ptr<Backend> make_swf_backend();
std::unique_ptr<Backend> make_swf_backend(SwfOptions options);

}  // namespace conform::emulator
