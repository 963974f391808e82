#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "harness/gen/utf8.h"
#include "harness/gen/validate.h"
#include "harness/gen/violation.h"
#include "harness/spec/loader.h"
#include "tests/gen/gen_test_support.h"
#include "tests/gen/spec_fixtures.h"

using namespace conform;
using conform::spec::Json;

namespace {

// The case breaks exactly the labelled constraint (a wrong type may hide nested checks: only "type").
void expect_single(const spec::Operation& op, const Json& c, const std::string& where) {
  auto problems = gen::validate_input(op, c["input"]);
  ASSERT_EQ(problems.size(), 1u) << where << " " << c.dump().substr(0, 400);
  EXPECT_EQ(problems[0].constraint, c["constraint"].get<std::string>()) << where;
  EXPECT_EQ(problems[0].path, c["path"].get<std::string>()) << where;
}

}  // namespace

TEST(Violation, HandMadeOperationListsEveryConstraintKind) {
  const auto op = every_constraint_operation();
  std::set<std::string> kinds;
  for (const auto& v : gen::violations_of(op)) kinds.insert(v.path() + "/" + v.constraint);
  for (const char* k : {"token/required", "token/length.max", "token/pattern", "secret/length.max", "mode/enum",
                        "doc/length.max", "count/range.min", "count/range.max", "tags/length.max", "inner.label/required",
                        "inner.label/length.min", "inner.weight/range.max", "token/type"})
    EXPECT_TRUE(kinds.count(k)) << k;
  // An empty token would also break the pattern: not a single-constraint violation.
  EXPECT_FALSE(kinds.count("token/length.min"));
}

TEST(Violation, EachCaseViolatesExactlyOneConstraint) {
  const auto op = every_constraint_operation();
  for (const auto& v : gen::violations_of(op))
    for (uint64_t seed = 1; seed <= 5; ++seed) expect_single(op, draw(gen::violation_case(op, v), seed), v.path() + "/" + v.constraint);
}

TEST(Violation, BuiltinSubjectViolationsAreSingle) {
  const auto& specs = spec::builtin_specs();
  size_t checked = 0;
  for (const auto& op : specs.operations) {
    if (op.role != "subject") continue;  // what the checks run (fixture ops carry 1 MB definitions)
    for (const auto& v : gen::violations_of(op)) {
      Json c = draw(gen::violation_case(op, v), 11);
      expect_single(op, c, op.id() + " " + v.path() + "/" + v.constraint);
      ++checked;
    }
  }
  EXPECT_GT(checked, 40u);
}

TEST(Violation, LengthsAreOffByOneInCodePoints) {
  const auto& specs = spec::builtin_specs();
  const auto* op = specs.find_operation("stepfunctions.SendTaskFailure");
  ASSERT_NE(op, nullptr);
  for (const auto& v : gen::violations_of(*op)) {
    if (v.path() != "error" || v.constraint != "length.max") continue;
    for (uint64_t seed = 1; seed <= 10; ++seed) {
      Json c = draw(gen::violation_case(*op, v), seed);
      EXPECT_EQ(gen::code_points(c["value"].get<std::string>()), 257u);
      EXPECT_EQ(c["sensitive"], true);
      EXPECT_EQ(c["template"], "lengthMax");
    }
    return;
  }
  FAIL() << "no error/length.max violation";
}

TEST(Violation, DurableArnViolationsSkipEmptyLabel) {
  const auto& specs = spec::builtin_specs();
  const auto* op = specs.find_operation("lambda.StopDurableExecution");
  ASSERT_NE(op, nullptr);
  std::set<std::string> kinds;
  for (const auto& v : gen::violations_of(*op)) kinds.insert(v.path() + "/" + v.constraint);
  EXPECT_TRUE(kinds.count("DurableExecutionArn/pattern"));
  EXPECT_TRUE(kinds.count("DurableExecutionArn/length.max"));
  EXPECT_FALSE(kinds.count("DurableExecutionArn/required"));
  EXPECT_FALSE(kinds.count("DurableExecutionArn/length.min"));
}

TEST(Violation, DeterministicForASeed) {
  const auto op = every_constraint_operation();
  auto g = gen::any_violation_case(op);
  ASSERT_TRUE(g);
  for (uint64_t seed = 1; seed <= 20; ++seed) EXPECT_EQ(draw(*g, seed), draw(*g, seed));
}

TEST(Violation, LengthCapLeavesOutPayloadSizedViolationsOnly) {
  // SendTaskSuccess: `output` allows 262144 code points, so its max+1 violation is payload-sized.
  const auto* op = spec::builtin_specs().find_operation("stepfunctions.SendTaskSuccess");
  ASSERT_TRUE(op);
  std::set<std::string> all, small;
  for (const auto& v : gen::violations_of(*op)) {
    all.insert(v.path() + "/" + v.constraint);
    if (gen::offending_length(v) <= 4096) small.insert(v.path() + "/" + v.constraint);
  }
  EXPECT_TRUE(all.count("output/length.max"));
  EXPECT_FALSE(small.count("output/length.max"));
  EXPECT_TRUE(small.count("output/required"));
  EXPECT_TRUE(small.count("taskToken/length.max"));
  auto capped = gen::any_violation_case(*op, 4096);
  ASSERT_TRUE(capped);
  std::set<std::string> drawn;
  for (uint64_t seed = 1; seed <= 300; ++seed) {
    Json c = draw(*capped, seed);
    drawn.insert(c["path"].get<std::string>() + "/" + c["constraint"].get<std::string>());
    if (c["value"].is_string()) {
      EXPECT_LE(gen::code_points(c["value"].get<std::string>()), 4096u);
    }
  }
  EXPECT_EQ(drawn, small);  // every small violation still drawn, no large one
}

TEST(Violation, MemoComputesEachOperationOnceAndDrawsTheSameCases) {
  const auto& specs = spec::builtin_specs();
  const auto* a = specs.find_operation("stepfunctions.SendTaskSuccess");
  const auto* b = specs.find_operation("swf.RespondActivityTaskFailed");
  ASSERT_TRUE(a && b);
  gen::ViolationMemo memo;
  auto first = gen::violations_of(*a, &memo);
  EXPECT_EQ(gen::violations_of(*a, &memo).get(), first.get());  // the same list, not a new one
  EXPECT_NE(gen::violations_of(*b, &memo).get(), first.get());
  std::vector<std::string> direct, memoised;
  for (const auto& v : gen::violations_of(*a)) direct.push_back(v.path() + "/" + v.constraint);
  for (const auto& v : *first) memoised.push_back(v.path() + "/" + v.constraint);
  EXPECT_EQ(memoised, direct);
  auto with_memo = gen::any_violation_case(*a, std::nullopt, &memo);
  auto without = gen::any_violation_case(*a);
  ASSERT_TRUE(with_memo && without);
  for (uint64_t seed = 1; seed <= 10; ++seed) EXPECT_EQ(draw(*with_memo, seed), draw(*without, seed));
}
