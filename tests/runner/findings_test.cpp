// One deviation, one finding (report/model/root_cause.h), end to end against the embedded emulator:
// a planted fault that changes one behaviour comes out as one headline finding with its symptoms under
// it, the finding's fingerprint does not depend on the seed, a baseline entry accepts the whole finding,
// and a fidelity-only deviation (the wire spelling of errors) passes by default and fails with --strict.
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "harness/report/model/baseline.h"
#include "tests/runner/run_support.h"

namespace conform::runner {
namespace {

RunOptions with_fault(const std::string& fault, uint64_t seed, std::vector<std::string> ops) {
  RunOptions o;
  o.seed = seed;
  o.examples = 3;
  o.jobs = 2;
  o.shrink_budget = 0;
  o.faults = {fault};
  o.ops = std::move(ops);
  o.embedded = embedded_emulator_factory();
  return o;
}

std::vector<const report::HeadlineFinding*> contract(const report::RunReport& r) {
  std::vector<const report::HeadlineFinding*> out;
  for (const auto& f : r.findings)
    if (f.tier == "contract") out.push_back(&f);
  return out;
}

TEST(Findings, APlantedFaultIsOneFindingWithItsSymptoms) {
  RunOutcome out = run_conformance(with_fault("sfn-stop-no-state-change", 11, {"stepfunctions"}));
  ASSERT_EQ(out.exit_code, kExitFailures) << out.report.exit_reason << out.error;
  auto findings = contract(out.report);
  ASSERT_EQ(findings.size(), 1u) << findings.front()->title << " / " << findings.back()->title;
  const auto& f = *findings.front();
  EXPECT_GT(f.symptoms.size(), 5u);  // seen by several checks, siblings and facets
  EXPECT_NE(f.title.find("StopExecution"), std::string::npos) << f.title;
  EXPECT_EQ(f.cause, "close-without-effect");
  for (const auto& s : out.report.failures) EXPECT_EQ(s.finding, f.fingerprint) << s.rule << "/" << s.facet;
  EXPECT_NE(out.exit_code, kExitOk);
  EXPECT_NE(out.report.exit_reason.find("1 contract violation finding"), std::string::npos) << out.report.exit_reason;
}

TEST(Findings, FingerprintsAreStableAcrossSeeds) {
  std::set<std::string> first, second;
  for (auto [seed, set] : {std::pair{3ull, &first}, std::pair{29ull, &second}}) {
    RunOutcome out = run_conformance(with_fault("sfn-closed-token-accepted", seed, {"stepfunctions"}));
    ASSERT_EQ(out.exit_code, kExitFailures) << out.report.exit_reason;
    for (const auto* f : contract(out.report)) set->insert(f->fingerprint);
  }
  EXPECT_EQ(first, second);
  EXPECT_EQ(first.size(), 1u);
}

TEST(Findings, ABaselineEntryAcceptsAWholeFinding) {
  RunOutcome out = run_conformance(with_fault("swf-closed-task-accepted", 5, {"swf"}));
  ASSERT_EQ(out.exit_code, kExitFailures);
  auto findings = contract(out.report);
  ASSERT_EQ(findings.size(), 1u);
  // A baseline that lists only the finding, none of its symptoms.
  const std::string dir = testing::temp_dir("finding-baseline");
  const std::string file = dir + "/baseline.json";
  report::Json doc = {{"schema", report::kBaselineSchema}, {"accepted", report::Json::array({{{"fingerprint", findings.front()->fingerprint}}})}};
  { std::ofstream(file) << doc.dump(); }
  RunOptions o = with_fault("swf-closed-task-accepted", 5, {"swf"});
  o.baseline_file = file;
  RunOutcome again = run_conformance(o);
  EXPECT_EQ(again.exit_code, kExitOk) << again.report.exit_reason << again.error;
  for (const auto& s : again.report.failures) EXPECT_TRUE(s.accepted) << s.rule << "/" << s.facet;
  std::filesystem::remove_all(dir);
}

TEST(Findings, FidelityPassesByDefaultAndFailsWithStrict) {
  RunOutcome out = run_conformance(with_fault("error-namespace-dropped", 7, {"stepfunctions.SendTaskFailure"}));
  EXPECT_EQ(out.exit_code, kExitOk) << out.report.exit_reason;
  EXPECT_GE(out.report.count_findings("fidelity", ""), 1);
  EXPECT_EQ(out.report.count_findings("contract", "violation"), 0);
  EXPECT_NE(out.report.exit_reason.find("fidelity finding"), std::string::npos) << out.report.exit_reason;
  for (const auto& s : out.report.failures) EXPECT_EQ(s.tier, "fidelity") << s.rule << "/" << s.facet << ": " << s.observed;
  RunOptions strict = with_fault("error-namespace-dropped", 7, {"stepfunctions.SendTaskFailure"});
  strict.strict = true;
  EXPECT_EQ(run_conformance(strict).exit_code, kExitFailures);
}

TEST(Findings, ATargetWithoutDescribeDomainStillGetsEverySwfClosedTokenCheck) {
  // The SWF recipe binds the domain from RegisterDomain's own input; DescribeDomain is no step of it.
  RunOptions o;
  o.seed = 13;
  o.examples = 2;
  o.checks = {"closed_token_idempotence"};
  o.ops = {"swf.RespondActivityTaskFailed", "swf.RespondActivityTaskCompleted", "swf.RespondActivityTaskCanceled",
           "swf.RecordActivityTaskHeartbeat", "swf.DescribeDomain"};
  o.embedded = embedded_emulator_factory({"swf.DescribeDomain"});
  RunOutcome out = run_conformance(o);
  EXPECT_EQ(out.exit_code, kExitOk) << out.report.exit_reason << out.error;
  for (const auto& c : out.report.cells) {
    if (c.operation == "swf.DescribeDomain") {
      EXPECT_EQ(c.status, report::CellStatus::NotImplemented);
      continue;
    }
    EXPECT_EQ(c.status, report::CellStatus::Pass) << c.operation << ": " << c.reason;
    EXPECT_EQ(c.not_run, 0) << c.operation << ": " << c.reason;
  }
}

}  // namespace
}  // namespace conform::runner
