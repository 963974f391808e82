#include "emulator/core/faults.h"

namespace conform::emulator {

const std::vector<FaultInfo>& all_faults() {
  static const std::vector<FaultInfo> faults = {
      {Fault::LengthMaxNotEnforced, "length-max-not-enforced",
       "string members longer than their maximum length are accepted instead of a ValidationException"},
      {Fault::RequiredNotEnforced, "required-not-enforced",
       "a missing required member is accepted instead of a ValidationException"},
      {Fault::LengthCountedInBytes, "length-counted-in-bytes",
       "string lengths are counted in UTF-8 bytes instead of Unicode code points"},
      {Fault::SensitiveValueEchoed, "sensitive-value-echoed",
       "validation messages echo the value of @sensitive members"},
      {Fault::SfnClosedTokenAccepted, "sfn-closed-token-accepted",
       "SendTaskSuccess/Failure/Heartbeat on a closed task token answer 200 instead of TaskTimedOut"},
      {Fault::SfnInvalidTokenAccepted, "sfn-invalid-token-accepted",
       "Step Functions task operations answer 200 to a malformed task token instead of InvalidToken"},
      {Fault::SfnWrongErrorIdentity, "sfn-wrong-error-identity",
       "a closed Step Functions task token is answered with TaskDoesNotExist instead of TaskTimedOut"},
      {Fault::ServerErrorOnMalformedJson, "server-error-on-malformed-json",
       "a malformed JSON body gets HTTP 500 instead of a 400 SerializationException"},
      {Fault::SfnStopMissingStopDate, "sfn-stop-missing-stop-date",
       "StopExecution's response omits the required stopDate member"},
      {Fault::SfnStopNoStateChange, "sfn-stop-no-state-change",
       "StopExecution answers 200 but the execution stays RUNNING"},
      {Fault::SfnCloseNotAtomic, "sfn-close-not-atomic",
       "concurrent closes of one Step Functions task token can all succeed"},
      {Fault::SfnTimeoutNotEnforced, "sfn-timeout-not-enforced",
       "Step Functions task timeouts (TimeoutSeconds, HeartbeatSeconds) never fire"},
      {Fault::SwfClosedTaskAccepted, "swf-closed-task-accepted",
       "SWF activity task operations on a closed task answer 200 instead of UnknownResourceFault"},
      {Fault::SwfHistoryMissingReason, "swf-history-missing-reason",
       "the ActivityTaskFailed history event omits reason and details"},
      {Fault::SwfHeartbeatMissingCancelRequested, "swf-heartbeat-missing-cancel-requested",
       "RecordActivityTaskHeartbeat's response omits the required cancelRequested member"},
      {Fault::SwfPaginationNeverEnds, "swf-pagination-never-ends",
       "SWF list operations hand out a nextPageToken on the last page too, leading back to the first page"},
      {Fault::SwfDescribeTypeIgnoresDeprecation, "swf-describe-type-ignores-deprecation",
       "DescribeActivityType/DescribeWorkflowType report a deprecated type as REGISTERED"},
      {Fault::DurableArnPatternNotEnforced, "durable-arn-pattern-not-enforced",
       "StopDurableExecution does not check the durable execution ARN pattern (404 instead of 400 ValidationException)"},
      {Fault::RestJsonNotFoundAs400, "restjson-not-found-as-400",
       "Lambda's ResourceNotFoundException is sent with HTTP 400 instead of 404"},
      {Fault::DurableStopNoStateChange, "durable-stop-no-state-change",
       "StopDurableExecution answers 200 but the execution stays RUNNING"},
      {Fault::SfnListIgnoresMaxResults, "sfn-list-ignores-max-results",
       "ListActivities, ListStateMachines and ListExecutions answer every item in one page whatever maxResults says"},
      {Fault::SfnDescribeUnknown500, "sfn-describe-unknown-500",
       "DescribeActivity and DescribeStateMachine answer 500 InternalFailure instead of ActivityDoesNotExist / StateMachineDoesNotExist for a well-formed ARN naming no resource"},
      {Fault::LambdaDeleteLeavesReadable, "lambda-delete-leaves-readable",
       "DeleteFunction answers 204 but the function stays (GetFunction still returns it)"},
      {Fault::LambdaListIgnoresMaxItems, "lambda-list-ignores-max-items",
       "ListFunctions and ListDurableExecutionsByFunction return every item in one page whatever MaxItems says"},
      {Fault::ErrorNamespaceDropped, "error-namespace-dropped",
       "awsJson1_0 errors carry the bare code in __type (TaskTimedOut) instead of namespace#Code; SDKs parse the same code",
       true},
  };
  return faults;
}

std::optional<Fault> fault_from_name(std::string_view name) {
  for (const auto& f : all_faults())
    if (f.name == name) return f.fault;
  return std::nullopt;
}

std::string_view fault_name(Fault f) {
  for (const auto& i : all_faults())
    if (i.fault == f) return i.name;
  return "unknown";
}

}  // namespace conform::emulator
