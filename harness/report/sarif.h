// SARIF 2.1.0 for code-scanning UIs: one rule per check, one result per distinct failure, located at
// the spec file of the operation, with the fingerprint as a partial fingerprint so repeats group.
//
// Promises: valid JSON; levels: violation "error", unconfirmed "warning", accepted "note".
#pragma once

#include "harness/report/model/run_report.h"

namespace conform::report {

Json sarif_log(const RunReport& report);

}  // namespace conform::report
