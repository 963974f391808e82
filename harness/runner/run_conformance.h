// The conformance run: plan the work units, run each check case against the target on --jobs worker
// threads, shrink each distinct failure to a minimal case, clean up fixtures, and return the report.
// This is the library entry point behind `conform run` (and the benchmarks).
//
// Promises: never throws. Results depend only on the options, not on scheduling: each unit's input is
// generated from its own seed, and each distinct failure keeps the case of its lowest ordinal. With
// --jobs 1 and the same seed, a fresh target sees the same request stream. Fixtures acquired are
// released at the end, also after Ctrl-C (handle_sigint) or `stop`. Nothing is written to disk here:
// see write_case_files (case_file.h) and the report writers (harness/report). Safety (safety.h): a
// non-loopback target is refused (exit 2) without allow_remote or when a fixture names resources
// without the run prefix; such a run and every dry run print the plan first; a dry run sends nothing
// (not even the reachability probe) and returns exit 0 with `dry_run` set. With real credentials the
// outcome is scrubbed of them, and with redact_sensitive of @sensitive values (outcome_redaction.h).
#pragma once

#include "harness/runner/run_options.h"

namespace conform::runner {

RunOutcome run_conformance(const RunOptions& options);

// Computes the exit code and its one-line reason from a filled report.
int exit_code_for(const report::RunReport& report, bool stopped, size_t units_planned, size_t units_run,
                  std::string* reason);

}  // namespace conform::runner
