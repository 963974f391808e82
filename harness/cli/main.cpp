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
  std::string target, spec_dir, report_dir, baseline, shard, region, profile;
  uint64_t seed = 0;
  auto* run_cmd = app.add_subcommand("run", "run the conformance suite (default target: the embedded emulator)");
  auto* o_target = run_cmd->add_option("--target", target, "endpoint URL, e.g. http://localhost:4566");
  auto* o_spec = run_cmd->add_option("--spec", spec_dir, "spec directory (default: the built-in specs)");
  run_cmd->add_option("--ops", run.ops, "operations, services or op ids, comma-separated")->delimiter(',');
  run_cmd->add_option("--checks", run.checks, "checks, comma-separated (see `conform checks`)")->delimiter(',');
  auto* o_seed = run_cmd->add_option("--seed", seed, "seed (default: fresh, printed)")->check(CLI::NonNegativeNumber);
  run_cmd->add_option("--examples", run.examples, "cases per operation x check")->check(CLI::Range(1, 1000000));
  run_cmd->add_option("--jobs", run.jobs,
                      "cases at work at once, one connection each (default: 1 for the embedded emulator, 4 for other "
                      "targets, at most --rps; waiting cases do not count)")
      ->check(CLI::Range(1, 256));
  run_cmd->add_option("--max-connections", run.max_connections, "cap on the connections (cases at work) of the run (default 8)")
      ->check(CLI::Range(1, 256));
  auto* o_shard = run_cmd->add_option("--shard", shard, "run the K-th of N slices, e.g. 2/4");
  auto* o_report = run_cmd->add_option("--report", report_dir, "report directory (default reports/<timestamp>/)");
  auto* o_baseline = run_cmd->add_option("--baseline", baseline, "accepted failures (from `conform baseline`)");
  run_cmd->add_flag("--strict", run.strict, "unconfirmed findings fail the run too");
  run_cmd->add_flag("--require-all", run.require_all,
                    "an operation the target does not implement (UnknownOperationException, no route) fails the run");
  auto* o_region = run_cmd->add_option("--region", region, "AWS region (default AWS_REGION or us-east-1)");
  run_cmd->add_option("--fault", run.faults, "plant a fault in the embedded emulator (repeatable)");
  run_cmd->add_option("--shrink-budget", run.shrink_budget, "re-runs spent shrinking each failure")
      ->check(CLI::Range(0, 100000));
  run_cmd->add_flag("--no-progress", run.no_progress, "no progress display");
  run_cmd->add_flag("--allow-remote", run.allow_remote, "allow a target that is not loopback (real resources, real requests)");
  run_cmd->add_flag("--dry-run", run.dry_run, "print the plan (resources, about how many requests) and send nothing");
  run_cmd->add_option("--rps", run.rps, "cap the request rate of the whole run (requests per second; 0: no cap)")
      ->check(CLI::Range(0.0, 100000.0));
  run_cmd->add_option("--credentials", run.credentials,
                      "auto (test/test on loopback, the AWS chain elsewhere), aws (env, AWS_PROFILE) or test")
      ->check(CLI::IsMember({"auto", "aws", "test"}));
  auto* o_profile = run_cmd->add_option("--profile", profile, "AWS profile for credentials and region (default AWS_PROFILE)");
  run_cmd->add_flag("--redact-sensitive", run.redact_sensitive, "redact @sensitive member values in reports and case files");

  // fuzz
  FuzzArgs fuzz;
  std::string fuzz_target, fuzz_spec, fuzz_report, fuzz_time, fuzz_region;
  uint64_t fuzz_seed = 0, fuzz_runs = 0;
  auto* fuzz_cmd = app.add_subcommand("fuzz", "black-box fuzz campaign judged by the run's checks (default target: the embedded emulator)");
  auto* f_target = fuzz_cmd->add_option("--target", fuzz_target, "endpoint URL, e.g. http://localhost:4566");
  auto* f_spec = fuzz_cmd->add_option("--spec", fuzz_spec, "spec directory (default: the built-in specs)");
  fuzz_cmd->add_option("--ops", fuzz.ops, "operations, services or op ids, comma-separated")->delimiter(',');
  fuzz_cmd->add_option("--checks", fuzz.checks, "checks, comma-separated (default: all)")->delimiter(',');
  auto* f_time = fuzz_cmd->add_option("--time", fuzz_time, "stop after this long, e.g. 90s, 5m, 1h (default: Ctrl-C)");
  auto* f_runs = fuzz_cmd->add_option("--runs", fuzz_runs, "stop after N executions (cases)")->check(CLI::Range(uint64_t{1}, uint64_t{1000000000000}));
  f_time->excludes(f_runs);
  auto* f_seed = fuzz_cmd->add_option("--seed", fuzz_seed, "seed (default: fresh, printed)")->check(CLI::NonNegativeNumber);
  fuzz_cmd->add_option("--jobs", fuzz.jobs, "worker threads")->check(CLI::Range(1, 256));
  auto* f_report = fuzz_cmd->add_option("--report", fuzz_report, "report directory (default reports/<timestamp>/)");
  fuzz_cmd->add_option("--fault", fuzz.faults, "plant a fault in the embedded emulator (repeatable)");
  auto* f_region = fuzz_cmd->add_option("--region", fuzz_region, "AWS region (default AWS_REGION or us-east-1)");
  fuzz_cmd->add_option("--shrink-budget", fuzz.shrink_budget, "re-runs spent shrinking each failure")->check(CLI::Range(0, 100000));
  fuzz_cmd->add_option("--status-interval", fuzz.status_interval, "seconds between status lines (0: none)")->check(CLI::Range(0.0, 86400.0));
  fuzz_cmd->add_flag("--stop-on-failure", fuzz.stop_on_failure, "stop at the first distinct failure");
  fuzz_cmd->add_flag("--strict", fuzz.strict, "unconfirmed findings fail the campaign too");
  fuzz_cmd->add_flag("--allow-remote", fuzz.allow_remote, "allow a target that is not loopback");
  fuzz_cmd->add_option("--rps", fuzz.rps, "cap the request rate (requests per second; 0: no cap)")->check(CLI::Range(0.0, 100000.0));

  // replay
  ReplayArgs replay;
  std::string replay_target, replay_spec, replay_region;
  auto* replay_cmd = app.add_subcommand("replay", "re-run a saved failure case and judge it again, or replay a cassette and compare");
  replay_cmd->add_option("case", replay.case_file, "case file (reports/<run>/cases/<fingerprint>.json) or cassette (conform record)")->required();
  auto* r_target = replay_cmd->add_option("--target", replay_target, "endpoint URL (default: embedded emulator)");
  auto* r_spec = replay_cmd->add_option("--spec", replay_spec, "spec directory");
  auto* r_region = replay_cmd->add_option("--region", replay_region, "AWS region (default: the case's)");
  auto* r_fault = replay_cmd->add_option("--fault", replay.faults, "faults for the embedded emulator (default: the case's)");
  bool no_faults = false;
  replay_cmd->add_flag("--no-faults", no_faults, "replay on a clean embedded emulator");
  std::string replay_report, replay_normalise;
  auto* r_report = replay_cmd->add_option("--report", replay_report, "cassettes: report directory (default reports/<timestamp>/)");
  auto* r_normalise = replay_cmd->add_option("--normalise", replay_normalise, "cassettes: normalisers and accepted differences");
  replay_cmd->add_flag("--allow-remote", replay.allow_remote, "cassettes: allow a target that is not loopback");
  replay_cmd->add_flag("--strict", replay.strict, "cassettes: fidelity differences (error spelling, wording) fail too");

  // record, diff (harness/diff)
  RecordArgs rec;
  std::string rec_target, rec_region, rec_normalise;
  uint64_t rec_seed = 0;
  auto* rec_cmd = app.add_subcommand("record", "run the suite and save every exchange, normalised, in a cassette");
  auto* rc_target = rec_cmd->add_option("--target", rec_target, "URL, embedded or embedded:FAULT[,FAULT] (default: embedded)");
  rec_cmd->add_option("--out", rec.out, "cassette file to write")->required();
  auto* rc_seed = rec_cmd->add_option("--seed", rec_seed, "seed (default: fresh, printed)")->check(CLI::NonNegativeNumber);
  rec_cmd->add_option("--ops", rec.ops, "operations, services or op ids, comma-separated")->delimiter(',');
  rec_cmd->add_option("--checks", rec.checks, "checks, comma-separated")->delimiter(',');
  rec_cmd->add_option("--examples", rec.examples, "cases per operation x check (default 3)")->check(CLI::Range(1, 100000));
  rec_cmd->add_option("--fault", rec.faults, "plant a fault in the embedded emulator (repeatable)");
  auto* rc_region = rec_cmd->add_option("--region", rec_region, "AWS region (default AWS_REGION or us-east-1)");
  auto* rc_normalise = rec_cmd->add_option("--normalise", rec_normalise, "extra normalisers (JSON file)");
  rec_cmd->add_flag("--allow-remote", rec.allow_remote, "allow a target that is not loopback (real resources, real requests)");
  DiffArgs dif;
  std::string dif_report, dif_normalise, dif_region, dif_out;
  uint64_t dif_seed = 0;
  auto* dif_cmd = app.add_subcommand("diff", "run the suite on two targets and report where their answers differ");
  dif_cmd->add_option("--target", dif.targets, "twice: the reference, then the other (URL, embedded, embedded:FAULT)")
      ->required();
  auto* df_report = dif_cmd->add_option("--report", dif_report, "report directory (default reports/<timestamp>/)");
  auto* df_seed = dif_cmd->add_option("--seed", dif_seed, "seed (default: fresh, printed)")->check(CLI::NonNegativeNumber);
  dif_cmd->add_option("--ops", dif.ops, "operations, services or op ids, comma-separated")->delimiter(',');
  dif_cmd->add_option("--checks", dif.checks, "checks, comma-separated")->delimiter(',');
  dif_cmd->add_option("--examples", dif.examples, "cases per operation x check (default 3)")->check(CLI::Range(1, 100000));
  auto* df_region = dif_cmd->add_option("--region", dif_region, "AWS region (default AWS_REGION or us-east-1)");
  auto* df_normalise = dif_cmd->add_option("--normalise", dif_normalise, "normalisers and accepted differences (JSON file)");
  auto* df_out = dif_cmd->add_option("--out", dif_out, "also save the reference's cassette");
  dif_cmd->add_flag("--allow-remote", dif.allow_remote, "allow targets that are not loopback (real resources, real requests)");
  dif_cmd->add_flag("--strict", dif.strict, "fidelity differences (error spelling, wording, content type) fail too");

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
  std::string show_op, show_spec;
  auto* specs_show = specs_cmd->add_subcommand("show", "print the rules and the recipe an operation gets, and where each came from");
  specs_show->add_option("operation", show_op, "operation id (stepfunctions.DescribeActivity) or unique name")->required();
  auto* o_show_spec = specs_show->add_option("--spec", show_spec, "spec directory (default: the built-in specs)");
  SpecsMergeArgs merge_args;
  std::string merge_spec, merge_out;
  auto* specs_merge = specs_cmd->add_subcommand("merge", "merge a `conform observe` file into specs as measured facts");
  specs_merge->add_option("observations", merge_args.observations, "observations file (from conform observe)")->required();
  auto* m_spec = specs_merge->add_option("--spec", merge_spec, "spec directory (default: the built-in specs)");
  auto* m_out = specs_merge->add_option("--out", merge_out, "write the merged specs here (default: --spec, in place)");

  // observe
  ObserveArgs obs;
  std::string obs_target, obs_spec, obs_out, obs_region, obs_profile;
  uint64_t obs_seed = 0;
  auto* obs_cmd = app.add_subcommand("observe", "run the probes behind unconfirmed spec rules and record the answers");
  auto* ob_target = obs_cmd->add_option("--target", obs_target, "endpoint URL (default: the embedded emulator)");
  auto* ob_spec = obs_cmd->add_option("--spec", obs_spec, "spec directory (default: the built-in specs)");
  auto* ob_out = obs_cmd->add_option("--out", obs_out, "observations file to write (default observations.json)");
  auto* ob_region = obs_cmd->add_option("--region", obs_region, "AWS region (default AWS_REGION or us-east-1)");
  auto* ob_profile = obs_cmd->add_option("--profile", obs_profile, "AWS profile (default AWS_PROFILE)");
  auto* ob_seed = obs_cmd->add_option("--seed", obs_seed, "seed (default: fresh)")->check(CLI::NonNegativeNumber);
  obs_cmd->add_option("--ops", obs.ops, "operations, services or op ids, comma-separated")->delimiter(',');
  obs_cmd->add_flag("--allow-remote", obs.allow_remote, "allow a target that is not loopback");
  obs_cmd->add_option("--rps", obs.rps, "cap the request rate (requests per second; 0: no cap)")->check(CLI::Range(0.0, 100000.0));
  obs_cmd->add_option("--credentials", obs.credentials, "auto, aws or test (as for run)")
      ->check(CLI::IsMember({"auto", "aws", "test"}));

  // emulator
  EmulatorArgs emu;
  auto* emu_cmd = app.add_subcommand("emulator", "serve the reference emulator");
  emu_cmd->add_option("--port", emu.port, "port (0: ephemeral)")->check(CLI::Range(0, 65535));
  emu_cmd->add_option("--host", emu.host, "address to bind");
  emu_cmd->add_option("--fault", emu.faults, "plant a fault (repeatable)");
  emu_cmd->add_flag("--list-faults", emu.list_faults, "list the plantable faults and exit");
  uint64_t emu_seed = 0;
  auto* o_emu_seed = emu_cmd->add_option("--seed", emu_seed, "seed for issued ids")->check(CLI::NonNegativeNumber);
  emu_cmd->add_flag("--require-sigv4", emu.require_sigv4, "reject unsigned or wrongly signed requests");
  emu_cmd->add_option("--poll-wait-ms", emu.poll_wait_ms, "how long an idle long poll waits, in ms (default 200)")
      ->check(CLI::Range(0, 60000));
  emu_cmd->add_option("--throttle-every", emu.throttle_every,
                      "answer every N-th request with the service's throttling error (awsJson: 400 "
                      "ThrottlingException; Lambda: 429 TooManyRequestsException, Retry-After: 0); 0: never")
      ->check(CLI::NonNegativeNumber);
  emu_cmd->add_option("--disable-operation", emu.disabled_operations,
                      "answer this operation (service.Operation) as an unknown one, to stand for a target that "
                      "lacks it (repeatable)");

  // import, drift
  ImportArgs import_args;
  std::string import_botocore, import_smithy, import_out, import_service;
  auto* import_cmd = app.add_subcommand("import", "generate spec files from an AWS model (botocore or Smithy JSON)");
  auto* i_botocore = import_cmd->add_option("--botocore", import_botocore, "botocore service-2.json model");
  auto* i_smithy = import_cmd->add_option("--smithy", import_smithy, "Smithy JSON AST model");
  import_cmd->add_option("--ops", import_args.ops, "operations to import, comma-separated (default: all)")->delimiter(',');
  auto* i_out = import_cmd->add_option("--out", import_out, "write <out>/<service>/*.json (default: print them)");
  auto* i_service = import_cmd->add_option("--service", import_service, "spec service name (default: from the model)");
  import_cmd->add_flag("--model-folder", import_args.model_folder,
                       "with --out: (re)write the operations as <out>/<service>/model/<Op>.json, marked generated, "
                       "under the hand-written files there (specs/README.md, Generated specs)");
  DriftArgs drift_args;
  std::string drift_botocore, drift_smithy, drift_spec;
  auto* drift_cmd = app.add_subcommand("drift", "compare the specs with an AWS model; exit 1 on drift");
  auto* d_botocore = drift_cmd->add_option("--botocore", drift_botocore, "botocore service-2.json model");
  auto* d_smithy = drift_cmd->add_option("--smithy", drift_smithy, "Smithy JSON AST model");
  auto* d_spec = drift_cmd->add_option("--spec", drift_spec, "spec directory (default: the built-in specs)");

  // checks
  auto* checks_cmd = app.add_subcommand("checks", "list the check registry");

  // An unknown command word gets its own message (CLI11 would only say that a subcommand is required).
  auto is_command = [&](const std::string& word) {
    for (const auto* sub : app.get_subcommands({}))
      if (sub->get_name() == word) return true;
    return false;
  };
  if (argc > 1 && argv[1][0] != '-' && !is_command(argv[1])) {
    std::string known;
    for (const auto* sub : app.get_subcommands({})) known += (known.empty() ? "" : ", ") + sub->get_name();
    std::cerr << "conform: unknown command '" << argv[1] << "'; commands: " << known << "\n";
    std::cerr << "Run 'conform --help' for usage.\n";
    return 2;
  }
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
    set_if(o_profile, profile, run.profile);
    return run_command(run);
  }
  if (*fuzz_cmd) {
    set_if(f_target, fuzz_target, fuzz.target);
    set_if(f_spec, fuzz_spec, fuzz.spec_dir);
    set_if(f_report, fuzz_report, fuzz.report_dir);
    set_if(f_time, fuzz_time, fuzz.time);
    set_if(f_region, fuzz_region, fuzz.region);
    set_if(f_seed, fuzz_seed, fuzz.seed);
    set_if(f_runs, fuzz_runs, fuzz.runs);
    return fuzz_command(fuzz);
  }
  if (*replay_cmd) {
    set_if(r_target, replay_target, replay.target);
    set_if(r_spec, replay_spec, replay.spec_dir);
    set_if(r_region, replay_region, replay.region);
    replay.faults_given = r_fault->count() > 0 || no_faults;
    if (no_faults) replay.faults.clear();
    set_if(r_report, replay_report, replay.report_dir);
    set_if(r_normalise, replay_normalise, replay.normalise);
    return replay_command(replay);
  }
  if (*rec_cmd) {
    set_if(rc_target, rec_target, rec.target);
    set_if(rc_seed, rec_seed, rec.seed);
    set_if(rc_region, rec_region, rec.region);
    set_if(rc_normalise, rec_normalise, rec.normalise);
    return record_command(rec);
  }
  if (*dif_cmd) {
    set_if(df_report, dif_report, dif.report_dir);
    set_if(df_seed, dif_seed, dif.seed);
    set_if(df_region, dif_region, dif.region);
    set_if(df_normalise, dif_normalise, dif.normalise);
    set_if(df_out, dif_out, dif.out);
    return diff_command(dif);
  }
  if (*base_cmd) return baseline_command(base);
  if (*specs_check) {
    std::optional<std::string> dir;
    set_if(o_specs_dir, specs_dir, dir);
    return specs_check_command(dir);
  }
  if (*specs_show) {
    std::optional<std::string> dir;
    set_if(o_show_spec, show_spec, dir);
    return specs_show_command(show_op, dir);
  }
  if (*specs_merge) {
    set_if(m_spec, merge_spec, merge_args.spec_dir);
    set_if(m_out, merge_out, merge_args.out);
    return specs_merge_command(merge_args);
  }
  if (*obs_cmd) {
    set_if(ob_target, obs_target, obs.target);
    set_if(ob_spec, obs_spec, obs.spec_dir);
    set_if(ob_out, obs_out, obs.out);
    set_if(ob_region, obs_region, obs.region);
    set_if(ob_profile, obs_profile, obs.profile);
    set_if(ob_seed, obs_seed, obs.seed);
    return observe_command(obs);
  }
  if (*emu_cmd) {
    set_if(o_emu_seed, emu_seed, emu.seed);
    return emulator_command(emu);
  }
  if (*checks_cmd) return checks_command();
  if (*import_cmd) {
    set_if(i_botocore, import_botocore, import_args.model.botocore);
    set_if(i_smithy, import_smithy, import_args.model.smithy);
    set_if(i_out, import_out, import_args.out_dir);
    set_if(i_service, import_service, import_args.service);
    return import_command(import_args);
  }
  if (*drift_cmd) {
    set_if(d_botocore, drift_botocore, drift_args.model.botocore);
    set_if(d_smithy, drift_smithy, drift_args.model.smithy);
    set_if(d_spec, drift_spec, drift_args.spec_dir);
    return drift_command(drift_args);
  }
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
