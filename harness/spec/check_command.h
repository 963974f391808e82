// `conform specs check [DIR]`: validate a spec directory and list its operations.
//
// Promises: never throws. Loads DIR (or the built-in specs when no DIR is given) and either prints
// every error to `err`, one "file: /pointer: message" line each, and returns 2, or prints a table of
// the operations (service, operation, role, protocol, rule count, lifecycle fixture) to `out` and
// returns 0.
#pragma once

#include <optional>
#include <ostream>
#include <string>

namespace conform::spec {

int run_specs_check(const std::optional<std::string>& dir, std::ostream& out, std::ostream& err);

}  // namespace conform::spec
