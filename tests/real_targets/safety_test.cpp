// Safety of runs against real accounts, end to end on loopback: the non-loopback guard, --dry-run (no
// request reaches the target), the plan, the run-prefix audit of fixture names, clean-up at the end and
// after a stop (Ctrl-C), and the list of what could not be cleaned up (summary and summary.json).
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "harness/report/text_summary.h"
#include "harness/report/write_reports.h"
#include "harness/runner/embedded_emulator.h"
#include "harness/runner/plan.h"
#include "harness/runner/run_conformance.h"
#include "harness/runner/safety.h"
#include "harness/spec/loader.h"
#include "harness/transport/caller.h"
#include "tests/real_targets/counting_emulator.h"
#include "tests/sigv4_e2e/child_process.h"

namespace conform::testing {
namespace {

runner::RunOptions options_for(const std::string& target) {
  runner::RunOptions o;
  o.target = target;
  o.seed = 21;
  o.examples = 1;
  o.ops = {"stepfunctions.SendTaskFailure", "stepfunctions.StopExecution"};
  return o;
}

TEST(Safety, RemoteTargetNeedsAllowRemoteAndNothingIsSent) {
  // 192.0.2.1 (TEST-NET-1) is not loopback; a refused run never connects, so this is instant offline.
  auto o = options_for("http://192.0.2.1:9");
  auto out = runner::run_conformance(o);
  EXPECT_EQ(out.exit_code, runner::kExitUsage);
  EXPECT_NE(out.error.find("--allow-remote"), std::string::npos) << out.error;
  EXPECT_NE(out.error.find("not a loopback"), std::string::npos) << out.error;
  EXPECT_EQ(out.requests, 0u);
}

TEST(Safety, LoopbackNeedsNoFlag) {
  auto url = transport::Url::parse("http://127.0.0.1:4566");
  ASSERT_TRUE(url);
  EXPECT_FALSE(runner::remote_guard(*url, false, 10));
  auto remote = transport::Url::parse("https://states.us-east-1.amazonaws.com");
  ASSERT_TRUE(remote);
  EXPECT_TRUE(runner::remote_guard(*remote, false, 10));
  EXPECT_FALSE(runner::remote_guard(*remote, true, 10));
}

TEST(Safety, DryRunSendsNothingToALoopbackEmulator) {
  CountingEmulator emu;
  std::ostringstream plan;
  auto o = options_for(emu.url());
  o.dry_run = true;
  o.plan_out = &plan;
  auto out = runner::run_conformance(o);
  EXPECT_EQ(out.exit_code, 0) << out.error;
  EXPECT_TRUE(out.dry_run);
  EXPECT_EQ(emu.count(), 0u) << "a dry run must not send anything";
  EXPECT_EQ(out.requests, 0u);
  EXPECT_NE(plan.str().find("dry run"), std::string::npos) << plan.str();
  EXPECT_NE(plan.str().find(out.report.run_id), std::string::npos) << plan.str();
  EXPECT_NE(plan.str().find("CreateActivity name=" + out.report.run_id + "-act-"), std::string::npos) << plan.str();
  EXPECT_NE(plan.str().find("requests:    about "), std::string::npos) << plan.str();

  // The same run for real reaches the emulator, and the estimate is of the right order.
  auto real = runner::run_conformance(options_for(emu.url()));
  EXPECT_EQ(real.exit_code, 0) << real.error << real.report.exit_reason;
  EXPECT_GT(emu.count(), 0u);
  EXPECT_EQ(emu.count(), real.requests + 1);  // + the reachability probe
  std::string error;
  auto plan_made = runner::make_plan({&spec::builtin_specs(), &oracle::registry(), o.ops, {}, 21, 1, {}}, &error);
  ASSERT_TRUE(plan_made) << error;
  uint64_t estimate = runner::estimate_requests(*plan_made, spec::builtin_specs(), 4);
  EXPECT_GE(estimate * 2, real.requests) << "estimate " << estimate << " vs " << real.requests;
  EXPECT_LE(estimate, real.requests * 2) << "estimate " << estimate << " vs " << real.requests;
}

TEST(Safety, DryRunOfARemoteTargetPrintsThePlanWithoutTheFlag) {
  std::ostringstream plan;
  auto o = options_for("https://192.0.2.1");
  o.dry_run = true;
  o.plan_out = &plan;
  o.credentials_source = "environment";
  auto out = runner::run_conformance(o);
  EXPECT_EQ(out.exit_code, 0) << out.error;
  EXPECT_NE(plan.str().find("https://192.0.2.1"), std::string::npos);
  EXPECT_NE(plan.str().find("credentials: environment"), std::string::npos) << plan.str();
}

TEST(Safety, EveryBuiltinFixtureNamesItsResourcesWithTheRunPrefix) {
  std::string error;
  auto plan = runner::make_plan({&spec::builtin_specs(), &oracle::registry(), {}, {}, 1, 1, {}}, &error);
  ASSERT_TRUE(plan) << error;
  EXPECT_FALSE(runner::fixtures_used(*plan, spec::builtin_specs()).empty());
  auto problems = runner::audit_resource_names(*plan, spec::builtin_specs());
  EXPECT_TRUE(problems.empty()) << problems.front();
}

TEST(Safety, AFixtureWithoutTheRunPrefixIsRefusedForRemoteTargets) {
  // A copy of the specs whose activity name lacks ${run}.
  std::string dir = scratch_dir("unprefixed-specs");
  for (const auto& f : spec::builtin_spec_files()) {
    std::filesystem::path p = std::filesystem::path(dir) / f.path;
    std::filesystem::create_directories(p.parent_path());
    std::string text = f.content;
    if (f.path == "stepfunctions/service.json") {
      size_t at = text.find("\"${run}-act-${seq}\"");
      ASSERT_NE(at, std::string::npos);
      text.replace(at, std::string("\"${run}-act-${seq}\"").size(), "\"shared-activity\"");
    }
    std::ofstream(p) << text;
  }
  auto loaded = spec::load_spec_dir(dir);
  ASSERT_TRUE(loaded.ok());
  std::string error;
  auto plan = runner::make_plan({&*loaded.specs, &oracle::registry(), {"stepfunctions.SendTaskFailure"}, {}, 1, 1, {}}, &error);
  ASSERT_TRUE(plan) << error;
  auto problems = runner::audit_resource_names(*plan, *loaded.specs);
  ASSERT_FALSE(problems.empty());
  EXPECT_NE(problems.front().find("shared-activity"), std::string::npos) << problems.front();

  auto o = options_for("https://192.0.2.1");
  o.spec_dir = dir;
  o.ops = {"stepfunctions.SendTaskFailure"};
  o.allow_remote = true;
  auto out = runner::run_conformance(o);
  EXPECT_EQ(out.exit_code, runner::kExitUsage);
  EXPECT_NE(out.error.find("run prefix"), std::string::npos) << out.error;
}

TEST(Safety, CleanupFailuresAreListedInTheSummaryAndSummaryJson) {
  // DeleteStateMachine fails at the target: every state machine the run made is reported as left over.
  CountingEmulator emu({}, [](const http::Request&, const std::string& op) -> std::optional<http::Response> {
    if (op != "DeleteStateMachine") return std::nullopt;
    http::Response r;
    r.status = 400;
    r.headers.set("Content-Type", "application/x-amz-json-1.0");
    r.body = R"({"__type":"com.amazonaws.swf.service.v2.model#AccessDeniedException","message":"not allowed"})";
    return r;
  });
  auto o = options_for(emu.url());
  o.ops = {"stepfunctions.SendTaskFailure"};
  o.checks = {"positive_acceptance"};
  o.examples = 2;
  auto out = runner::run_conformance(o);
  EXPECT_EQ(out.exit_code, 0) << out.error << out.report.exit_reason;
  size_t deletes = emu.count_of("DeleteStateMachine");
  EXPECT_EQ(deletes, 2u);
  ASSERT_EQ(out.report.cleanup_failures.size(), deletes);
  EXPECT_NE(out.report.cleanup_failures[0].find("DeleteStateMachine"), std::string::npos);
  EXPECT_NE(out.report.cleanup_failures[0].find("AccessDeniedException"), std::string::npos);
  EXPECT_NE(out.report.cleanup_failures[0].find(out.report.run_id + "-sm-"), std::string::npos)
      << out.report.cleanup_failures[0];

  std::string dir = scratch_dir("cleanup-report");
  std::vector<std::string> errors;
  auto files = report::write_reports(out.report, dir, &errors);
  auto summary = spec::Json::parse(slurp(std::filesystem::path(dir) / "summary.json"));
  ASSERT_EQ(summary["cleanupFailures"].size(), 2u);
  std::string text = report::text_summary(out.report, dir, files);
  EXPECT_NE(text.find("DeleteStateMachine"), std::string::npos) << text;
}

TEST(Safety, ResourcesAreCleanedUpAfterAStop) {
  CountingEmulator emu;
  std::atomic<bool> stop{false};
  std::atomic<int> seen{0};
  auto o = options_for(emu.url());
  o.ops = {"stepfunctions"};
  o.examples = 3;
  o.stop = &stop;
  o.on_exchange = [&](const transport::Exchange&) {
    if (++seen == 40) stop = true;  // as Ctrl-C does (SigintGuard sets the same flag)
  };
  auto out = runner::run_conformance(o);
  EXPECT_TRUE(out.report.interrupted);
  EXPECT_LT(out.units_run, out.units_planned);
  EXPECT_GT(emu.count_of("CreateStateMachine"), 0u);
  EXPECT_TRUE(out.report.cleanup_failures.empty());
  // Nothing the run made is left: the target lists no activity and no state machine (the run made them
  // all: fixtures, and what CreateActivity / CreateStateMachine under test made).
  auto url = transport::Url::parse(emu.url());
  ASSERT_TRUE(url);
  transport::Caller caller(*url, {});
  const auto& specs = spec::builtin_specs();
  const auto* sfn = specs.find_service("stepfunctions");
  for (const auto& [op, items] : {std::pair{"ListActivities", "activities"}, std::pair{"ListStateMachines", "stateMachines"}}) {
    auto r = caller.call(*sfn, *specs.find_operation("stepfunctions", op), spec::Json{{"maxResults", 1000}});
    ASSERT_TRUE(r.ok()) << op << " " << r.status;
    EXPECT_TRUE(r.output[items].empty()) << op << " lists what the run left: " << r.output[items].dump().substr(0, 300);
  }
}

TEST(Safety, NegativeRpsIsAUsageError) {
  auto bad = options_for("http://127.0.0.1:9");
  bad.max_rps = -1;
  auto out = runner::run_conformance(bad);
  EXPECT_EQ(out.exit_code, runner::kExitUsage);
  EXPECT_NE(out.error.find("--rps"), std::string::npos) << out.error;
}

}  // namespace
}  // namespace conform::testing
