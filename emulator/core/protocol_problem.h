// A request the core rejects before any backend sees it: which protocol situation it is (the same
// vocabulary as the specs' protocol rules), on which service and operation if known, and a detail
// sentence for the message.
//
// Promises: plain data; `service` / `op` point into the SpecSet the core was built with (or are null
// when the request could not be attributed).
#pragma once

#include <optional>
#include <string>

#include "harness/spec/model.h"

namespace conform::emulator {

struct ProtocolProblem {
  spec::Situation situation = spec::Situation::UnknownOperation;
  const spec::Service* service = nullptr;
  const spec::Operation* op = nullptr;
  std::optional<std::string> member;  // WrongType: the top-level member concerned
  std::string detail;                 // human-readable cause, used when the spec fixes no message
};

}  // namespace conform::emulator
