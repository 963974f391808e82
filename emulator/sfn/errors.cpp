// Error outcomes with AWS's messages (see errors.h).
#include "emulator/sfn/errors.h"

namespace conform::emulator::sfn {
namespace {

Outcome named(const char* name, const char* words, const std::string& detail) {
  return Outcome::error(name, std::string(words) + ": '" + detail + "'");
}

}  // namespace

Outcome invalid_arn(const std::string& message) { return Outcome::error("InvalidArn", message); }
Outcome invalid_name(const std::string& name) { return named("InvalidName", "Invalid Name", name); }
Outcome invalid_definition(const std::string& message) {
  return Outcome::error("InvalidDefinition", message);
}
Outcome invalid_execution_input(const std::string& input) {
  return named("InvalidExecutionInput", "Invalid Execution Input", input);
}
Outcome invalid_output(const std::string& output) {
  return named("InvalidOutput", "Invalid Output", output);
}
Outcome activity_does_not_exist(const std::string& arn) {
  return named("ActivityDoesNotExist", "Activity Does Not Exist", arn);
}
Outcome state_machine_does_not_exist(const std::string& arn) {
  return named("StateMachineDoesNotExist", "State Machine Does Not Exist", arn);
}
Outcome state_machine_already_exists(const std::string& arn) {
  return named("StateMachineAlreadyExists", "State Machine Already Exists", arn);
}
Outcome execution_does_not_exist(const std::string& arn) {
  return named("ExecutionDoesNotExist", "Execution Does Not Exist", arn);
}
Outcome execution_already_exists(const std::string& arn) {
  return named("ExecutionAlreadyExists", "Execution Already Exists", arn);
}
Outcome state_machine_type_not_supported(const std::string& arn) {
  return named("StateMachineTypeNotSupported", "State Machine Type Not Supported",
               "This operation is not supported by EXPRESS state machines: " + arn);
}
Outcome missing_required_parameter(const std::string& message) {
  return Outcome::error("MissingRequiredParameter", message);
}
Outcome resource_not_found(const std::string& arn) {
  Outcome o = named("ResourceNotFound", "Resource Not Found", arn);
  o.error_extra = {{"resourceName", arn}};
  return o;
}
Outcome too_many_tags(const std::string& arn) {
  Outcome o = named("TooManyTags", "Too Many Tags", arn);
  o.error_extra = {{"resourceName", arn}};
  return o;
}
Outcome service_validation(const std::string& message) { return Outcome::error("ValidationException", message); }
Outcome invalid_token() { return named("InvalidToken", "Invalid Token", "Invalid token"); }
Outcome task_timed_out() {
  return named("TaskTimedOut", "Task Timed Out", "Provided task does not exist anymore");
}
Outcome task_does_not_exist() {
  return named("TaskDoesNotExist", "Task Does Not Exist", "Provided task does not exist");
}

Outcome internal_failure() { return Outcome::error("InternalFailure", "Internal Failure"); }

}  // namespace conform::emulator::sfn
