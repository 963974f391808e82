// Planning, sharding and seeds: deterministic, filters explained, shards partition the run.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <set>

#include "harness/runner/plan.h"
#include "harness/runner/seeds.h"
#include "harness/runner/shard.h"
#include "harness/spec/loader.h"
#include "tests/runner/fake_checks.h"

namespace conform::runner {
namespace {

PlanRequest request(int examples, Shard shard = {}) {
  PlanRequest r;
  r.specs = &spec::builtin_specs();
  r.registry = &testing::fake_registry();
  r.seed = 99;
  r.examples = examples;
  r.shard = shard;
  return r;
}

TEST(Plan, CoversEveryShippedOperationTimesEveryCheck) {
  // Whole services: every operation is under test, whatever role its recipes also give it.
  std::string error;
  auto plan = make_plan(request(3), &error);
  ASSERT_TRUE(plan) << error;
  EXPECT_EQ(plan->ops.size(), spec::builtin_specs().operations.size());
  EXPECT_EQ(plan->checks.size(), testing::fake_registry().size());
  EXPECT_EQ(plan->cells.size(), plan->ops.size() * plan->checks.size());
  // fake_na is not applicable: no units for it.
  size_t applicable = plan->ops.size() * (plan->checks.size() - 1);
  EXPECT_EQ(plan->units.size(), applicable * 3);
  for (size_t i = 0; i < plan->units.size(); ++i) EXPECT_EQ(plan->units[i].ordinal, i);
}

TEST(Plan, FiltersAcceptIdsNamesAndServices) {
  auto r = request(1);
  r.ops = {"stepfunctions.SendTaskFailure,RespondActivityTaskFailed"};
  r.checks = {"fake_pass"};
  std::string error;
  auto plan = make_plan(r, &error);
  ASSERT_TRUE(plan) << error;
  ASSERT_EQ(plan->ops.size(), 2u);
  EXPECT_EQ(plan->ops[0]->id(), "stepfunctions.SendTaskFailure");
  EXPECT_EQ(plan->ops[1]->id(), "swf.RespondActivityTaskFailed");
  r.ops = {"swf"};
  plan = make_plan(r, &error);
  ASSERT_TRUE(plan) << error;
  for (const auto* op : plan->ops) EXPECT_EQ(op->service, "swf");
}

TEST(Plan, UnknownNamesAreExplained) {
  auto r = request(1);
  r.ops = {"stepfunctions.SendTaskFailur"};
  std::string error;
  EXPECT_FALSE(make_plan(r, &error));
  EXPECT_NE(error.find("did you mean 'stepfunctions.SendTaskFailure'"), std::string::npos) << error;
  r.ops = {};
  r.checks = {"fake_pas"};
  EXPECT_FALSE(make_plan(r, &error));
  EXPECT_NE(error.find("fake_pass"), std::string::npos) << error;
}

TEST(Plan, SeedsDependOnlyOnTheUnit) {
  EXPECT_EQ(unit_seed(1, "a.B", "c", 0), unit_seed(1, "a.B", "c", 0));
  EXPECT_NE(unit_seed(1, "a.B", "c", 0), unit_seed(2, "a.B", "c", 0));
  EXPECT_NE(unit_seed(1, "a.B", "c", 0), unit_seed(1, "a.B", "c", 1));
  EXPECT_NE(unit_seed(1, "a.B", "c", 0), unit_seed(1, "a.B", "d", 0));
  EXPECT_EQ(run_prefix(5), run_prefix(5));
  EXPECT_NE(run_prefix(5), run_prefix(6));
  EXPECT_EQ(run_prefix(5).rfind("conform-", 0), 0u);
  EXPECT_EQ(example_size(0, 10), 0);
  EXPECT_EQ(example_size(9, 10), 100);
}

TEST(Shard, ParsesOnlyKOverN) {
  EXPECT_TRUE(parse_shard("1/1"));
  EXPECT_TRUE(parse_shard("3/4"));
  for (std::string bad : {"", "0/3", "4/3", "3", "/3", "1/", "a/b", "-1/2", "1/0", " 1/2", "1/99999999999", "1/2/3"}) {
    std::string error;
    EXPECT_FALSE(parse_shard(bad, &error)) << bad;
    EXPECT_FALSE(error.empty());
  }
}

RC_GTEST_PROP(Shard, ShardsPartitionThePlan, ()) {
  const int n = *rc::gen::inRange(1, 9);
  const int examples = *rc::gen::inRange(1, 5);
  auto full = make_plan(request(examples), nullptr);
  RC_ASSERT(full.has_value());
  std::multiset<size_t> seen;
  for (int k = 1; k <= n; ++k) {
    auto part = make_plan(request(examples, Shard{k, n}), nullptr);
    RC_ASSERT(part.has_value());
    RC_ASSERT(part->units_total == full->units_total);
    for (const auto& u : part->units) {
      seen.insert(u.ordinal);
      const auto& same = full->units[u.ordinal];
      RC_ASSERT(same.seed == u.seed);
      RC_ASSERT(same.cell == u.cell);
      RC_ASSERT(same.example == u.example);
    }
  }
  RC_ASSERT(seen.size() == full->units.size());
  size_t i = 0;
  for (size_t ordinal : seen) RC_ASSERT(ordinal == i++);
}

}  // namespace
}  // namespace conform::runner
