// `conform`: flag parsing (CLI11) and dispatch to the command functions (harness/cli/commands.h).
// Nothing else lives here: CLI11 is a heavy header, so this is the only file that includes it.
// Bad flags print a clear message and exit 2; --help exits 0.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "harness/cli/commands.h"

namespace {

using namespace conform::cli;

// CLI11 options filled only when given.
template <class T>
void set_if(const CLI::Option* option, const T& value, std::optional<T>& out) {
  if (option->count() > 0) out = value;
}

int dispatch(int argc, char** argv) {
  CLI::App app{"Conform: contract testing and fuzzing for AWS-style workflow APIs (Step Functions, SWF, Lambda "
               "durable executions)",
               "conform"};
  app.require_subcommand(1, 1);
  app.set_version_flag("--version", "conform 0.1.0");
  app.footer("Exit codes: 0 no contract violation; 1 violations (or unconfirmed with --strict); 2 usage or spec "
             "error; 3 target unreachable or no fixture could be set up.");

  // run
  RunArgs run;
  std::string target, spec_dir, report_dir, baseline, shard, region;
  uint64_t seed = 0;
  auto* run_cmd = app.add_subcommand("run", "run the conformance suite (default target: the embedded emulator)");
  auto* o_target = run_cmd->add_option("--target", target, "endpoint URL, e.g. http://localhost:4566");
  auto* o_spec = run_cmd->add_option("--spec", spec_dir, "spec directory (default: the built-in specs)");
  run_cmd->add_option("--ops", run.ops, "operations, services or op ids, comma-separated")->delimiter(',');
  run_cmd->add_option("--checks", run.checks, "checks, comma-separated (see `conform checks`)")->delimiter(',');
  auto* o_seed = run_cmd->add_option("--seed", seed, "seed (default: fresh, printed)");
  run_cmd->add_option("--examples", run.examples, "cases per operation x check")->check(CLI::Range(1, 1000000));
  run_cmd->add_option("--jobs", run.jobs, "worker threads")->check(CLI::Range(1, 256));
  auto* o_shard = run_cmd->add_option("--shard", shard, "run the K-th of N slices, e.g. 2/4");
  auto* o_report = run_cmd->add_option("--report", report_dir, "report directory (default reports/<timestamp>/)");
  auto* o_baseline = run_cmd->add_option("--baseline", baseline, "accepted failures (from `conform baseline`)");
  run_cmd->add_flag("--strict", run.strict, "unconfirmed findings fail the run too");
  auto* o_region = run_cmd->add_option("--region", region, "AWS region (default AWS_REGION or us-east-1)");
  run_cmd->add_option("--fault", run.faults, "plant a fault in the embedded emulator (repeatable)");
  run_cmd->add_option("--shrink-budget", run.shrink_budget, "re-runs spent shrinking each failure")
      ->check(CLI::Range(0, 100000));
  run_cmd->add_flag("--no-progress", run.no_progress, "no progress display");

  // replay
  ReplayArgs replay;
  std::string replay_target, replay_spec, replay_region;
  auto* replay_cmd = app.add_subcommand("replay", "re-run a saved failure case and judge it again");
  replay_cmd->add_option("case", replay.case_file, "case file (reports/<run>/cases/<fingerprint>.json)")->required();
  auto* r_target = replay_cmd->add_option("--target", replay_target, "endpoint URL (default: embedded emulator)");
  auto* r_spec = replay_cmd->add_option("--spec", replay_spec, "spec directory");
  auto* r_region = replay_cmd->add_option("--region", replay_region, "AWS region (default: the case's)");
  auto* r_fault = replay_cmd->add_option("--fault", replay.faults, "faults for the embedded emulator (default: the case's)");
  bool no_faults = false;
  replay_cmd->add_flag("--no-faults", no_faults, "replay on a clean embedded emulator");

  // baseline
  BaselineArgs base;
  auto* base_cmd = app.add_subcommand("baseline", "write a baseline accepting every failure of a run report");
  base_cmd->add_option("--from", base.from, "summary.json of a run (or its report directory)")->required();
  base_cmd->add_option("--out", base.out, "baseline file to write")->required();
  base_cmd->add_flag("--violations-only", base.violations_only, "leave unconfirmed findings out");

  // specs check
  std::string specs_dir;
  auto* specs_cmd = app.add_subcommand("specs", "work with spec files");
  specs_cmd->require_subcommand(1, 1);
  auto* specs_check = specs_cmd->add_subcommand("check", "validate a spec directory and list its operations");
  auto* o_specs_dir = specs_check->add_option("dir", specs_dir, "spec directory (default: the built-in specs)");

  // emulator
  EmulatorArgs emu;
  auto* emu_cmd = app.add_subcommand("emulator", "serve the reference emulator");
  emu_cmd->add_option("--port", emu.port, "port (0: ephemeral)")->check(CLI::Range(0, 65535));
  emu_cmd->add_option("--host", emu.host, "address to bind");
  emu_cmd->add_option("--fault", emu.faults, "plant a fault (repeatable)");
  emu_cmd->add_flag("--list-faults", emu.list_faults, "list the plantable faults and exit");
  uint64_t emu_seed = 0;
  auto* o_emu_seed = emu_cmd->add_option("--seed", emu_seed, "seed for issued ids");
  emu_cmd->add_flag("--require-sigv4", emu.require_sigv4, "reject unsigned or wrongly signed requests");

  // checks
  auto* checks_cmd = app.add_subcommand("checks", "list the check registry");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    std::cerr << "conform: " << e.what() << "\n";
    std::cerr << "Run 'conform --help' (or 'conform <command> --help') for usage.\n";
    return 2;
  }

  if (*run_cmd) {
    set_if(o_target, target, run.target);
    set_if(o_spec, spec_dir, run.spec_dir);
    set_if(o_seed, seed, run.seed);
    set_if(o_shard, shard, run.shard);
    set_if(o_report, report_dir, run.report_dir);
    set_if(o_baseline, baseline, run.baseline);
    set_if(o_region, region, run.region);
    return run_command(run);
  }
  if (*replay_cmd) {
    set_if(r_target, replay_target, replay.target);
    set_if(r_spec, replay_spec, replay.spec_dir);
    set_if(r_region, replay_region, replay.region);
    replay.faults_given = r_fault->count() > 0 || no_faults;
    if (no_faults) replay.faults.clear();
    return replay_command(replay);
  }
  if (*base_cmd) return baseline_command(base);
  if (*specs_check) {
    std::optional<std::string> dir;
    set_if(o_specs_dir, specs_dir, dir);
    return specs_check_command(dir);
  }
  if (*emu_cmd) {
    set_if(o_emu_seed, emu_seed, emu.seed);
    return emulator_command(emu);
  }
  if (*checks_cmd) return checks_command();
  std::cerr << "conform: no command given; run 'conform --help'\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return dispatch(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "conform: internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "conform: internal error\n";
  }
  return 2;
}
