// The run report: everything a conformance run found, as plain data shared by the runner (which fills
// it) and the report writers (JUnit, JSON, HTML, SARIF, text) and `conform baseline`.
//
// Promises: the matrix is complete: one CellResult per operation x check of the run, in the order of
// `operations` and `checks`, each with exactly one status. to_json() emits the stable schema described
// in harness/report/summary.schema.json ("schema": "conform-run-report/1"); run_report_from_json()
// reads it back (never throws; nullopt with a reason on anything malformed).
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace conform::report {

using Json = nlohmann::ordered_json;

inline constexpr const char* kRunReportSchema = "conform-run-report/1";

// One cell of the operation x check matrix. Accepted: every failure found is in the baseline.
// NotImplemented: the target answered the operation as an unknown one (runner/implementation_probe.h):
// nothing was tested, so it is neither a pass nor a failure.
enum class CellStatus { Pass, Accepted, Unconfirmed, Violation, NotRun, NotApplicable, NotImplemented };
inline constexpr int kCellStatusCount = 7;
// "pass" "accepted" "unconfirmed" "violation" "not-run" "n/a" "not-implemented"
const char* to_string(CellStatus s);
std::optional<CellStatus> cell_status_from_string(const std::string& s);

struct CellResult {
  std::string operation, check;
  CellStatus status = CellStatus::NotRun;
  int cases = 0;         // cases run (not counting not-run ones)
  int passed = 0;        // cases without any failing finding
  int violations = 0;    // cases with a violation not in the baseline
  int unconfirmed = 0;   // cases with an unconfirmed finding (and no violation) not in the baseline
  int accepted = 0;      // cases whose failures are all in the baseline
  int not_run = 0;       // cases whose fixture or operation was unavailable
  std::string reason;    // why not run / not applicable
  double duration_ms = 0;
  std::vector<std::string> fingerprints;  // distinct failing fingerprints, sorted
};

// One distinct failure (all the cases with the same fingerprint).
struct FailureRecord {
  std::string fingerprint, operation, check, rule, facet;
  std::string verdict;     // "violation" | "unconfirmed"
  std::string provenance;  // of the expectation: model, documented, measured, emulator, inferred
  std::string expected, observed, message;
  int occurrences = 0;     // failing cases with this fingerprint
  bool accepted = false;   // listed in the baseline: reported, not failing
  int example = -1;        // example index of the saved case
  bool shrunk = false;
  int shrink_steps = 0;
  std::string case_file;   // relative to the report directory; "" when not saved
  std::string replay_command, curl_command;
  // For root-cause grouping (root_cause.h): what the case set up, which operation's behaviour deviates,
  // which close came first (closed situations), the tier, and the case-independent signature.
  std::string situation, blamed, closed_by;
  std::string tier = "contract";  // "contract" | "fidelity"
  std::string signature;
  std::string finding;     // fingerprint of the headline finding it is a symptom of
};

// One deviation, the headline a person reads: a root cause with its symptoms (report/model/root_cause.h).
struct HeadlineFinding {
  std::string fingerprint;               // stable across seeds (a hash of the cause)
  std::string cause;                     // "close-without-effect" | "across-operations" | "operation"
  std::string title;                     // plain words
  std::string operation;                 // the operation blamed (the first of several)
  std::vector<std::string> operations;   // every operation blamed by a symptom, sorted
  std::string tier = "contract";         // "contract" | "fidelity"
  std::string verdict;                   // worst of its symptoms: "violation" | "unconfirmed"
  std::string provenance;                // of the minimal symptom's expectation
  std::vector<std::string> symptoms;     // failure fingerprints, in report order
  int occurrences = 0;                   // failing cases over every symptom
  bool accepted = false;                 // listed in the baseline, or every symptom is
  std::string minimal;                   // fingerprint of the symptom to reproduce first
  std::string replay_command, curl_command, case_file;  // of the minimal symptom
};

// How much of one service the target implements (every planned operation of it was asked once).
struct ServiceCoverage {
  std::string service;
  int operations = 0;                        // planned operations of the service
  int implemented = 0;
  std::vector<std::string> not_implemented;  // op ids, in plan order
  std::map<std::string, std::string> evidence;  // op id -> what the target answered
};

struct RunReport {
  std::string tool = "conform";
  std::string version = "0.1.0";
  std::string started_at, finished_at;  // ISO 8601 UTC
  double duration_s = 0;
  std::string target;                   // URL the run talked to
  bool embedded = false;                // the embedded reference emulator
  std::vector<std::string> faults;      // planted in the embedded emulator
  uint64_t seed = 0;
  std::string run_id;                   // ${run} prefix of resource names
  int examples = 0, jobs = 1;
  int shard_index = 1, shard_count = 1;
  bool strict = false;
  std::string region;
  std::string baseline_file;
  std::vector<std::string> operations, checks;  // matrix axes
  std::map<std::string, std::string> operation_files;  // op id -> spec file (relative to specs/)
  std::map<std::string, std::string> check_descriptions;
  std::vector<CellResult> cells;        // operations x checks, row-major
  std::vector<HeadlineFinding> findings;  // root causes, most symptoms first (root_cause.h)
  std::vector<FailureRecord> failures;  // symptoms, in the order first found (plan order)
  std::vector<std::string> cleanup_failures;
  std::vector<ServiceCoverage> coverage;  // per service, in service order; empty when not probed
  bool require_all = false;             // --require-all: a not-implemented operation fails the run
  uint64_t requests = 0;
  bool interrupted = false;
  int exit_code = 0;
  std::string exit_reason;              // one line: why this exit code
  std::string error;                    // usage / spec / unreachable message, if any

  const CellResult* cell(const std::string& operation, const std::string& check) const;
  // Counts of cells by status, and of distinct failures by kind.
  int count_cells(CellStatus s) const;
  // Contract-tier symptoms only (fidelity ones are counted by count_fidelity).
  int count_failures(const std::string& verdict, bool accepted) const;
  int count_fidelity(bool accepted) const;
  // Headline findings by tier and verdict ("" = any verdict), not accepted.
  int count_findings(const std::string& tier, const std::string& verdict) const;
  int count_not_implemented_operations() const;
};

Json to_json(const RunReport& report);
std::optional<RunReport> run_report_from_json(const Json& doc, std::string* error = nullptr);

// Dumps JSON without ever throwing on invalid UTF-8 (replaced by U+FFFD).
std::string dump_json(const Json& doc, int indent = 2);

}  // namespace conform::report
