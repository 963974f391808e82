// The `conform` commands as plain functions: main.cpp parses flags (CLI11) into these structs and
// dispatches; each function does the work and returns the process exit code.
//
// Promises: never throws; messages go to stderr, results to stdout; exit codes as documented in
// reports/README.md (0 ok, 1 failures, 2 usage or spec error, 3 target unreachable).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace conform::cli {

struct RunArgs {
  std::optional<std::string> target, spec_dir, report_dir, baseline, shard;
  std::vector<std::string> ops, checks, faults;
  std::optional<uint64_t> seed;
  int examples = 10;
  int jobs = 0;                    // 0: automatic (RunOptions::jobs)
  int max_connections = 0;         // 0: RunOptions default
  bool strict = false;
  bool require_all = false;
  std::optional<std::string> region;
  int shrink_budget = 64;
  bool no_progress = false;
  // Real targets (issue 5): see harness/runner/safety.h.
  bool allow_remote = false, dry_run = false, redact_sensitive = false;
  double rps = 0;
  std::string credentials = "auto";  // auto (test/test on loopback, the AWS chain elsewhere) | aws | test
  std::optional<std::string> profile;
};
int run_command(const RunArgs& args);

// `conform fuzz` (harness/campaign/campaign.h): a black-box fuzz campaign judged by the run's checks.
struct FuzzArgs {
  std::optional<std::string> target, spec_dir, report_dir, time, region;
  std::vector<std::string> ops, checks, faults;
  std::optional<uint64_t> seed, runs;
  int jobs = 1;
  int shrink_budget = 32;
  double status_interval = 5;
  bool stop_on_failure = false, strict = false, allow_remote = false;
  double rps = 0;
};
int fuzz_command(const FuzzArgs& args);

struct ReplayArgs {
  std::string case_file;
  std::optional<std::string> target, spec_dir, region;
  std::vector<std::string> faults;
  bool faults_given = false;
  std::optional<std::string> report_dir, normalise;  // cassette replays (harness/cli/diff_command.cpp)
  bool allow_remote = false;                         // cassette replays
  bool strict = false;                               // cassette replays: fidelity differences fail too
};
int replay_command(const ReplayArgs& args);
// `conform replay CASSETTE`: replay_command hands cassettes (recognised by their format) to this.
int cassette_replay_command(const ReplayArgs& args);

// `conform record` and `conform diff` (harness/diff). A target is a URL, `embedded` or
// `embedded:FAULT[,FAULT...]`.
struct RecordArgs {
  std::optional<std::string> target, region, normalise;
  std::string out;
  std::vector<std::string> ops, checks, faults;
  std::optional<uint64_t> seed;
  int examples = 3;
  bool allow_remote = false;
};
int record_command(const RecordArgs& args);

struct DiffArgs {
  std::vector<std::string> targets;  // exactly two: the reference, then the other
  std::optional<std::string> report_dir, normalise, region, out;
  std::vector<std::string> ops, checks;
  std::optional<uint64_t> seed;
  int examples = 3;
  bool strict = false;  // fidelity differences fail the run too
  bool allow_remote = false;
};
int diff_command(const DiffArgs& args);

struct BaselineArgs {
  std::string from, out;
  bool violations_only = false;
};
int baseline_command(const BaselineArgs& args);

int specs_check_command(const std::optional<std::string>& dir);
// `conform specs show OP`: 0, or 2 for a spec error or an unknown / ambiguous operation.
int specs_show_command(const std::string& operation, const std::optional<std::string>& dir);

// `conform observe` and `conform specs merge` (harness/observe).
struct ObserveArgs {
  std::optional<std::string> target, spec_dir, out, region, profile;
  std::vector<std::string> ops;
  std::optional<uint64_t> seed;
  bool allow_remote = false;
  double rps = 0;
  std::string credentials = "auto";
};
int observe_command(const ObserveArgs& args);

struct SpecsMergeArgs {
  std::string observations;
  std::optional<std::string> spec_dir, out;
};
int specs_merge_command(const SpecsMergeArgs& args);

struct EmulatorArgs {
  int port = 4566;
  std::string host = "127.0.0.1";
  std::vector<std::string> faults;
  bool list_faults = false;
  std::optional<uint64_t> seed;
  bool require_sigv4 = false;
  int poll_wait_ms = 200;           // idle long-poll wait (EmulatorOptions::poll_wait)
  uint64_t throttle_every = 0;      // EmulatorOptions::throttle_every
  std::vector<std::string> disabled_operations;  // EmulatorOptions::disabled_operations
};
int emulator_command(const EmulatorArgs& args);

int checks_command();

// A model file for the importer: exactly one of the two is set (checked by the commands).
struct ModelArgs {
  std::optional<std::string> botocore, smithy;
};
struct ImportArgs {
  ModelArgs model;
  std::vector<std::string> ops;
  std::optional<std::string> out_dir, service;
  bool model_folder = false;  // --model-folder: regenerate <out>/<service>/model/ (shipped specs)
};
int import_command(const ImportArgs& args);  // 0 ok, 2 error

struct DriftArgs {
  ModelArgs model;
  std::optional<std::string> spec_dir;
};
int drift_command(const DriftArgs& args);  // 0 no drift, 1 drift, 2 error

// Shared by the commands: region from the flag, AWS_REGION, AWS_DEFAULT_REGION, or us-east-1.
std::string resolve_region(const std::optional<std::string>& flag);

}  // namespace conform::cli
