// The human summary printed at the end of `conform run`: first the headline findings (one per root
// cause, report/model/root_cause.h: title, operation, provenance, symptom count, replay and curl of the
// minimal symptom), contract ones then fidelity ones; then the operation x check matrix (one line per
// implemented operation, a letter per check); what the target does not implement; the symptoms under
// each finding (the first few); the totals, the exit code and its reason, and where the reports are.
//
// Promises: plain text, one fact per line, no ANSI codes; never throws.
#pragma once

#include <string>
#include <vector>

#include "harness/report/model/run_report.h"

namespace conform::report {

// "Target implements 14 of 37 stepfunctions operations" per service, with the names of the rest.
std::string coverage_summary(const RunReport& report);

std::string text_summary(const RunReport& report, const std::string& report_dir,
                         const std::vector<std::string>& files_written);

}  // namespace conform::report
