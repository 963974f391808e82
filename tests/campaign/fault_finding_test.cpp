// `conform fuzz` (the campaign behind it) finds every planted fault of the emulator within a bounded
// number of executions, saves the failure as a case file, and `conform replay`'s engine reproduces it on
// a fresh emulator with the same fault. A clean emulator gives exit 0 after a bounded campaign that did
// mutated cases (no violation: the mutations are judged soundly).
#include <gtest/gtest.h>

#include "emulator/core/faults.h"
#include "harness/runner/case_file.h"
#include "harness/runner/replay.h"
#include "tests/campaign/support.h"

namespace conform::campaign {
namespace {

class FuzzFindsFault : public ::testing::TestWithParam<std::string> {};

TEST_P(FuzzFindsFault, WithinABoundedRunAndTheCaseReplays) {
  CampaignOptions options = testing::bounded_campaign(2000);
  options.run.faults = {GetParam()};
  options.run.strict = emulator::all_faults()[static_cast<size_t>(*emulator::fault_from_name(GetParam()))].fidelity;
  options.stop_on_failure = true;  // the bound is --runs; stopping early keeps the test short
  CampaignOutcome outcome = run_campaign(options);
  runner::RunOutcome& run = outcome.run;
  ASSERT_EQ(run.exit_code, runner::kExitFailures) << GetParam() << ": " << run.report.exit_reason << run.error
                                                  << " after " << outcome.executions << " executions";
  ASSERT_FALSE(run.cases.empty());
  EXPECT_LE(outcome.executions, options.max_runs);
  std::string dir = testing::temp_dir("fault");
  auto written = runner::write_case_files(run, dir);
  ASSERT_EQ(written.size(), run.cases.size());
  size_t index = 0;
  while (index < run.report.failures.size() && run.report.failures[index].verdict != "violation") ++index;
  ASSERT_LT(index, run.report.failures.size());
  runner::ReplayOptions replay;
  replay.case_file = dir + "/" + run.report.failures[index].case_file;
  replay.embedded = runner::embedded_emulator_factory();
  auto again = runner::replay_case(replay);
  EXPECT_TRUE(again.reproduced) << GetParam() << ": " << replay.case_file << " " << again.error;
  EXPECT_EQ(again.exit_code, runner::kExitFailures);
  std::filesystem::remove_all(dir);
}

std::vector<std::string> fault_names() {
  std::vector<std::string> names;
  for (const auto& f : emulator::all_faults()) names.emplace_back(f.name);
  return names;
}

INSTANTIATE_TEST_SUITE_P(EveryFault, FuzzFindsFault, ::testing::ValuesIn(fault_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name;
                           for (char c : info.param) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

// Regression: --stop-on-failure stopped a campaign at its first fidelity finding, which does not fail a
// run without --strict; the contract violation of length-counted-in-bytes was then never reached.
TEST(FuzzStopOnFailure, AFidelityFindingDoesNotStopANonStrictCampaign) {
  CampaignOptions options = testing::bounded_campaign(150);
  options.run.faults = {"error-namespace-dropped"};
  options.run.ops = {"stepfunctions.StopExecution"};
  options.stop_on_failure = true;
  CampaignOutcome outcome = run_campaign(options);
  EXPECT_EQ(outcome.run.exit_code, runner::kExitOk) << outcome.run.report.exit_reason << outcome.run.error;
  EXPECT_GT(outcome.run.report.count_fidelity(false), 0) << "the fault is seen";
  EXPECT_EQ(outcome.executions, 150u) << "and the campaign goes on to its bound";
  options.run.strict = true;
  CampaignOutcome strict = run_campaign(options);
  EXPECT_EQ(strict.run.exit_code, runner::kExitFailures);
  EXPECT_LT(strict.executions, 150u) << "with --strict the fidelity finding stops it";
}

TEST(FuzzCleanEmulator, BoundedCampaignExitsZeroAfterMutating) {
  CampaignOptions options = testing::bounded_campaign(400, 9);
  // The closing operations: enough cells for a corpus, few enough that 400 runs reach the mutations.
  options.run.ops = {"stepfunctions.StopExecution", "stepfunctions.SendTaskFailure", "stepfunctions.SendTaskSuccess",
                     "stepfunctions.SendTaskHeartbeat", "swf.RespondActivityTaskFailed", "swf.RespondActivityTaskCompleted",
                     "swf.RespondActivityTaskCanceled", "swf.RecordActivityTaskHeartbeat", "lambda.StopDurableExecution"};
  CampaignOutcome outcome = run_campaign(options);
  EXPECT_EQ(outcome.run.exit_code, runner::kExitOk) << outcome.run.report.exit_reason << outcome.run.error;
  // Unconfirmed findings (soft provenance) may appear for edge inputs the mutations reach; they do not
  // fail the run. A violation would be a false positive of a mutation (or an emulator bug).
  for (const auto& f : outcome.run.report.failures)
    if (f.verdict == "violation")
      ADD_FAILURE() << f.check << " " << f.operation << " " << f.rule << "/" << f.facet << ": expected " << f.expected
                    << "; observed " << f.observed;
  EXPECT_EQ(outcome.executions, 400u);
  EXPECT_GT(outcome.mutated, 0u);
  EXPECT_GT(outcome.corpus, 0u);
  EXPECT_GT(outcome.run.requests, outcome.executions);
}

}  // namespace
}  // namespace conform::campaign
