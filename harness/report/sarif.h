// SARIF 2.1.0 for code-scanning UIs: one rule per check, one result per headline finding (one per root
// cause, its symptoms in the result's properties), located at the spec file of the blamed operation,
// with the finding's fingerprint as a partial fingerprint so repeats group.
//
// Promises: valid JSON; levels: violation "error", unconfirmed "warning", fidelity and accepted "note".
#pragma once

#include "harness/report/model/run_report.h"

namespace conform::report {

Json sarif_log(const RunReport& report);

}  // namespace conform::report
