// The expected answer to a single-constraint violation case (gen/violation.h): the operation's rule
// for that situation and member when there is one, else the service's validation style (its error,
// status, header + the constraint's template, ".sensitive" form for @sensitive members).
//
// Promises: never throws; `vars` carry the probe facts the template uses (value, path as the service
// prints it, min, max, pattern, count); ${enum} is left unresolved on purpose (services print the set in
// their own order), so it matches any text.
#pragma once

#include <string>

#include "harness/oracle/expectation.h"

namespace conform::oracle {

struct ViolationExpected {
  std::string rule;                 // spec rule id, or "<situation>:<path>"
  Expected expected;
  bool from_rule = false;
  bool known = true;                // false: neither a rule nor a validation template applies (wrong-type)
  fixture::Variables vars;
};

ViolationExpected expect_for_violation(const Scope& scope, const Json& violation_case, fixture::Variables base);

}  // namespace conform::oracle
