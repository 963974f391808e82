// The conformance run: plan the work units, run each check case against the target on --jobs worker
// threads, shrink each distinct failure to a minimal case, clean up fixtures, and return the report.
// This is the library entry point behind `conform run` (and the benchmarks).
//
// Promises: never throws. Results depend only on the options, not on scheduling: each unit's input is
// generated from its own seed, and each distinct failure keeps the case of its lowest ordinal. With
// --jobs 1 and the same seed, a fresh target sees the same request stream. Fixtures acquired are
// released at the end, also after Ctrl-C (handle_sigint) or `stop`. Nothing is written to disk here:
// see write_case_files (case_file.h) and the report writers (harness/report).
#pragma once

#include "harness/runner/run_options.h"

namespace conform::runner {

RunOutcome run_conformance(const RunOptions& options);

// Computes the exit code and its one-line reason from a filled report.
int exit_code_for(const report::RunReport& report, bool stopped, size_t units_planned, size_t units_run,
                  std::string* reason);

}  // namespace conform::runner
