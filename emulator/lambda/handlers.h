// The Lambda operations the reference emulator implements, one function each, over a shared State.
// Messages follow real Lambda where recorded ("Function not found: <arn>", "Function already exist:
// <name>"); others are marked as the emulator's own wording.
//
// Promises: never throw for validated input; thread-safe (all state goes through State).
#pragma once

#include "emulator/core/backend.h"
#include "emulator/lambda/state.h"

namespace conform::emulator::lambda {

Outcome create_function(State& state, const Call& call);
Outcome delete_function(State& state, const Call& call);
Outcome invoke(State& state, const Call& call);
Outcome stop_durable_execution(State& state, const Call& call);
Outcome get_durable_execution(State& state, const Call& call);

// Shared helpers.
std::string string_member(const Json& input, const char* name);
Outcome function_not_found(const Call& call, const std::string& name, const std::string& qualifier = "");

}  // namespace conform::emulator::lambda
