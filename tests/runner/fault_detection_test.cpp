// Every planted fault of the emulator is detected by the real checks (the run exits 1; with --strict for
// a fidelity fault), each failure is saved as a case, and replaying the case on a fresh emulator with
// the fault reproduces it.
#include <gtest/gtest.h>

#include "emulator/core/faults.h"
#include "harness/runner/case_file.h"
#include "harness/runner/replay.h"
#include "tests/runner/run_support.h"

namespace conform::runner {
namespace {

class FaultDetection : public ::testing::TestWithParam<std::string> {};

TEST_P(FaultDetection, RunFailsAndTheCaseReplays) {
  RunOptions options;
  options.seed = 11;
  options.examples = 3;
  options.jobs = 2;
  options.shrink_budget = 16;
  options.faults = {GetParam()};
  options.embedded = embedded_emulator_factory();
  // A fidelity fault (the wire spelling SDKs ignore) is reported as a fidelity finding: it fails a run
  // only with --strict.
  options.strict = emulator::all_faults()[static_cast<size_t>(*emulator::fault_from_name(GetParam()))].fidelity;
  auto outcome = run_conformance(options);
  ASSERT_EQ(outcome.exit_code, kExitFailures) << GetParam() << ": " << outcome.report.exit_reason << outcome.error;
  ASSERT_FALSE(outcome.cases.empty());
  ASSERT_EQ(outcome.cases.size(), outcome.report.failures.size());
  std::string dir = testing::temp_dir("fault");
  auto written = write_case_files(outcome, dir);
  ASSERT_EQ(written.size(), outcome.cases.size());
  // The first violation's case reproduces on a fresh emulator with the same fault.
  size_t index = 0;
  while (index < outcome.report.failures.size() && outcome.report.failures[index].verdict != "violation") ++index;
  ASSERT_LT(index, outcome.report.failures.size());
  ReplayOptions replay;
  replay.case_file = dir + "/" + outcome.report.failures[index].case_file;
  replay.embedded = embedded_emulator_factory();
  auto again = replay_case(replay);
  EXPECT_TRUE(again.reproduced) << GetParam() << ": " << replay.case_file << " " << again.error;
  EXPECT_EQ(again.exit_code, kExitFailures);
  std::filesystem::remove_all(dir);
}

std::vector<std::string> fault_names() {
  std::vector<std::string> names;
  for (const auto& f : emulator::all_faults()) names.emplace_back(f.name);
  return names;
}

INSTANTIATE_TEST_SUITE_P(EveryFault, FaultDetection, ::testing::ValuesIn(fault_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name;
                           for (char c : info.param) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

}  // namespace
}  // namespace conform::runner
