// `conform fuzz`: a black-box fuzz campaign against a target (default: the embedded reference emulator,
// faults plantable), judged by the same checks as `conform run`. Built on the runner's pieces: the plan
// (operations x checks), the case runner, the check registry, the aggregator (distinct failures by
// fingerprint), shrinking and the replayable case files. Work comes from an endless stream (work_stream.h)
// of fresh cases and mutations of earlier ones, on --jobs workers, until --runs executions or --time
// seconds, Ctrl-C or `stop`.
//
// Promises: never throws. Returns a RunOutcome like run_conformance, so the same report writers and
// write_case_files apply and `conform replay` accepts every saved case: each distinct failure keeps its
// earliest case; generated ones are shrunk (not after an interruption), mutated ones are saved as found.
// Exit codes as `conform run`: 0 none, 1 violations, 2 usage, 3 unreachable / nothing could run, 130
// interrupted with no violation. A status line (executions, requests/s, distinct failures, corpus) goes
// to `status` every `status_interval_s` and when a new distinct failure appears. Fixtures are released.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>

#include "harness/runner/run_options.h"

namespace conform::campaign {

struct CampaignOptions {
  // target, specs, ops, seed, jobs, region, faults, credentials, embedded, stop, handle_sigint,
  // shrink_budget, baseline, strict, on_exchange are used as by run_conformance; examples/shard are not.
  runner::RunOptions run;
  uint64_t max_runs = 0;            // executions (cases); 0: no limit
  double max_seconds = 0;           // wall time; 0: no limit
  bool stop_on_failure = false;     // stop at the first failure that fails the campaign (like libFuzzer)
  int mutate_percent = 40;          // share of executions that mutate an earlier case
  size_t corpus_per_cell = 32;
  std::ostream* status = nullptr;   // status lines; none = silent
  double status_interval_s = 5;
};

struct CampaignOutcome {
  runner::RunOutcome run;           // report, cases, requests, elapsed_s, first_failure_s
  uint64_t executions = 0, mutated = 0;
  size_t corpus = 0;
};

CampaignOutcome run_campaign(const CampaignOptions& options);

}  // namespace conform::campaign
