// Which function, and which of its configurations, a request designates: the FunctionName member (a
// name, partial or full ARN, optionally qualified "name:qualifier") and the Qualifier member.
//
// Qualifiers: none (the unqualified function: $LATEST with an unqualified FunctionArn), "$LATEST"
// (FunctionArn ends ":$LATEST"), or a published version number. Errors as Lambda answers them: a
// qualifier in the name that differs from the Qualifier member -> InvalidParameterValueException; an
// ARN of another region or account, an unknown function, or an unknown qualifier (an alias - the
// emulator has none -, a version never published or deleted) -> 404 ResourceNotFoundException
// "Function not found: <arn>".
//
// Promises: never throws; reads the state once (a consistent copy).
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "emulator/lambda/state.h"

namespace conform::emulator::lambda {

struct FunctionTarget {
  Function function;
  std::string qualifier;  // "", "$LATEST" or a version number
  Json configuration;     // the configuration that qualifier designates
};

std::variant<FunctionTarget, Outcome> find_function(const State& state, const Call& call);

// The configuration `qualifier` designates in `f`; nullopt for an unknown qualifier.
std::optional<Json> configuration_of(const Function& f, const std::string& qualifier);

}  // namespace conform::emulator::lambda
