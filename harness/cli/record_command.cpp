// `conform record --out CASSETTE`: the conformance suite against a target (default: the embedded
// emulator), every exchange saved normalised in a cassette (harness/diff/cassette.h).
#include <iostream>

#include "harness/cli/commands.h"
#include "harness/diff/record.h"
#include "harness/diff/target_spec.h"
#include "harness/runner/embedded_emulator.h"
#include "harness/runner/seeds.h"

namespace conform::cli {

int record_command(const RecordArgs& args) {
  diff::RecordOptions options;
  std::string error;
  diff::TargetSpec target;
  if (args.target) {
    auto parsed = diff::parse_target_spec(*args.target, &error);
    if (!parsed) {
      std::cerr << "conform record: --target: " << error << "\n";
      return runner::kExitUsage;
    }
    target = *parsed;
  }
  options.target = target.url;
  options.faults = target.faults;
  options.faults.insert(options.faults.end(), args.faults.begin(), args.faults.end());
  options.credentials = diff::credentials_for(target);
  options.ops = args.ops;
  options.checks = args.checks;
  options.seed = args.seed ? *args.seed : runner::fresh_seed();
  options.examples = args.examples;
  options.region = resolve_region(args.region);
  options.allow_remote = args.allow_remote;
  options.embedded = runner::embedded_emulator_factory();
  if (args.normalise) {
    auto rules = diff::load_rules(*args.normalise, &error);
    if (!rules) {
      std::cerr << "conform record: " << error << "\n";
      return runner::kExitUsage;
    }
    options.rules = *rules;
  }
  std::cerr << "conform record: seed " << options.seed << ", " << options.examples << " example(s) per operation x check\n";
  diff::RecordOutcome outcome = diff::record_cassette(options);
  if (!outcome.error.empty()) {
    std::cerr << "conform record: " << outcome.error << "\n";
    return outcome.exit_code;
  }
  if (!diff::save_cassette(outcome.cassette, args.out, &error)) {
    std::cerr << "conform record: " << error << "\n";
    return runner::kExitUsage;
  }
  std::cout << "recorded " << outcome.cassette.entries.size() << " exchange(s) with "
            << outcome.cassette.references.size() << " numbered reference(s) from " << outcome.target_description
            << " (seed " << options.seed << ") to " << args.out << "\n";
  return runner::kExitOk;
}

}  // namespace conform::cli
