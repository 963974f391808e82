// What a conformance run is asked to do (RunOptions) and what it found (RunOutcome), plus the seam to
// the embedded reference emulator (the runner does not link the emulator itself: the CLI, tests and
// benchmarks pass a factory, see harness/runner/embedded_emulator.h).
//
// Promises: every option has a safe default (built-in specs, every subject operation, every check of
// the registry, 10 examples, 1 job, the whole run, the embedded emulator). Exit codes: 0 no violation;
// 1 violations (or unconfirmed findings with `strict`); 2 usage or spec error; 3 target unreachable or
// no fixture could be set up for anything; 130 interrupted before any violation was found.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "harness/oracle/check.h"
#include "harness/report/model/run_report.h"
#include "harness/runner/shard.h"
#include "harness/spec/model.h"
#include "harness/transport/caller.h"

namespace conform::runner {

enum ExitCode : int { kExitOk = 0, kExitFailures = 1, kExitUsage = 2, kExitUnreachable = 3, kExitInterrupted = 130 };

// A target the run started itself; stopped when destroyed.
class EmbeddedTarget {
 public:
  virtual ~EmbeddedTarget() = default;
  virtual std::string url() const = 0;
  virtual std::string description() const = 0;  // e.g. "embedded reference emulator (faults: x)"
  // Moves the target's clock forward by `seconds` instead of waiting; false when the target cannot.
  virtual bool advance_clock(double seconds) { return false; }
};

struct EmbeddedRequest {
  std::vector<std::string> faults;
  uint64_t seed = 0;
  std::string region = "us-east-1";
};

struct EmbeddedStart {
  std::unique_ptr<EmbeddedTarget> target;
  std::string error;
  bool usage_error = false;  // e.g. an unknown fault name (exit 2), rather than a failure to start (3)
};

using EmbeddedFactory = std::function<EmbeddedStart(const EmbeddedRequest&)>;

// One finished work unit, kept only with RunOptions::keep_unit_results (tests of sharding).
struct UnitSummary {
  size_t ordinal = 0;  // position in the unsharded plan
  std::string operation, check;
  int example = 0;
  std::string outcome;  // "pass" "violation" "unconfirmed" "accepted" "not-run"
  std::vector<std::string> fingerprints;
};

// A distinct failure's saved case (see case_file.h for its file form).
struct CaseRecord {
  std::string fingerprint;
  oracle::Finding finding;
  oracle::CaseResult result;  // case_input, exchanges, findings of the (shrunk) case
  uint64_t run_seed = 0, unit_seed = 0;
  int example = 0, size = 0;
  bool shrunk = false;
  int shrink_steps = 0, shrink_attempts = 0;
  std::string target, region, signing_name, run_id;
  bool embedded = false;
  std::vector<std::string> faults;
};

struct RunOptions {
  std::optional<std::string> target;             // URL; none = start the embedded emulator
  std::optional<std::string> spec_dir;           // none = the built-in specs
  const spec::SpecSet* specs = nullptr;          // overrides spec_dir (tests, benchmarks)
  std::vector<std::string> ops, checks;          // filters (see plan.h); empty = all
  std::optional<uint64_t> seed;                  // none = a fresh seed (printed, in the report)
  int examples = 10;                             // cases per operation x check
  // Cases at work at once, one Caller (connection) each. 0: automatic, 1 for the embedded emulator and
  // kRemoteDefaultJobs for any other target, at most the --rps rate. Every value is capped by
  // max_connections. Cases waiting for time to pass do not count (run_slots.h).
  int jobs = 0;
  int max_connections = 0;                       // 0: kDefaultMaxConnections
  Shard shard;
  std::string region = "us-east-1";
  std::vector<std::string> faults;               // planted in the embedded emulator
  bool strict = false;
  bool require_all = false;                      // an operation the target does not implement fails the run
  std::optional<std::string> baseline_file;
  int shrink_budget = 64;                        // re-runs spent shrinking each distinct failure
  int max_shrunk_failures = 32;                  // distinct failures shrunk (the rest saved as found)
  int concurrency = 4;                           // simultaneous closes for concurrent checks
  transport::Credentials credentials;            // default test/test (local targets)
  std::string credentials_source = "test/test (local default)";  // for the plan; never the secret
  bool sign = true;
  // Safety on a real account (safety.h): a non-loopback target needs allow_remote; such a run first
  // prints its plan to `plan_out` (default: `progress`); dry_run prints the plan and sends nothing.
  bool allow_remote = false;
  bool dry_run = false;
  std::ostream* plan_out = nullptr;
  double max_rps = 0;                            // cap on the request rate of the whole run; 0 = none
  bool redact_sensitive = false;                 // @sensitive member values redacted in report and cases
  const std::vector<oracle::CheckDef>* registry = nullptr;  // none = oracle::registry()
  EmbeddedFactory embedded;                      // required when `target` is empty
  std::function<void(const transport::Exchange&)> on_exchange;  // every exchange (from any worker)
  std::ostream* progress = nullptr;              // progress display; none = silent
  bool progress_tty = false;                     // live lines (ANSI) rather than plain lines
  std::atomic<bool>* stop = nullptr;             // set from outside to stop early
  bool handle_sigint = false;                    // Ctrl-C sets the stop flag during the run
  bool keep_unit_results = false;
};

inline constexpr int kRemoteDefaultJobs = 4;
inline constexpr int kDefaultMaxConnections = 8;
// The cases at work at once for the options (see RunOptions::jobs): `embedded` is the embedded emulator.
int effective_jobs(const RunOptions& options, bool embedded);

struct RunOutcome {
  int exit_code = kExitOk;
  std::string error;                             // usage, spec or target problem (exit 2 or 3)
  report::RunReport report;
  std::vector<CaseRecord> cases;                 // one per distinct failure, in report.failures order
  std::vector<UnitSummary> units;                // with keep_unit_results, in plan order
  uint64_t requests = 0;                         // HTTP exchanges sent (fixtures, probes, shrinking, clean-up)
  uint64_t retries = 0;                          // of those, re-sends after a throttling answer
  bool dry_run = false;                          // the plan was printed and nothing was sent
  std::string plan_text;                         // the plan (dry runs and remote targets)
  size_t units_planned = 0, units_run = 0;
  double elapsed_s = 0, checks_s = 0, shrink_s = 0, cleanup_s = 0;
  double first_failure_s = -1;                   // seconds from start to the first failing case, -1 if none
  int overlapping_waits = 0;                     // the most fixture waits that were in progress at once
};

}  // namespace conform::runner
