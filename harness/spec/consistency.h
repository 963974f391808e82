// Checking one service's specs against themselves, after every file was read.
//
// Promises: never throws. Reports, at the pointer of the offending value in the file that holds it:
// operation files whose "service" differs from their folder's service.json; duplicate operation,
// error and rule names; protocol bindings (awsJson1_0: no uri/header/query/payload members, POST /;
// restJson1: every {Label} of the uri is a required `uri` member and vice versa, at most one payload);
// rules naming members that do not exist, errors neither the operation nor the service's commonErrors
// declare, situations whose needs are not met (member/value, lifecycle, timedOutFixture), protocol
// situations outside protocolRules; lifecycles naming missing fixtures or read-back operations;
// fixture steps naming missing operations or input keys; every ${var} not available where it is used
// (builtins; variables captured by earlier steps of the same fixture; for a lifecycle's bind,
// readBack, assertions and rule values: the variables its fixture provides; for its clean-up steps also
// what `produces` captures); lifecycle `omit` names and `pagination` members that do not exist.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "harness/spec/loader.h"
#include "harness/spec/model.h"

namespace conform::spec {

// `unreadable` names operations whose files exist but could not be read (their errors are already
// reported): references to them are not reported again.
void check_service(const Service& service, const std::vector<const Operation*>& operations,
                   const std::set<std::string>& unreadable, std::vector<SpecError>& errors);

}  // namespace conform::spec
