// `conform replay CASE [--target URL]`: re-runs a saved case and judges it again. A cassette (a file
// whose "format" is conform-cassette/...) is replayed and compared instead (diff_command.cpp).
#include <iostream>

#include "harness/cli/commands.h"
#include "harness/diff/cassette.h"
#include "harness/report/escape.h"
#include "harness/runner/aggregate.h"
#include "harness/runner/embedded_emulator.h"
#include "harness/runner/replay.h"

namespace conform::cli {

int replay_command(const ReplayArgs& args) {
  if (diff::looks_like_cassette(args.case_file)) return cassette_replay_command(args);
  runner::ReplayOptions options;
  options.case_file = args.case_file;
  options.target = args.target;
  options.spec_dir = args.spec_dir;
  if (args.region) options.region = args.region;
  if (args.faults_given) options.faults = args.faults;
  options.embedded = runner::embedded_emulator_factory();
  runner::ReplayOutcome outcome = runner::replay_case(options);
  if (!outcome.error.empty()) {
    std::cerr << "conform replay: " << outcome.error << "\n";
    return outcome.exit_code;
  }
  std::cout << "replayed " << args.case_file << "\n  " << outcome.operation << " " << outcome.check << " "
            << outcome.rule << "/" << outcome.facet << " (fingerprint " << outcome.fingerprint << ")\n  against "
            << outcome.target << ": " << outcome.result.exchanges.size() << " request(s)\n";
  for (const auto& f : outcome.failing)
    std::cout << "  [" << runner::verdict_name(f.verdict) << "] " << f.rule << "/" << f.facet
              << "\n    expected: " << report::truncate_text(report::valid_utf8(f.expected), 300)
              << "\n    observed: " << report::truncate_text(report::valid_utf8(f.observed), 300) << "\n";
  if (outcome.reproduced) std::cout << "reproduced: the target still fails this case\n";
  else if (outcome.exit_code != 0) std::cout << "not reproduced as saved, but the case fails otherwise\n";
  else std::cout << "not reproduced: the case passes now\n";
  return outcome.exit_code;
}

}  // namespace conform::cli
