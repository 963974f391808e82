// `conform fuzz`: a black-box fuzz campaign (harness/campaign/campaign.h) against a target (default:
// the embedded reference emulator), then the same reports and case files as `conform run`.
#include <iostream>

#include "harness/auth/credentials.h"
#include "harness/campaign/campaign.h"
#include "harness/campaign/duration.h"
#include "harness/cli/commands.h"
#include "harness/report/text_summary.h"
#include "harness/report/write_reports.h"
#include "harness/runner/case_file.h"
#include "harness/runner/embedded_emulator.h"

namespace conform::cli {

int fuzz_command(const FuzzArgs& args) {
  campaign::CampaignOptions options;
  runner::RunOptions& run = options.run;
  run.target = args.target;
  run.spec_dir = args.spec_dir;
  run.ops = args.ops;
  run.checks = args.checks;
  run.seed = args.seed;
  run.jobs = args.jobs;
  run.strict = args.strict;
  run.faults = args.faults;
  run.shrink_budget = args.shrink_budget;
  run.allow_remote = args.allow_remote;
  run.max_rps = args.rps;
  run.region = auth::resolve_region(args.region.value_or("")).value_or("us-east-1");
  run.embedded = runner::embedded_emulator_factory();
  run.handle_sigint = true;
  // Loopback targets sign with test/test (what local emulators expect); others with the AWS chain.
  if (args.target) {
    auto url = transport::Url::parse(*args.target);
    if (!url) {
      std::cerr << "conform fuzz: --target: not a URL: " << *args.target << "\n";
      return runner::kExitUsage;
    }
    if (!url->is_loopback()) {
      std::string why;
      auto found = auth::resolve_credentials(auth::process_env(), "", &why);
      if (found && !found->access_key_id.empty()) {
        run.credentials.access_key_id = found->access_key_id;
        run.credentials.secret_access_key = found->secret_access_key;
        run.credentials.session_token = found->session_token;
      }
    }
  }
  if (args.time) {
    std::string error;
    auto seconds = campaign::parse_duration(*args.time, &error);
    if (!seconds) {
      std::cerr << "conform fuzz: --time: " << error << "\n";
      return runner::kExitUsage;
    }
    options.max_seconds = *seconds;
  }
  if (args.runs) options.max_runs = *args.runs;
  options.stop_on_failure = args.stop_on_failure;
  options.status = &std::cerr;
  options.status_interval_s = args.status_interval;

  campaign::CampaignOutcome outcome = campaign::run_campaign(options);
  runner::RunOutcome& result = outcome.run;
  if (!result.error.empty()) {
    std::cerr << "conform fuzz: " << result.error << "\n";
    return result.exit_code;
  }
  std::string dir = args.report_dir ? *args.report_dir : report::default_report_dir();
  std::vector<std::string> errors;
  runner::write_case_files(result, dir, &errors);
  std::vector<std::string> files = report::write_reports(result.report, dir, &errors);
  if (!result.cases.empty()) files.push_back("cases/");
  std::cout << report::text_summary(result.report, dir, files);
  std::cout << "Fuzz: " << outcome.executions << " executions (" << outcome.mutated << " mutated), "
            << result.requests << " requests in " << result.elapsed_s << " s; corpus " << outcome.corpus << "\n"
            << std::flush;
  for (const auto& e : errors) std::cerr << "conform fuzz: " << e << "\n";
  return result.exit_code;
}

}  // namespace conform::cli
