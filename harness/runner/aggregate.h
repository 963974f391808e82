// Collects finished work units into the run report: distinct failures (symptoms) grouped by fingerprint,
// headline findings grouped by root cause (report/model/root_cause.h), per-cell counts and statuses,
// and the progress of each operation.
//
// Promises: thread-safe; the result does not depend on the order units finish in: a failure's saved
// case is always the one of the lowest ordinal, statuses and counts are sums. A case is failing when
// it has a contract-tier Violation or Unconfirmed finding (fidelity findings are reported, never fail a
// cell); a failure is accepted (reported, not failing) when the baseline lists its fingerprint or the
// fingerprint of its headline finding. Only the first case of each fingerprint is kept in memory.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "harness/report/model/baseline.h"
#include "harness/runner/plan.h"
#include "harness/runner/run_options.h"

namespace conform::runner {

struct OpProgress {
  std::string operation;
  int units_done = 0, units_total = 0;
  int checks_done = 0, checks_total = 0;
  int failing_cases = 0, not_run = 0;
  bool finished() const { return units_done >= units_total; }
};

// The first failing case of a fingerprint.
struct FirstFailure {
  std::string fingerprint;
  WorkUnit unit;
  oracle::Finding finding;
  oracle::CaseResult result;
  int occurrences = 0;
};

// Groups findings into distinct failures: the status, error and message facets of one rule's answer share
// a fingerprint (per verdict); every other facet is keyed by (operation, check, rule, facet, expected).
std::string finding_fingerprint(const oracle::Finding& f, const std::string& operation, const std::string& check);
bool is_failing(const oracle::Finding& f);
// "pass" "not-run" "unconfirmed" "violation" (the report's spelling).
const char* verdict_name(oracle::Verdict v);

class Aggregator {
 public:
  Aggregator(const Plan& plan, const report::Baseline* baseline, bool keep_units);

  // Records a finished unit. Returns the progress of the unit's operation after it.
  OpProgress add(const WorkUnit& unit, oracle::CaseResult result, double duration_ms);
  // Distinct failures in order of their first ordinal.
  std::vector<FirstFailure> first_failures() const;
  OpProgress progress(size_t op_index) const;
  size_t units_done() const;
  bool any_failure() const;

  // Fills the matrix, the failure list (without case files) and unit summaries. `stopped`: units that
  // did not run were cut off by an interruption.
  void fill(report::RunReport& report, std::vector<UnitSummary>* units, bool stopped) const;

 private:
  struct CellAcc {
    int done = 0;
    size_t not_run_ordinal = SIZE_MAX;
    std::string not_run_reason;
    double duration_ms = 0;
  };
  struct CellCounts {
    int cases = 0, passed = 0, violations = 0, unconfirmed = 0, accepted = 0, not_run = 0;
    std::vector<std::string> fingerprints;
  };
  struct FailingFinding {
    std::string fingerprint;
    oracle::Verdict verdict;
    oracle::Tier tier;
    int exchange_index = -1;  // the answer it judged
  };
  struct UnitOutcome {
    size_t cell = 0, ordinal = 0;
    int example = 0;
    bool not_run = false;
    std::vector<FailingFinding> failing;  // distinct fingerprints of the case
  };
  const Plan& plan_;
  const report::Baseline* baseline_;
  bool keep_units_;
  mutable std::mutex mu_;
  std::vector<CellAcc> cells_;
  std::map<std::string, FirstFailure> failures_;
  std::vector<OpProgress> ops_;
  std::vector<UnitOutcome> outcomes_;
  size_t done_ = 0;
};

}  // namespace conform::runner
