// JUnit XML for CI systems: one <testsuite> per operation, one <testcase> per operation x check.
//
// Promises: well-formed XML (UTF-8, everything escaped, invalid bytes replaced). A violation (or an
// unconfirmed finding under --strict) not in the baseline is a <failure> naming each distinct failure,
// its expected and observed answers and its replay command; not run and not applicable are <skipped>
// with the reason; accepted and unconfirmed findings are noted in <system-out> of a passing testcase.
#pragma once

#include <string>

#include "harness/report/model/run_report.h"

namespace conform::report {

std::string junit_xml(const RunReport& report);

}  // namespace conform::report
