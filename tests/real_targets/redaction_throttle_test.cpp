// --redact-sensitive (values of @sensitive members never reach reports or case files), the credential
// scrub of outcomes, and throttling: a run against an emulator that throttles every N-th request still
// passes (backoff, never a violation) and counts its retries.
#include <gtest/gtest.h>

#include <filesystem>

#include "harness/report/write_reports.h"
#include "harness/runner/case_file.h"
#include "harness/runner/embedded_emulator.h"
#include "harness/runner/outcome_redaction.h"
#include "harness/runner/run_conformance.h"
#include "harness/spec/loader.h"
#include "tests/real_targets/counting_emulator.h"
#include "tests/sigv4_e2e/child_process.h"

namespace conform::testing {
namespace {

namespace fs = std::filesystem;

runner::RunOptions faulty_run() {
  runner::RunOptions o;
  o.embedded = runner::embedded_emulator_factory();
  o.faults = {"sfn-closed-token-accepted"};
  o.ops = {"stepfunctions.SendTaskFailure"};
  o.checks = {"closed_token_idempotence"};
  o.seed = 9;
  o.examples = 3;
  o.shrink_budget = 4;
  return o;
}

std::vector<std::pair<std::string, std::string>> files_under(const std::string& dir) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out.emplace_back(e.path().string(), slurp(e.path()));
  return out;
}

TEST(Redaction, SensitiveValuesNeverReachReportsOrCaseFiles) {
  auto plain = runner::run_conformance(faulty_run());
  ASSERT_EQ(plain.exit_code, 1) << plain.error << plain.report.exit_reason;
  ASSERT_FALSE(plain.cases.empty());
  std::vector<std::string> values;
  for (const auto& v : runner::sensitive_values(plain, spec::builtin_specs()))
    if (v.size() >= 3 && v.find('\\') == std::string::npos && v.find('"') == std::string::npos) values.push_back(v);
  ASSERT_FALSE(values.empty()) << "the cases should carry SendTaskFailure error/cause values";

  // Without the flag the values are in the case files (so the check below can fail).
  std::string plain_dir = scratch_dir("plain-report");
  runner::write_case_files(plain, plain_dir);
  bool found_plain = false;
  for (const auto& [name, text] : files_under(plain_dir))
    for (const auto& v : values) found_plain = found_plain || text.find(v) != std::string::npos;
  EXPECT_TRUE(found_plain);

  auto o = faulty_run();
  o.redact_sensitive = true;
  auto red = runner::run_conformance(o);
  ASSERT_EQ(red.exit_code, 1);
  std::string dir = scratch_dir("redacted-report");
  runner::write_case_files(red, dir);
  std::vector<std::string> errors;
  report::write_reports(red.report, dir, &errors);
  for (const auto& [name, text] : files_under(dir))
    for (const auto& v : values) EXPECT_EQ(text.find(v), std::string::npos) << "'" << v << "' in " << name;
  bool redacted_body = false;
  for (const auto& c : red.cases)
    for (const auto& e : c.result.exchanges)
      redacted_body = redacted_body || (e.operation == "stepfunctions.SendTaskFailure" &&
                                        e.request.body.find("\"<redacted>\"") != std::string::npos);
  EXPECT_TRUE(redacted_body);
}

TEST(Redaction, ScrubRemovesCredentialsFromEveryText) {
  runner::RunOutcome out;
  out.report.exit_reason = "failed with SECRETVALUE123";
  runner::CaseRecord c;
  transport::Exchange e;
  e.request.body = R"({"echo":"SECRETVALUE123","token":"TOKENVALUE456"})";
  e.response.body = "Signature=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  e.request.headers.add("X-Echo", "AKIAIOSFODNN7EXAMPLE");
  c.result.exchanges.push_back(e);
  c.finding.observed = "TOKENVALUE456";
  out.cases.push_back(c);
  runner::scrub_secrets(out, {"SECRETVALUE123", "TOKENVALUE456"});
  EXPECT_EQ(out.report.exit_reason.find("SECRETVALUE123"), std::string::npos);
  const auto& x = out.cases[0].result.exchanges[0];
  EXPECT_EQ(x.request.body.find("SECRETVALUE123"), std::string::npos);
  EXPECT_EQ(x.request.body.find("TOKENVALUE456"), std::string::npos);
  EXPECT_EQ(x.response.body.find("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(x.request.headers.get("X-Echo")->find("AKIAIOSFODNN7EXAMPLE"), std::string::npos);
  EXPECT_EQ(out.cases[0].finding.observed.find("TOKENVALUE456"), std::string::npos);
}

TEST(Throttling, ARunAgainstAThrottlingEmulatorPassesAndCountsRetries) {
  emulator::EmulatorOptions eo;
  eo.throttle_every = 7;
  CountingEmulator emu(eo);
  runner::RunOptions o;
  o.target = emu.url();
  o.ops = {"stepfunctions.SendTaskFailure", "lambda.StopDurableExecution"};
  o.seed = 4;
  o.examples = 1;
  auto out = runner::run_conformance(o);
  EXPECT_EQ(out.exit_code, 0) << out.error << out.report.exit_reason;
  EXPECT_TRUE(out.report.failures.empty()) << out.report.failures.front().message;
  EXPECT_GT(out.retries, 0u);
  EXPECT_LT(out.retries * 3, out.requests);  // about one in seven, not every request
  EXPECT_EQ(emu.count(), out.requests + 1);  // every send (retries included) is counted, + the probe
}

TEST(Throttling, CliRunAgainstAThrottlingEmulatorProcessPasses) {
  EmulatorProcess emu({"--throttle-every", "5"});
  ASSERT_FALSE(emu.url().empty());
  std::string dir = scratch_dir("throttle-cli");
  auto r = run_conform("run --target " + emu.url() + " --ops stepfunctions.StopExecution,swf.RespondActivityTaskFailed " +
                       "--examples 1 --seed 3 --no-progress --report " + dir);
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.err.find("throttled request(s) re-sent"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace conform::testing
