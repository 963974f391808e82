// The Step Functions errors the backend answers, with AWS's message wording
// (`<Words Of Name>: '<detail>'`, see shared/reference/aws-operations.md §2.1).
//
// Promises: each function returns an Outcome::error naming an error the specs declare, with the
// message the specs document for it.
#pragma once

#include <string>

#include "emulator/core/backend.h"

namespace conform::emulator::sfn {

Outcome invalid_arn(const std::string& message);  // message from check_arn()
Outcome invalid_name(const std::string& name);
Outcome invalid_definition(const std::string& message);  // message from parse_definition()
Outcome invalid_execution_input(const std::string& input);
Outcome invalid_output(const std::string& output);
Outcome activity_does_not_exist(const std::string& arn);
Outcome state_machine_does_not_exist(const std::string& arn);
Outcome state_machine_already_exists(const std::string& arn);
Outcome execution_does_not_exist(const std::string& arn);
Outcome execution_already_exists(const std::string& arn);
Outcome state_machine_type_not_supported(const std::string& arn);
Outcome missing_required_parameter(const std::string& message);  // as emulators word it, not `Words: '...'`
Outcome resource_not_found(const std::string& arn);  // with resourceName
Outcome too_many_tags(const std::string& arn);       // with resourceName
Outcome service_validation(const std::string& message);  // the service's own ValidationException
Outcome invalid_token();  // task tokens and page tokens alike
Outcome task_timed_out();
Outcome task_does_not_exist();
Outcome internal_failure();  // planted faults only: a 500

}  // namespace conform::emulator::sfn
