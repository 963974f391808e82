// The human summary printed at the end of `conform run`: per operation, each check's verdict and
// counts; then the distinct failures with their replay commands; the totals, the exit code and its
// reason, and where the reports are.
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
