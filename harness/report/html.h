// The HTML report: one self-contained page (no scripts, no external resources) with the run's
// identity; the headline findings first (one table row per root cause: verdict, title, operation,
// the cells (operation x check) it showed in, each linked to the matrix, provenance, symptom count,
// the minimal symptom's replay and curl commands, and its symptoms in a collapsed <details>), contract
// then fidelity; then the operation x check matrix, operations with findings first (green pass, red
// violation, grey unconfirmed, white not run, "n/a" not applicable, indigo not implemented, amber
// accepted by the baseline; each failing cell links its findings); then what the target implements.
//
// Promises: everything from the target or the specs is HTML-escaped; invalid UTF-8 is replaced.
#pragma once

#include <string>

#include "harness/report/model/run_report.h"

namespace conform::report {

std::string html_report(const RunReport& report);

}  // namespace conform::report
