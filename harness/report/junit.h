// JUnit XML for CI systems: one <testsuite> per operation, one <testcase> per operation x check.
//
// Promises: well-formed XML (UTF-8, everything escaped, invalid bytes replaced). Each headline finding
// (report/model/root_cause.h) that fails the run and has a symptom in a cell is one <failure> of that
// testcase, its message the finding's title, its body the cell's symptoms with expected and observed
// answers and the replay command of the minimal symptom. A contract violation fails; an unconfirmed or
// fidelity finding only under --strict; findings the baseline accepts never do. Not run and not
// applicable are <skipped> with the reason; the rest is noted in <system-out> of a passing testcase.
#pragma once

#include <string>

#include "harness/report/model/run_report.h"

namespace conform::report {

std::string junit_xml(const RunReport& report);

}  // namespace conform::report
