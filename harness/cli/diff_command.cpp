// `conform diff --target A --target B`: record on A, replay on B, compare; and `conform replay
// CASSETTE`: replay a recorded cassette on a target and compare. Both print the parity per operation
// and check, write the reports (junit.xml, summary.json, report.html, report.sarif, diff.json) and exit
// 0 when nothing differs beyond accepted differences, 1 otherwise, 2 usage, 3 target unreachable.
#include <chrono>

#include "harness/report/model/timestamp.h"
#include <ctime>
#include <iostream>

#include "harness/cli/commands.h"
#include "harness/diff/diff_report.h"
#include "harness/diff/record.h"
#include "harness/diff/replay.h"
#include "harness/diff/target_spec.h"
#include "harness/report/write_reports.h"
#include "harness/runner/embedded_emulator.h"
#include "harness/runner/seeds.h"
#include "harness/transport/client.h"

namespace conform::cli {

namespace {

using report::iso_now;

bool load_rules(const std::optional<std::string>& file, diff::Rules* rules, const char* who) {
  if (!file) return true;
  std::string error;
  auto loaded = diff::load_rules(*file, &error);
  if (!loaded) {
    std::cerr << who << ": " << error << "\n";
    return false;
  }
  *rules = *loaded;
  return true;
}

std::string describe_target(const diff::TargetSpec& t) {
  if (t.url) return *t.url;
  std::string s = "embedded reference emulator";
  if (!t.faults.empty()) {
    s += " (faults: ";
    for (size_t i = 0; i < t.faults.size(); ++i) s += (i ? ", " : "") + t.faults[i];
    s += ")";
  }
  return s;
}

int report(const diff::CassetteReplay& replay, diff::DiffMeta meta, const std::optional<std::string>& report_dir,
           const char* who) {
  for (const auto& u : replay.unbound)
    std::cerr << who << ": warning: no live value for " << u << " (sent as written)\n";
  std::string dir = report_dir ? *report_dir : report::default_report_dir();
  std::vector<std::string> errors;
  auto files = diff::write_diff_reports(replay.diff, meta, dir, &errors);
  std::cout << diff::diff_summary(replay.diff, meta);
  std::cout << "reports in " << dir << ":";
  for (const auto& f : files) std::cout << " " << f;
  std::cout << "\n" << std::flush;
  for (const auto& e : errors) std::cerr << who << ": " << e << "\n";
  return diff::diff_exit_code(replay.diff, meta.strict);
}

}  // namespace

int cassette_replay_command(const ReplayArgs& args) {
  const char* who = "conform replay";
  const auto started = std::chrono::steady_clock::now();
  std::string error;
  if (args.spec_dir) {
    std::cerr << who << ": --spec is not supported for cassettes (they are replayed with the built-in specs)\n";
    return runner::kExitUsage;
  }
  auto cassette = diff::load_cassette(args.case_file, &error);
  if (!cassette) {
    std::cerr << who << ": " << error << "\n";
    return runner::kExitUsage;
  }
  diff::ReplayOptions options;
  diff::TargetSpec target;
  if (args.target) {
    auto parsed = diff::parse_target_spec(*args.target, &error);
    if (!parsed) {
      std::cerr << who << ": --target: " << error << "\n";
      return runner::kExitUsage;
    }
    target = *parsed;
  }
  if (args.faults_given) target.faults.insert(target.faults.end(), args.faults.begin(), args.faults.end());
  options.target = target.url;
  options.faults = target.faults;
  options.credentials = diff::credentials_for(target);
  options.region = args.region;
  options.allow_remote = args.allow_remote;
  options.embedded = runner::embedded_emulator_factory();
  if (!load_rules(args.normalise, &options.rules, who)) return runner::kExitUsage;
  diff::CassetteReplay replay = diff::replay_cassette(*cassette, options);
  if (!replay.error.empty()) {
    std::cerr << who << ": " << replay.error << "\n";
    return replay.exit_code;
  }
  diff::DiffMeta meta;
  meta.strict = args.strict;
  meta.reference = "cassette " + args.case_file + " (recorded from " + cassette->target + ")";
  meta.other = replay.target_description;
  meta.seed = cassette->seed;
  meta.region = replay.live.region;
  meta.run_id = cassette->run_id;
  meta.examples = cassette->examples;
  meta.started_at = iso_now();
  meta.duration_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report(replay, meta, args.report_dir, who);
}

int diff_command(const DiffArgs& args) {
  const char* who = "conform diff";
  const auto started = std::chrono::steady_clock::now();
  if (args.targets.size() != 2) {
    std::cerr << who << ": give exactly two --target (the reference, then the other); got " << args.targets.size()
              << "\n";
    return runner::kExitUsage;
  }
  std::string error;
  std::vector<diff::TargetSpec> targets;
  for (const auto& t : args.targets) {
    auto parsed = diff::parse_target_spec(t, &error);
    if (!parsed) {
      std::cerr << who << ": --target: " << error << "\n";
      return runner::kExitUsage;
    }
    targets.push_back(*parsed);
  }
  diff::Rules rules;
  if (!load_rules(args.normalise, &rules, who)) return runner::kExitUsage;
  // Both targets are checked before anything is sent (the record and replay steps check again).
  for (const auto& t : targets)
    if (auto url = t.url ? transport::Url::parse(*t.url) : std::nullopt; url && !url->is_loopback() && !args.allow_remote) {
      std::cerr << who << ": target " << *t.url << " is not a loopback address: a diff creates real resources there. "
                << "Pass --allow-remote to run against it.\n";
      return runner::kExitUsage;
    }

  diff::RecordOptions record;
  record.target = targets[0].url;
  record.faults = targets[0].faults;
  record.credentials = diff::credentials_for(targets[0]);
  record.ops = args.ops;
  record.checks = args.checks;
  record.seed = args.seed ? *args.seed : runner::fresh_seed();
  record.examples = args.examples;
  record.region = resolve_region(args.region);
  record.embedded = runner::embedded_emulator_factory();
  record.rules = rules;
  record.allow_remote = args.allow_remote;
  std::cerr << who << ": seed " << record.seed << "; recording on " << describe_target(targets[0]) << "\n";
  diff::RecordOutcome recorded = diff::record_cassette(record);
  if (!recorded.error.empty()) {
    std::cerr << who << ": " << args.targets[0] << ": " << recorded.error << "\n";
    return recorded.exit_code;
  }
  if (args.out && !diff::save_cassette(recorded.cassette, *args.out, &error)) {
    std::cerr << who << ": " << error << "\n";
    return runner::kExitUsage;
  }

  diff::ReplayOptions replay_options;
  replay_options.target = targets[1].url;
  replay_options.faults = targets[1].faults;
  replay_options.credentials = diff::credentials_for(targets[1]);
  replay_options.region = record.region;
  replay_options.embedded = runner::embedded_emulator_factory();
  replay_options.rules = rules;
  replay_options.allow_remote = args.allow_remote;
  std::cerr << who << ": replaying " << recorded.cassette.entries.size() << " exchange(s) on "
            << describe_target(targets[1]) << "\n";
  diff::CassetteReplay replay = diff::replay_cassette(recorded.cassette, replay_options);
  if (!replay.error.empty()) {
    std::cerr << who << ": " << args.targets[1] << ": " << replay.error << "\n";
    return replay.exit_code;
  }
  diff::DiffMeta meta;
  meta.strict = args.strict;
  meta.reference = recorded.target_description;
  meta.other = replay.target_description;
  meta.seed = record.seed;
  meta.region = record.region;
  meta.run_id = recorded.cassette.run_id;
  meta.examples = record.examples;
  meta.started_at = iso_now();
  meta.duration_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report(replay, meta, args.report_dir, who);
}

}  // namespace conform::cli
