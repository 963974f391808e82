// The structure-aware mutator of emulator_request: each mutation does what it names on a real seed
// (a full SFN activity-task walk from corpus/emulator_request), and never exceeds max_size.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "emulator/app/emulator.h"
#include "fuzz/mutator/op_catalog.h"
#include "fuzz/mutator/script_mutator.h"
#include "fuzz/support/request_script.h"
#include "harness/spec/loader.h"

using namespace conform::fuzz;

namespace {

std::string read_seed(const std::string& name) {
  std::ifstream in(std::string(CONFORM_SOURCE_DIR) + "/corpus/emulator_request/" + name, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A byte fallback that must not be reached by structured mutations that apply.
size_t no_bytes(uint8_t*, size_t, size_t) {
  ADD_FAILURE() << "fell back to byte mutation";
  return 0;
}

std::vector<std::string> operations(const std::string& script) {
  std::vector<std::string> ops;
  for (const auto& step : parse_script(script)) {
    const CatalogOp* c = OpCatalog::get().find(step);
    ops.push_back(step.is_advance ? "@advance" : c ? c->op->id() : "?");
  }
  return ops;
}

const std::string kWalk = "seed-stepfunctions-SendTaskFailure-lifecycle";

const CatalogOp* by_id(const std::string& id) {
  for (const auto& c : OpCatalog::get().ops())
    if (c.op->id() == id) return &c;
  return nullptr;
}

}  // namespace

TEST(OpCatalog, RecognisesEveryStepOfTheSeedWalks) {
  for (const char* seed : {"seed-stepfunctions-SendTaskFailure-lifecycle", "seed-swf-RespondActivityTaskFailed-lifecycle",
                           "seed-lambda-StopDurableExecution-lifecycle"}) {
    std::string script = read_seed(seed);
    ASSERT_FALSE(script.empty()) << seed;
    for (const auto& op : operations(script)) EXPECT_NE(op, "?") << seed;
  }
}

// With 161 spec'd operations and a few dozen implemented, the catalog keeps only the implemented ones
// (the others all answer UnknownOperationException).
TEST(OpCatalog, HoldsExactlyTheOperationsTheEmulatorImplements) {
  const conform::emulator::Emulator emulator;
  size_t implemented = 0;
  for (const auto& op : conform::spec::builtin_specs().operations) {
    bool in_catalog = false;
    for (const auto& c : OpCatalog::get().ops()) in_catalog = in_catalog || c.op == &op;
    bool expected = emulator.implements(op.service, op.name);
    EXPECT_EQ(in_catalog, expected) << op.id();
    implemented += expected ? 1 : 0;
  }
  EXPECT_EQ(OpCatalog::get().ops().size(), implemented);
  EXPECT_GT(implemented, 10u);
}

TEST(OpCatalog, RestJsonStepRoundTripsItsLabelPlaceholder) {
  std::string script = read_seed("seed-lambda-StopDurableExecution-lifecycle");
  auto steps = parse_script(script);
  const CatalogOp* stop = nullptr;
  ScriptStep step;
  for (const auto& s : steps)
    if (const CatalogOp* c = OpCatalog::get().find(s); c && c->op->name == "StopDurableExecution") stop = c, step = s;
  ASSERT_NE(stop, nullptr);
  auto input = OpCatalog::input_of(*stop, step);
  EXPECT_EQ(input["DurableExecutionArn"], "{{X-Amz-Durable-Execution-Arn}}");
  EXPECT_EQ(OpCatalog::make_step(*stop, input).target, step.target);
}

TEST(ScriptMutator, InsertRequestAddsOneRecognisedStep) {
  std::string seed = read_seed(kWalk);
  Rng rng(7);
  std::string out = apply_mutation(Mutation::InsertRequest, seed, 1 << 20, rng, no_bytes);
  auto before = operations(seed), after = operations(out);
  ASSERT_EQ(after.size(), before.size() + 1);
  for (const auto& op : after) EXPECT_NE(op, "?");
}

TEST(ScriptMutator, ReCloseRepeatsAClosingStep) {
  std::string seed = read_seed(kWalk);
  Rng rng(3);
  std::string out = apply_mutation(Mutation::ReClose, seed, 1 << 20, rng, no_bytes);
  auto before = operations(seed), after = operations(out);
  ASSERT_EQ(after.size(), before.size() + 1);
  auto count = [](const std::vector<std::string>& ops, const std::string& op) { return std::count(ops.begin(), ops.end(), op); };
  int grown = 0;
  for (const char* closer : {"stepfunctions.SendTaskFailure", "stepfunctions.SendTaskSuccess", "stepfunctions.StopExecution"})
    grown += count(after, closer) - count(before, closer);
  EXPECT_EQ(grown, 1);
}

TEST(ScriptMutator, SwapSiblingKeepsTheStepOnTheSameFixture) {
  std::string seed = read_seed(kWalk);
  for (unsigned s = 1; s < 20; ++s) {
    Rng rng(s);
    std::string out = apply_mutation(Mutation::SwapSibling, seed, 1 << 20, rng, no_bytes);
    auto before = operations(seed), after = operations(out);
    ASSERT_EQ(after.size(), before.size());
    int changed = 0;
    for (size_t i = 0; i < after.size(); ++i) {
      if (after[i] == before[i]) continue;
      ++changed;
      // A sibling: same service and fixture (hand-written or inferred, e.g. DeleteActivity's on the
      // activity-task recipe since spec/inference).
      const CatalogOp* was = by_id(before[i]);
      const CatalogOp* now = by_id(after[i]);
      ASSERT_NE(was, nullptr) << before[i];
      ASSERT_NE(now, nullptr) << after[i];
      EXPECT_EQ(now->service, was->service) << after[i];
      EXPECT_FALSE(now->fixture.empty()) << after[i];
      EXPECT_EQ(now->fixture, was->fixture) << before[i] << " -> " << after[i];
    }
    EXPECT_EQ(changed, 1) << "seed " << s;
  }
}

TEST(ScriptMutator, BoundaryValuesHitTheSpecLengthsInCodePoints) {
  EXPECT_EQ(repeat_char(3, 0), "aaa");
  EXPECT_EQ(repeat_char(2, 3).size(), 8u);  // two 4-byte code points
  conform::spec::Member m;
  auto shape = std::make_shared<conform::spec::Shape>();
  shape->length = conform::spec::Range{1, 80};
  m.name = "name";
  m.shape = shape;
  std::set<size_t> lengths;
  for (unsigned s = 1; s < 200; ++s) {
    Rng rng(s);
    auto v = boundary_value(m, rng);
    ASSERT_TRUE(v.is_string());
    std::string text = v.get<std::string>();
    size_t cps = 0;
    for (unsigned char c : text) cps += (c & 0xC0) != 0x80;
    lengths.insert(cps);
  }
  EXPECT_EQ(lengths, (std::set<size_t>{0, 1, 80, 81}));
}

TEST(ScriptMutator, IdentifierAndWrongTypeRewriteOneMember) {
  std::string seed = read_seed(kWalk);
  Rng rng(11);
  std::string out = apply_mutation(Mutation::WrongType, seed, 1 << 20, rng, no_bytes);
  EXPECT_NE(out, seed);
  EXPECT_EQ(operations(out), operations(seed));
  Rng rng2(5);
  out = apply_mutation(Mutation::Identifier, seed, 1 << 20, rng2, no_bytes);
  EXPECT_EQ(operations(out), operations(seed));
}

TEST(ScriptMutator, AdvanceInsertsAClockStep) {
  std::string seed = read_seed(kWalk);
  Rng rng(2);
  auto after = operations(apply_mutation(Mutation::Advance, seed, 1 << 20, rng, no_bytes));
  EXPECT_EQ(std::count(after.begin(), after.end(), "@advance"), 1);
}

TEST(ScriptMutator, NeverExceedsMaxSizeAndFallsBackToBytes) {
  std::string seed = read_seed(kWalk);
  size_t calls = 0;
  ByteMutator bytes = [&](uint8_t* d, size_t size, size_t max) {
    ++calls;
    if (size < max) d[size++] = 'x';
    return size;
  };
  for (unsigned s = 1; s < 300; ++s) {
    Rng rng(s);
    size_t max = 64 + s * 13;
    std::string out = mutate_script(seed, max, rng, bytes);
    EXPECT_LE(out.size(), max);
  }
  EXPECT_GT(calls, 0u);
}

TEST(ScriptMutator, CrossOverSplicesWholeSteps) {
  std::string a = read_seed(kWalk), b = read_seed("seed-lambda-StopDurableExecution-lifecycle");
  for (unsigned s = 1; s < 50; ++s) {
    Rng rng(s);
    std::string out = cross_over_scripts(a, b, 1 << 20, rng);
    for (const auto& op : operations(out)) EXPECT_NE(op, "?");
    EXPECT_LE(parse_script(out).size(), kMaxSteps);
  }
}

// The emulator_single_request form: every mutation leaves one request (never a script), within
// max_size; structured ones keep a request the catalog recognises.
TEST(ScriptMutator, RequestFormStaysOneRequest) {
  std::ifstream in(std::string(CONFORM_SOURCE_DIR) + "/corpus/emulator_single_request/seed-stepfunctions-SendTaskFailure-lifecycle-9",
                   std::ios::binary);
  std::string seed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_TRUE(parse_step(seed)) << "seed missing";
  auto keep_bytes = [](uint8_t*, size_t size, size_t) { return size; };
  size_t recognised = 0;
  for (unsigned s = 1; s < 200; ++s) {
    Rng rng(s);
    std::string out = mutate_request(seed, 4096, rng, keep_bytes);
    ASSERT_LE(out.size(), 4096u);
    auto step = parse_step(out);
    ASSERT_TRUE(step) << out;
    EXPECT_FALSE(step->is_advance);
    EXPECT_EQ(out.find("\n%%\n"), std::string::npos) << out;
    recognised += OpCatalog::get().find(*step) ? 1 : 0;
  }
  EXPECT_GT(recognised, 150u);
}
