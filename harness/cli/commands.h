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
  int jobs = 1;
  bool strict = false;
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
};
int replay_command(const ReplayArgs& args);

struct BaselineArgs {
  std::string from, out;
  bool violations_only = false;
};
int baseline_command(const BaselineArgs& args);

int specs_check_command(const std::optional<std::string>& dir);

struct EmulatorArgs {
  int port = 4566;
  std::string host = "127.0.0.1";
  std::vector<std::string> faults;
  bool list_faults = false;
  std::optional<uint64_t> seed;
  bool require_sigv4 = false;
  int poll_wait_ms = 200;           // idle long-poll wait (EmulatorOptions::poll_wait)
  uint64_t throttle_every = 0;      // EmulatorOptions::throttle_every
};
int emulator_command(const EmulatorArgs& args);

int checks_command();

// Shared by the commands: region from the flag, AWS_REGION, AWS_DEFAULT_REGION, or us-east-1.
std::string resolve_region(const std::optional<std::string>& flag);

}  // namespace conform::cli
