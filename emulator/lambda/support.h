// Small pieces every Lambda handler uses: reading members of a validated input, and the errors Lambda
// answers in many operations (with {"Type":"User"} as real Lambda sends for client errors).
//
// Promises: never throw; a member that is absent or of another type reads as empty / nullopt.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "emulator/core/backend.h"

namespace conform::emulator::lambda {

std::string string_member(const Json& input, const char* name);
std::optional<int64_t> integer_member(const Json& input, const char* name);
std::optional<bool> bool_member(const Json& input, const char* name);

// 204 with no body (restJson1 operations whose model says responseCode 204).
Outcome no_content();
// 400 InvalidParameterValueException {"Type":"User","message":...}.
Outcome invalid_parameter(const std::string& message);
// 404 ResourceNotFoundException "Function not found: <arn>[:<qualifier>]" (measured wording).
Outcome function_not_found(const Call& call, const std::string& name, const std::string& qualifier = "");
// 412 PreconditionFailedException for a RevisionId that is not the current one.
Outcome revision_mismatch();
// 404 ResourceNotFoundException with another message.
Outcome resource_not_found(const std::string& message);
// 404 ResourceNotFoundException for a durable execution ARN (emulator wording).
Outcome execution_not_found(const std::string& arn);

}  // namespace conform::emulator::lambda
