// What the visibility operations say about a workflow execution: WorkflowExecutionInfo (lists,
// DescribeWorkflowExecution's executionInfo) and the whole WorkflowExecutionDetail.
//
// Promises: every member the model requires is present; timestamps are epoch seconds as in the
// history; closeTimestamp and closeStatus appear exactly when the execution is closed; the
// configuration is the one the execution started with (its WorkflowExecutionStarted event); open
// counts count the outstanding decision task (0 or 1) and the activity tasks not yet closed.
#pragma once

#include "emulator/swf/records.h"

namespace conform::emulator::swf {

Json execution_info(const Execution& e);
Json execution_detail(const Execution& e);

}  // namespace conform::emulator::swf
