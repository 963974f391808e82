// Writes every report format of a run into one directory: junit.xml, summary.json, report.html,
// report.sarif (case files are written by the runner, under cases/).
//
// Promises: creates the directory; returns the file names written (relative to the directory) and
// reports each file that could not be written in `errors`; never throws. default_report_dir() is
// reports/<UTC timestamp>/ (a suffix -2, -3, ... when it exists already).
#pragma once

#include <string>
#include <vector>

#include "harness/report/model/run_report.h"

namespace conform::report {

std::vector<std::string> write_reports(const RunReport& report, const std::string& dir, std::vector<std::string>* errors);
std::string default_report_dir(const std::string& root = "reports");

}  // namespace conform::report
