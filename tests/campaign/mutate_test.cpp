// Mutation of case inputs is sound: a mutant that stays with a check judging valid inputs is still
// valid (bound members aside), one that breaks a constraint becomes a no_server_error case, a
// negative_rejection mutant keeps exactly its one violation, closer swaps keep the closed case
// consistent; and --time durations parse.
#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "harness/campaign/duration.h"
#include "harness/campaign/mutate.h"
#include "harness/gen/generation_lock.h"
#include "harness/gen/valid_input.h"
#include "harness/gen/validate.h"
#include "harness/gen/violation.h"
#include "harness/spec/loader.h"

namespace conform::campaign {
namespace {

using spec::Json;

std::vector<std::string> violations_ignoring_bound(const spec::Operation& op, const Json& input) {
  auto bound = gen::bound_members(op);
  std::vector<std::string> out;
  for (const auto& v : gen::validate_input(op, input))
    if (!(v.constraint == "required" && bound.count(v.path))) out.push_back(v.path + "|" + v.constraint);
  std::sort(out.begin(), out.end());
  return out;
}

template <class T>
T sample(const rc::Gen<T>& g, uint64_t seed, int size = 30) {
  auto lock = gen::hold_generation_lock();
  return g(rc::Random(seed), size).value();
}

TEST(Mutate, ValidChecksStayValidOrBecomeNoServerErrorCases) {
  const auto& specs = spec::builtin_specs();
  int kept = 0, rerouted = 0;
  for (const auto& op : specs.operations) {
    if (!op.role.empty() && op.role != "subject") continue;
    for (uint64_t seed = 1; seed <= 40; ++seed) {
      Json c{{"mode", "random"}, {"input", sample(gen::valid_input(op), seed)}};
      Rng rng(seed * 7919);
      auto m = mutate_case(specs, op, "positive_acceptance", c, rng, {"forged-token-from-an-earlier-case"});
      if (!m) continue;
      EXPECT_FALSE(m->mutation.empty());
      if (m->check == "positive_acceptance") {
        ++kept;
        EXPECT_EQ(m->operation, op.id());
        EXPECT_TRUE(violations_ignoring_bound(op, m->case_input["input"]).empty())
            << op.id() << " " << m->mutation << ": " << m->case_input.dump().substr(0, 300);
      } else {
        ++rerouted;
        EXPECT_EQ(m->check, "no_server_error");
        EXPECT_EQ(m->case_input.value("kind", ""), "mutated");
        EXPECT_TRUE(m->case_input.contains("input"));
      }
    }
  }
  EXPECT_GT(kept, 0);
  EXPECT_GT(rerouted, 0);
}

TEST(Mutate, NegativeRejectionKeepsExactlyItsViolation) {
  const auto& specs = spec::builtin_specs();
  int kept = 0;
  for (const auto& op : specs.operations) {
    if (!op.role.empty() && op.role != "subject") continue;
    auto g = gen::any_violation_case(op);
    if (!g) continue;
    for (uint64_t seed = 1; seed <= 20; ++seed) {
      Json c = sample(*g, seed);
      Rng rng(seed);
      auto m = mutate_case(specs, op, "negative_rejection", c, rng, {});
      if (!m || m->check != "negative_rejection") continue;
      ++kept;
      EXPECT_EQ(violations_ignoring_bound(op, m->case_input["input"]), violations_ignoring_bound(op, c["input"]))
          << op.id() << " " << m->mutation;
      EXPECT_EQ(m->case_input["input"].value(c.value("member", ""), Json()), c["input"].value(c.value("member", ""), Json()));
    }
  }
  EXPECT_GT(kept, 0);
}

TEST(Mutate, ClosedCasesSwapCloserConsistently) {
  const auto& specs = spec::builtin_specs();
  const spec::Operation* op = specs.find_operation("stepfunctions", "SendTaskFailure");
  ASSERT_NE(op, nullptr);
  Json c{{"mode", "closed"}, {"closer", "SendTaskFailure"}, {"closeInput", Json::object()},
         {"inputs", {{"SendTaskFailure", Json::object()}, {"SendTaskSuccess", {{"output", "{}"}}}}},
         {"different", Json::object()}};
  int swaps = 0;
  for (uint64_t seed = 1; seed <= 200; ++seed) {
    Rng rng(seed);
    auto m = mutate_case(specs, *op, "closed_token_idempotence", c, rng, {});
    ASSERT_TRUE(m);
    if (m->mutation.rfind("first close by ", 0) != 0) continue;
    ++swaps;
    EXPECT_EQ(m->check, "closed_token_idempotence");
    std::string closer = m->case_input["closer"];
    EXPECT_NE(closer, "SendTaskFailure");
    EXPECT_EQ(m->case_input["closeInput"], c["inputs"][closer]);
  }
  EXPECT_GT(swaps, 0);
}

TEST(Mutate, CodePointStringsHaveTheirLength) {
  Rng rng(3);
  for (int cls = 0; cls < 5; ++cls) {
    std::string s = code_point_string(17, cls, rng);
    size_t n = 0;
    for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
    EXPECT_EQ(n, 17u) << cls;
  }
  EXPECT_EQ(code_point_string(3, 3, rng).size(), 12u);
}

TEST(Duration, ParsesTheDocumentedForms) {
  EXPECT_DOUBLE_EQ(*parse_duration("90"), 90);
  EXPECT_DOUBLE_EQ(*parse_duration("90s"), 90);
  EXPECT_DOUBLE_EQ(*parse_duration("1500ms"), 1.5);
  EXPECT_DOUBLE_EQ(*parse_duration("5m"), 300);
  EXPECT_DOUBLE_EQ(*parse_duration("2h"), 7200);
  EXPECT_DOUBLE_EQ(*parse_duration("1m30s"), 90);
  std::string error;
  for (const char* bad : {"", "0", "-5", "5x", "s", "1.2.3", "5 s", "10d", "99999999h", "1e3"}) {
    EXPECT_FALSE(parse_duration(bad, &error)) << bad;
  }
  EXPECT_NE(error.find("90s"), std::string::npos);
}

}  // namespace
}  // namespace conform::campaign
