// `conform run`: the conformance suite against a target (default: the embedded reference emulator),
// then the reports and the human summary.
#include <cstdlib>
#include <iostream>
#include <unistd.h>

#include "harness/cli/commands.h"
#include "harness/report/text_summary.h"
#include "harness/report/write_reports.h"
#include "harness/runner/case_file.h"
#include "harness/runner/embedded_emulator.h"
#include "harness/runner/run_conformance.h"
#include "harness/runner/shard.h"

namespace conform::cli {

namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

transport::Credentials credentials_for(const std::optional<std::string>& target) {
  transport::Credentials creds;  // test/test: what local emulators expect
  bool local = true;
  if (target) {
    auto url = transport::Url::parse(*target);
    local = url && url->is_loopback();
  }
  if (!local && !env("AWS_ACCESS_KEY_ID").empty() && !env("AWS_SECRET_ACCESS_KEY").empty()) {
    creds.access_key_id = env("AWS_ACCESS_KEY_ID");
    creds.secret_access_key = env("AWS_SECRET_ACCESS_KEY");
    creds.session_token = env("AWS_SESSION_TOKEN");
  }
  return creds;
}

}  // namespace

std::string resolve_region(const std::optional<std::string>& flag) {
  if (flag && !flag->empty()) return *flag;
  if (!env("AWS_REGION").empty()) return env("AWS_REGION");
  if (!env("AWS_DEFAULT_REGION").empty()) return env("AWS_DEFAULT_REGION");
  return "us-east-1";
}

int run_command(const RunArgs& args) {
  runner::RunOptions options;
  options.target = args.target;
  options.spec_dir = args.spec_dir;
  options.ops = args.ops;
  options.checks = args.checks;
  options.seed = args.seed;
  options.examples = args.examples;
  options.jobs = args.jobs;
  options.strict = args.strict;
  options.region = resolve_region(args.region);
  options.faults = args.faults;
  options.baseline_file = args.baseline;
  options.shrink_budget = args.shrink_budget;
  options.credentials = credentials_for(args.target);
  options.embedded = runner::embedded_emulator_factory();
  options.handle_sigint = true;
  if (!args.no_progress) {
    options.progress = &std::cerr;
    options.progress_tty = isatty(STDERR_FILENO) != 0;
  }
  if (args.shard) {
    std::string error;
    auto shard = runner::parse_shard(*args.shard, &error);
    if (!shard) {
      std::cerr << "conform run: " << error << "\n";
      return runner::kExitUsage;
    }
    options.shard = *shard;
  }

  runner::RunOutcome outcome = runner::run_conformance(options);
  if (!outcome.error.empty()) {
    std::cerr << "conform run: " << outcome.error << "\n";
    return outcome.exit_code;
  }

  std::string dir = args.report_dir ? *args.report_dir : report::default_report_dir();
  std::vector<std::string> errors;
  runner::write_case_files(outcome, dir, &errors);
  std::vector<std::string> files = report::write_reports(outcome.report, dir, &errors);
  if (!outcome.cases.empty()) files.push_back("cases/");
  std::cout << report::text_summary(outcome.report, dir, files) << std::flush;
  for (const auto& e : errors) std::cerr << "conform run: " << e << "\n";
  return outcome.exit_code;
}

}  // namespace conform::cli
