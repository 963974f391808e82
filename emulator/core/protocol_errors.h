// What the core answers to a ProtocolProblem: the error name, status and message the service's specs
// prescribe (operation rules for wrong-type, then the service's protocolRules), else Coral's defaults:
// wrong types, unencoded labels and target-case mismatches fall back to the service's rule for
// malformed JSON / unknown operations; then SerializationException 400 for malformed JSON, a
// non-object body and wrong types; UnsupportedMediaTypeException 415 for a restJson1 body that is not
// JSON; UnknownOperationException for the rest (400 awsJson1_0, 404 restJson1).
//
// Promises: never throws; the answer is always a 4xx.
#pragma once

#include <optional>
#include <string>

#include "emulator/core/protocol_problem.h"

namespace conform::emulator {

struct ErrorAnswer {
  std::string name;
  std::optional<int> status;  // nullopt: the status of the error's spec
  std::string message;
};

ErrorAnswer answer_for(const ProtocolProblem& problem);

}  // namespace conform::emulator
