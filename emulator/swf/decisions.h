// The decisions of RespondDecisionTaskCompleted: checked as a whole first, then applied in order.
//
// Promises: check_decisions finds every structural problem (a decision without its attributes, an
// unsupported decision type, an invalid duration, a closing decision that is not last) before anything
// changes; on a problem nothing is applied and the decision task stays usable. apply_decisions records
// DecisionTaskCompleted, then each decision's events: ActivityTaskScheduled or ScheduleActivityTaskFailed
// (unknown or deprecated type, activity id in use, undefined default), ActivityTaskCancelRequested (started task) or
// ActivityTaskCancelRequested + ActivityTaskCanceled (not yet started) or RequestCancelActivityTaskFailed,
// MarkerRecorded, WorkflowExecutionCompleted/Failed/Canceled (or the matching *Failed event with cause
// UNHANDLED_DECISION when events arrived during the decision task); a failed decision or an unhandled
// event schedules a new decision task.
#pragma once

#include <optional>
#include <string>

#include "emulator/swf/store.h"

namespace conform::emulator::swf {

struct DecisionProblem {
  std::string error;    // error name
  std::string message;
};

std::optional<DecisionProblem> check_decisions(const Json& decisions);

// `input` is the RespondDecisionTaskCompleted input; `e` has a started decision task.
void apply_decisions(Store& store, Execution& e, double now, const Json& input);

}  // namespace conform::emulator::swf
