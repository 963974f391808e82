// Factory of the reference emulator's swf service backend (see emulator/core/backend.h for the
// contract every backend keeps).
//
// Promises: the backend implements every SWF operation of the 2012-01-25 model (39) except
// RespondDecisionTaskCompleted decisions other than ScheduleActivityTask, RequestCancelActivityTask,
// RecordMarker and Complete/Fail/CancelWorkflowExecution (answered OperationNotPermittedFault): domains
// and types with their deprecation, deletion and domain tags; executions with their history,
// visibility (list, count, describe; filters and keyset pagination) and control (terminate, cancel
// request, signal); decision and activity tasks. All calls are serialized, so closes are atomic;
// timeouts are evaluated lazily on every call with Call::clock; an idle poll waits at most `poll_wait`
// (real time).
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
