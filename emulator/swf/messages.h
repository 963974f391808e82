// The error names and message texts the SWF emulator answers with, in one place so they follow the
// specs (specs/swf/*.json) exactly.
#pragma once

#include <cstdint>
#include <string>

namespace conform::emulator::swf::msg {

inline constexpr const char* kUnknownResource = "UnknownResourceFault";
inline constexpr const char* kTypeAlreadyExists = "TypeAlreadyExistsFault";
inline constexpr const char* kDomainAlreadyExists = "DomainAlreadyExistsFault";
inline constexpr const char* kDefaultUndefined = "DefaultUndefinedFault";
inline constexpr const char* kAlreadyStarted = "WorkflowExecutionAlreadyStartedFault";
inline constexpr const char* kNotPermitted = "OperationNotPermittedFault";
inline constexpr const char* kValidation = "ValidationException";
inline constexpr const char* kTypeDeprecated = "TypeDeprecatedFault";
inline constexpr const char* kTypeNotDeprecated = "TypeNotDeprecatedFault";
inline constexpr const char* kDomainDeprecated = "DomainDeprecatedFault";
inline constexpr const char* kTooManyTags = "TooManyTagsFault";

inline std::string unknown_domain(const std::string& name) { return "Unknown domain: " + name; }
inline std::string type_text(const char* kind, const std::string& name, const std::string& version) {
  return std::string(kind) + "=[name=" + name + ", version=" + version + "]";
}
inline std::string unknown_type(const char* kind, const std::string& name, const std::string& version) {
  return "Unknown type: " + type_text(kind, name, version);
}
inline std::string unknown_execution(const std::string& workflow_id, const std::string& run_id) {
  return "Unknown execution: WorkflowExecution=[workflowId=" + workflow_id + ", runId=" + run_id + "]";
}
// An execution named by workflowId alone (no runId) that has no open run.
inline std::string unknown_open_execution(const std::string& workflow_id) {
  return "Unknown execution, workflowId = " + workflow_id;
}
// A domain ARN (TagResource, UntagResource, ListTagsForResource) that names no domain.
inline std::string unknown_resource(const std::string& arn) { return "Unknown resource: " + arn; }
inline constexpr const char* kInvalidPageToken = "Invalid nextPageToken";
inline std::string unknown_activity(int64_t scheduled_id) {
  return "Unknown activity, scheduledEventId = " + std::to_string(scheduled_id);
}
inline std::string unknown_decision_task(int64_t scheduled_id) {
  return "Unknown decision task, scheduledEventId = " + std::to_string(scheduled_id);
}
// A token that was never issued by this emulator (well-formed or not).
inline constexpr const char* kUnknownToken = "Unknown or expired task token";
inline constexpr const char* kCloseMustBeLast = "Close must be last decision in list";
inline std::string validation_one(const std::string& violation) {
  return "1 validation error detected: " + violation;
}

}  // namespace conform::emulator::swf::msg
