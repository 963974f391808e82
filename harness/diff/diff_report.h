// Reports of a differential run, in the formats of `conform run`: the DiffResult becomes a RunReport
// (operations x checks matrix; each cell counts compared exchanges as cases, identical ones as passed,
// differing ones as violations; each distinct difference is one failure with rule "parity", facet =
// the difference kind, expected = reference answer, observed = other target), so junit.xml,
// summary.json, report.html and report.sarif are written by the usual writers; diff.json adds every
// difference and the parity per cell. The text summary lists parity per operation and check.
//
// Differences have tiers (Difference::fidelity): a fidelity difference (the raw spelling of an error the
// SDKs parse alike, message wording, the content type) counts in parity and is listed in its own
// section, but fails the run only with --strict; its cell is not a violation.
//
// Promises: never throws; write_diff_reports creates the directory and reports files it could not
// write in `errors`. exit code: 0 when no unaccepted contract difference (with `strict`: no unaccepted
// difference at all), 1 otherwise.
#pragma once

#include <string>
#include <vector>

#include "harness/diff/compare.h"
#include "harness/report/model/run_report.h"

namespace conform::diff {

struct DiffMeta {
  std::string reference, other;  // descriptions of the two sides (recorded / live)
  uint64_t seed = 0;
  std::string region, run_id, started_at;
  double duration_s = 0;
  int examples = 0;
  bool strict = false;           // fidelity differences fail the run too
};

int diff_exit_code(const DiffResult& result, bool strict);
report::RunReport diff_run_report(const DiffResult& result, const DiffMeta& meta);
Json diff_json(const DiffResult& result, const DiffMeta& meta);
std::vector<std::string> write_diff_reports(const DiffResult& result, const DiffMeta& meta, const std::string& dir,
                                            std::vector<std::string>* errors);
std::string diff_summary(const DiffResult& result, const DiffMeta& meta, int max_listed = 20);

}  // namespace conform::diff
