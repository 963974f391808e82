// Shrinking walks the RapidCheck shrink tree greedily to a minimal failing case.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "harness/runner/shrink.h"
#include "tests/runner/fake_checks.h"
#include "tests/runner/run_support.h"

namespace conform::runner {
namespace {

using spec::Json;

oracle::CaseResult judge_length(const Json& input, size_t threshold) {
  oracle::CaseResult r;
  r.case_input = input;
  oracle::Finding f;
  f.rule = "name-length";
  f.facet = "value";
  f.verdict = input.value("name", "").size() >= threshold ? oracle::Verdict::Violation : oracle::Verdict::Pass;
  r.findings.push_back(f);
  return r;
}

bool fails(const oracle::CaseResult& r) {
  return !r.findings.empty() && r.findings[0].verdict == oracle::Verdict::Violation;
}

RC_GTEST_PROP(Shrink, ReachesTheMinimalFailingCase, ()) {
  const size_t threshold = *rc::gen::inRange<size_t>(1, 6);
  const uint64_t seed = *rc::gen::arbitrary<uint64_t>();
  auto shrinkable = testing::name_gen()(rc::Random(seed), 100);
  Json start = shrinkable.value();
  RC_PRE(start["name"].get<std::string>().size() >= threshold);
  int runs = 0;
  auto result = shrink_case(
      shrinkable, judge_length(start, threshold),
      [&](const Json& in) {
        ++runs;
        return judge_length(in, threshold);
      },
      fails, 10000);
  RC_ASSERT(fails(result.result));
  RC_ASSERT(result.input["name"].get<std::string>().size() == threshold);
  RC_ASSERT(result.input["name"].get<std::string>() == std::string(threshold, 'a'));
  RC_ASSERT(result.input["items"].empty());
  RC_ASSERT(result.attempts == runs);
  RC_ASSERT(!result.budget_exhausted);
}

TEST(Shrink, StopsAtTheBudget) {
  auto shrinkable = testing::name_gen()(rc::Random(42), 100);
  Json start = shrinkable.value();
  ASSERT_GE(start["name"].get<std::string>().size(), 3u);
  auto result = shrink_case(shrinkable, judge_length(start, 3), [](const Json& in) { return judge_length(in, 3); },
                            fails, 2);
  EXPECT_LE(result.attempts, 2);
  EXPECT_TRUE(result.budget_exhausted);
  EXPECT_TRUE(fails(result.result));  // still a failing case, maybe not minimal
}

TEST(Shrink, ARunnerThatThrowsIsSkipped) {
  auto shrinkable = testing::name_gen()(rc::Random(42), 100);
  Json start = shrinkable.value();
  auto result = shrink_case(
      shrinkable, judge_length(start, 3), [](const Json&) -> oracle::CaseResult { throw std::runtime_error("boom"); },
      fails, 50);
  EXPECT_EQ(result.steps, 0);
  EXPECT_EQ(result.input, start);
}

TEST(Shrink, TheRunShrinksEachDistinctFailure) {
  auto options = testing::fake_options({"fake_long_name"});
  options.ops = {"stepfunctions.SendTaskFailure"};
  options.examples = 8;
  auto outcome = run_conformance(options);
  ASSERT_EQ(outcome.exit_code, kExitFailures) << outcome.error;
  ASSERT_FALSE(outcome.cases.empty());
  for (const auto& c : outcome.cases) {
    EXPECT_EQ(c.result.case_input["name"], "aaa") << c.result.case_input.dump();
    EXPECT_TRUE(c.result.case_input["items"].empty());
  }
  ASSERT_EQ(outcome.report.failures.size(), outcome.cases.size());
}

}  // namespace
}  // namespace conform::runner
