// The Lambda operations the reference emulator implements, one function each, over a shared State.
// Messages follow real Lambda where recorded ("Function not found: <arn>", "Function already exist:
// <name>"); others are marked as the emulator's own wording where they are written.
//
// Promises: never throw for validated input; thread-safe (all state goes through State).
#pragma once

#include "emulator/core/backend.h"
#include "emulator/lambda/state.h"

namespace conform::emulator::lambda {

// Functions (functions.cpp, function_reads.cpp, update_configuration.cpp).
Outcome create_function(State& state, const Call& call);
Outcome delete_function(State& state, const Call& call);
Outcome get_function(State& state, const Call& call);
Outcome get_function_configuration(State& state, const Call& call);
Outcome list_functions(State& state, const Call& call);
Outcome update_function_configuration(State& state, const Call& call);

// Versions (versions.cpp).
Outcome publish_version(State& state, const Call& call);
Outcome list_versions_by_function(State& state, const Call& call);

// Tags (tags.cpp).
Outcome list_tags(State& state, const Call& call);
Outcome tag_resource(State& state, const Call& call);
Outcome untag_resource(State& state, const Call& call);

// Reserved concurrency and account settings (concurrency.cpp, account_settings.cpp).
Outcome get_function_concurrency(State& state, const Call& call);
Outcome put_function_concurrency(State& state, const Call& call);
Outcome delete_function_concurrency(State& state, const Call& call);
Outcome get_account_settings(State& state, const Call& call);

// Durable executions (invoke.cpp, durable_executions.cpp, durable_listing.cpp, durable_history.cpp).
Outcome invoke(State& state, const Call& call);
Outcome stop_durable_execution(State& state, const Call& call);
Outcome get_durable_execution(State& state, const Call& call);
Outcome list_durable_executions_by_function(State& state, const Call& call);
Outcome get_durable_execution_history(State& state, const Call& call);

}  // namespace conform::emulator::lambda
