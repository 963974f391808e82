#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "harness/gen/utf8.h"
#include "harness/gen/valid_input.h"
#include "harness/gen/validate.h"
#include "harness/spec/loader.h"
#include "tests/gen/gen_test_support.h"
#include "tests/gen/spec_fixtures.h"

using namespace conform;
using conform::spec::Json;

namespace {
std::string show(const std::vector<gen::ConstraintViolation>& v) {
  std::string s;
  for (const auto& x : v) s += x.path + ":" + x.constraint + "(" + x.detail + ") ";
  return s;
}
}  // namespace

RC_GTEST_PROP(ValidInput, HandMadeOperationInputsSatisfyEveryConstraint, ()) {
  static const auto op = every_constraint_operation();
  const auto input = *gen::valid_input(op, {});
  const auto problems = gen::validate_input(op, input);
  RC_ASSERT(problems.empty());
}

TEST(ValidInput, BuiltinSpecsInputsAreValid) {
  const auto& specs = spec::builtin_specs();
  for (const auto& op : specs.operations) {
    for (uint64_t seed = 1; seed <= 15; ++seed) {
      Json input = draw(gen::valid_input(op, {}), seed);
      auto problems = gen::validate_input(op, input);
      EXPECT_TRUE(problems.empty()) << op.id() << " seed " << seed << ": " << show(problems) << input.dump().substr(0, 300);
    }
  }
}

TEST(ValidInput, BoundMembersAreLeftOut) {
  const auto& specs = spec::builtin_specs();
  const auto* op = specs.find_operation("stepfunctions.SendTaskFailure");
  ASSERT_NE(op, nullptr);
  for (uint64_t seed = 1; seed <= 10; ++seed) EXPECT_FALSE(draw(gen::valid_input(*op), seed).contains("taskToken"));
}

TEST(ValidInput, AtBoundsHitsExactLengthsWithMultibyteCharacters) {
  const auto& specs = spec::builtin_specs();
  const auto* op = specs.find_operation("stepfunctions.SendTaskFailure");
  ASSERT_NE(op, nullptr);
  Json max = draw(gen::valid_input_at_bounds(*op, gen::Bound::Max, gen::Alphabet::Astral), 5);
  ASSERT_TRUE(max.contains("error"));
  EXPECT_EQ(gen::code_points(max["error"].get<std::string>()), 256u);
  EXPECT_EQ(max["error"].get<std::string>().size(), 4u * 256);
  EXPECT_EQ(gen::code_points(max["cause"].get<std::string>()), 32768u);
  EXPECT_TRUE(gen::validate_input(*op, max).empty() || !max.contains("taskToken"));
  Json min = draw(gen::valid_input_at_bounds(*op, gen::Bound::Min, gen::Alphabet::Bmp), 5);
  EXPECT_EQ(min["error"], "");
}

TEST(ValidInput, DeterministicForASeed) {
  const auto op = every_constraint_operation();
  for (uint64_t seed = 1; seed <= 20; ++seed) EXPECT_EQ(draw(gen::valid_input(op, {}), seed), draw(gen::valid_input(op, {}), seed));
}

TEST(ValidInput, ShrinksTowardFewerMembersAndShorterStrings) {
  const auto op = every_constraint_operation();
  auto shrinkable = gen::valid_input(op, {})(rc::Random(7), 60);
  Json minimal = shrink_to_minimal<Json>(shrinkable, [](const Json&) { return true; });
  // Only the required member is left, at its minimum length.
  ASSERT_EQ(minimal.size(), 1u) << minimal.dump();
  EXPECT_EQ(gen::code_points(minimal["token"].get<std::string>()), 1u);
}
