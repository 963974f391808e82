// The HTML report: one self-contained page (no scripts, no external resources) with the run's
// identity, the operation x check matrix (green pass, red violation, grey unconfirmed, white not run,
// "n/a" not applicable, amber accepted by the baseline) and every distinct failure with its expected
// and observed answers, provenance, replay command and curl command.
//
// Promises: everything from the target or the specs is HTML-escaped; invalid UTF-8 is replaced.
#pragma once

#include <string>

#include "harness/report/model/run_report.h"

namespace conform::report {

std::string html_report(const RunReport& report);

}  // namespace conform::report
