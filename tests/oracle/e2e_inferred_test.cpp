// Inferred recipes against the real emulator: operations with no hand-written recipe get live
// fixtures from the hand-written recipes of their service (no case is "not run"), valid requests on
// them succeed, a never-issued identifier gets the documented not-found error, and what a producing
// call makes is cleaned up after the case.
#include <gtest/gtest.h>

#include "harness/oracle/check.h"
#include "tests/oracle/e2e_support.h"

using namespace conform;
using namespace conform::e2e;

namespace {

class InferredRecipe : public ::testing::TestWithParam<std::string> {};

TEST_P(InferredRecipe, GivesALiveFixtureAndTheDocumentedNotFoundError) {
  Target t;
  ASSERT_TRUE(t.ok()) << t.error();
  const spec::Operation* op = t.specs().find_operation(GetParam());
  ASSERT_NE(op, nullptr);
  ASSERT_TRUE(op->lifecycle && op->lifecycle->inferred) << "expected an inferred lifecycle";

  const auto* positive = oracle::find_check("positive_acceptance");
  for (uint64_t seed = 1; seed <= 3; ++seed) {
    auto r = t.run(*positive, *op, t.draw(*positive, *op, seed));
    EXPECT_FALSE(r.not_run) << r.not_run_reason;
    EXPECT_FALSE(has_verdict(r, oracle::Verdict::Violation)) << describe_findings(r, oracle::Verdict::Violation);
    EXPECT_FALSE(has_verdict(r, oracle::Verdict::Unconfirmed)) << describe_findings(r, oracle::Verdict::Unconfirmed);
    bool fixture_call = false;
    for (const auto& e : r.exchanges) fixture_call = fixture_call || e.purpose == "fixture";
    EXPECT_TRUE(fixture_call) << "the inferred recipe made a live resource first";
  }

  const auto* unknown = oracle::find_check("unknown_resource");
  if (op->name == "DeleteStateMachine") {
    // The model documents no not-found error for it (AWS deletes asynchronously and idempotently): no
    // unknown-resource rule is inferred, and the state read back after the delete is what is judged.
    EXPECT_TRUE(unknown->not_applicable(t.scope(*op)));
    const auto* state = oracle::find_check("state_effect");
    ASSERT_FALSE(state->not_applicable(t.scope(*op)));
    auto r = t.run(*state, *op, t.draw(*state, *op, 1));
    EXPECT_FALSE(r.not_run) << r.not_run_reason;
    bool judged = false;
    for (const auto& f : r.findings)
      if (f.facet == "state:answers-StateMachineDoesNotExist") {
        judged = true;
        EXPECT_EQ(f.verdict, oracle::Verdict::Pass) << f.observed;
      }
    EXPECT_TRUE(judged);
    return;
  }
  ASSERT_FALSE(unknown->not_applicable(t.scope(*op))) << "no unknown-resource rule was inferred";
  auto r = t.run(*unknown, *op, t.draw(*unknown, *op, 1));
  EXPECT_FALSE(r.not_run) << r.not_run_reason;
  bool judged_error = false;
  for (const auto& f : r.findings) {
    if (f.facet != "error") continue;
    judged_error = true;
    EXPECT_EQ(f.verdict, oracle::Verdict::Pass) << f.rule << ": expected " << f.expected << ", observed " << f.observed;
  }
  EXPECT_TRUE(judged_error);
}

INSTANTIATE_TEST_SUITE_P(NoHandWrittenRecipe, InferredRecipe,
                         ::testing::Values("stepfunctions.DescribeActivity", "stepfunctions.DeleteStateMachine",
                                           "swf.DescribeWorkflowType", "lambda.GetFunction"),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (char& ch : n)
                             if (ch == '.') ch = '_';
                           return n;
                         });

TEST(InferredRecipe, WhatAProducerMakesIsCleanedUpWithWhatItsAnswerNamed) {
  Target t;
  ASSERT_TRUE(t.ok()) << t.error();
  const spec::Operation* create = t.specs().find_operation("stepfunctions.CreateActivity");
  ASSERT_NE(create, nullptr);
  const auto* positive = oracle::find_check("positive_acceptance");
  auto r = t.run(*positive, *create, t.draw(*positive, *create, 1));
  ASSERT_FALSE(r.not_run) << r.not_run_reason;
  std::string made;
  for (const auto& e : r.exchanges)
    if (e.purpose == "probe" && e.response.status == 200) made = Json::parse(e.response.body).value("activityArn", "");
  ASSERT_FALSE(made.empty());
  bool deleted = false;
  for (const auto& e : r.exchanges)
    if (e.purpose == "cleanup" && e.operation == "stepfunctions.DeleteActivity" && e.request.body.find(made) != std::string::npos)
      deleted = e.response.status == 200;
  EXPECT_TRUE(deleted) << "the activity the call made was deleted after the case";
}

TEST(InferredRecipe, DeletingTwiceLeavesNoCleanUpProblem) {
  // DeleteActivity under test removes the fixture's activity; the fixture's own clean-up then finds it
  // gone (not found), which is not a clean-up failure.
  Target t;
  ASSERT_TRUE(t.ok()) << t.error();
  const spec::Operation* del = t.specs().find_operation("stepfunctions.DeleteStateMachine");
  ASSERT_NE(del, nullptr);
  const auto* positive = oracle::find_check("positive_acceptance");
  auto r = t.run(*positive, *del, t.draw(*positive, *del, 2));
  ASSERT_FALSE(r.not_run) << r.not_run_reason;
  EXPECT_FALSE(has_verdict(r, oracle::Verdict::Violation)) << describe_findings(r, oracle::Verdict::Violation);
}

}  // namespace
