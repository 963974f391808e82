// Which operations the target implements at all, asked once per operation before any case runs.
//
// An operation is "not implemented" when the target answers it as an unknown operation
// (protocol/unknown_operation.h). The probe is one request per operation: `{}` for awsJson1_0 (the
// service resolves the operation before it validates the input), and for restJson1
// the operation's method and URI with every label filled by "<run id>-never-created" (a name no resource
// of the account has: a DELETE or an invocation finds nothing). Any other answer, and any
// transport failure (judged later by the checks), counts as implemented.
//
// Promises: never throws; one entry per operation of the plan, in plan order; the exchanges go through
// the caller (purpose "probe"), so they are counted and recorded like every other request.
#pragma once

#include <string>
#include <vector>

#include "harness/protocol/codec.h"
#include "harness/report/model/run_report.h"
#include "harness/runner/plan.h"
#include "harness/transport/caller.h"

namespace conform::runner {

struct OperationSupport {
  bool implemented = true;
  std::string evidence;  // for not implemented: what the target answered, e.g. "400 UnknownOperationException"
};

std::vector<OperationSupport> probe_operation_support(const Plan& plan, const spec::SpecSet& specs,
                                                      transport::Caller& caller, const std::string& run_id);

// Per service, in plan order: how many of its planned operations the target implements.
std::vector<report::ServiceCoverage> coverage_of(const Plan& plan, const std::vector<OperationSupport>& support);

// Probes, marks every cell of an operation the target lacks not implemented (its units leave the plan:
// mark_not_implemented), and returns the coverage for the report. `conform run` and `conform fuzz`
// both start with it.
std::vector<report::ServiceCoverage> probe_and_mark_support(Plan& plan, const spec::SpecSet& specs,
                                                            transport::Caller& caller, const std::string& run_id);

}  // namespace conform::runner
