// `conform run`: the conformance suite against a target (default: the embedded reference emulator),
// then the reports and the human summary.
#include <cstdlib>
#include <iostream>
#include <unistd.h>

#include "harness/auth/credentials.h"
#include "harness/cli/commands.h"
#include "harness/report/text_summary.h"
#include "harness/report/write_reports.h"
#include "harness/runner/case_file.h"
#include "harness/runner/embedded_emulator.h"
#include "harness/runner/run_conformance.h"
#include "harness/runner/shard.h"

namespace conform::cli {

namespace {

struct ChosenCredentials {
  transport::Credentials credentials;
  std::string source;  // for the plan; never the secret
  std::string error;   // none could be found where they are needed
};

// Loopback and embedded targets sign with test/test (what local emulators expect) unless asked for the
// AWS chain; any other target uses the AWS chain (environment, AWS_PROFILE / --profile files).
ChosenCredentials choose_credentials(const RunArgs& args) {
  ChosenCredentials out;
  bool local = true;
  if (args.target) {
    auto url = transport::Url::parse(*args.target);
    local = !url || url->is_loopback();
  }
  bool chain = args.credentials == "aws" || (args.credentials == "auto" && !local);
  if (!chain) {
    out.source = args.credentials == "test" ? "test/test" : "test/test (local target)";
    return out;
  }
  std::string why;
  auto found = auth::resolve_credentials(auth::process_env(), args.profile.value_or(""), &why);
  if (!found || found->access_key_id.empty() || found->secret_access_key.empty()) {
    out.error = "no AWS credentials found (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or a profile via AWS_PROFILE or "
                "--profile in ~/.aws/credentials or ~/.aws/config)" + (why.empty() ? std::string() : ": " + why);
    out.source = "none found";
    return out;
  }
  out.credentials.access_key_id = found->access_key_id;
  out.credentials.secret_access_key = found->secret_access_key;
  out.credentials.session_token = found->session_token;
  out.source = found->source + (found->session_token.empty() ? "" : " (with session token)");
  return out;
}

}  // namespace

std::string resolve_region(const std::optional<std::string>& flag) {
  if (auto r = auth::resolve_region(flag.value_or(""))) return *r;
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
  options.max_connections = args.max_connections;
  options.strict = args.strict;
  options.require_all = args.require_all;
  options.region = auth::resolve_region(args.region.value_or(""), auth::process_env(), args.profile.value_or(""))
                       .value_or("us-east-1");
  options.faults = args.faults;
  options.baseline_file = args.baseline;
  options.shrink_budget = args.shrink_budget;
  if (args.credentials != "auto" && args.credentials != "aws" && args.credentials != "test") {
    std::cerr << "conform run: --credentials must be auto, aws or test\n";
    return runner::kExitUsage;
  }
  ChosenCredentials creds = choose_credentials(args);
  // Without --allow-remote the run refuses a remote target first (with the plan's figures).
  if (!creds.error.empty() && !args.dry_run && (args.allow_remote || args.credentials == "aws")) {
    std::cerr << "conform run: " << creds.error << "\n";
    return runner::kExitUsage;
  }
  options.credentials = creds.credentials;
  options.credentials_source = creds.source;
  options.allow_remote = args.allow_remote;
  options.dry_run = args.dry_run;
  options.max_rps = args.rps;
  options.redact_sensitive = args.redact_sensitive;
  options.plan_out = &std::cerr;
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
  if (outcome.dry_run) return outcome.exit_code;  // the plan is printed; nothing sent, nothing written

  std::string dir = args.report_dir ? *args.report_dir : report::default_report_dir();
  std::vector<std::string> errors;
  runner::write_case_files(outcome, dir, &errors);
  std::vector<std::string> files = report::write_reports(outcome.report, dir, &errors);
  if (!outcome.cases.empty()) files.push_back("cases/");
  std::cout << report::text_summary(outcome.report, dir, files) << std::flush;
  for (const auto& e : errors) std::cerr << "conform run: " << e << "\n";
  if (outcome.retries > 0)
    std::cerr << "conform run: " << outcome.retries << " throttled request(s) re-sent after backoff (not judged)\n";
  return outcome.exit_code;
}

}  // namespace conform::cli
