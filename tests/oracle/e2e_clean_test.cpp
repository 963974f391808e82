// End to end against the clean reference emulator: every applicable check passes (no Violation, and runs)
// for every operation the emulator implements, on a few generated cases each; every other shipped
// operation is answered as an unknown one (so a run reports it "not implemented", never a pass).
#include <gtest/gtest.h>

#include <set>

#include "emulator/lambda/backend.h"
#include "emulator/sfn/backend.h"
#include "emulator/swf/backend.h"
#include "harness/oracle/check.h"
#include "harness/protocol/unknown_operation.h"
#include "tests/oracle/e2e_support.h"

using namespace conform;
using namespace conform::e2e;

namespace {

constexpr int kCasesPerCheck = 3;

bool emulator_implements(const spec::Operation& op) {
  static const auto sfn = emulator::make_stepfunctions_backend();
  static const auto swf = emulator::make_swf_backend();
  static const auto lambda = emulator::make_lambda_backend();
  for (const auto* b : {sfn.get(), swf.get(), lambda.get()})
    if (b->service_name() == op.service) return b->implements(op.name);
  return false;
}

std::vector<std::string> implemented_ids() {
  std::vector<std::string> out;
  for (const auto& op : spec::builtin_specs().operations)
    if (emulator_implements(op)) out.push_back(op.id());
  return out;
}

class CleanEmulator : public ::testing::TestWithParam<std::string> {};

TEST_P(CleanEmulator, EveryCheckPasses) {
  Target t;
  ASSERT_TRUE(t.ok()) << t.error();
  const spec::Operation* op = t.specs().find_operation(GetParam());
  ASSERT_NE(op, nullptr);
  for (const auto& check : oracle::registry()) {
    if (check.not_applicable(t.scope(*op))) continue;
    int ran = 0;
    for (uint64_t seed = 1; ran < kCasesPerCheck && seed < 40; ++seed) {
      Json c = t.draw(check, *op, seed);
      if (c.value("mode", "") == "timed-out") continue;  // 1.5 s each: covered by TimedOutRules below
      ++ran;
      auto r = t.run(check, *op, c);
      EXPECT_FALSE(r.not_run) << check.name << " " << op->id() << " " << r.not_run_reason;
      EXPECT_FALSE(has_verdict(r, oracle::Verdict::Violation))
          << check.name << " " << op->id() << " case " << c.dump().substr(0, 400) << describe_findings(r, oracle::Verdict::Violation);
      EXPECT_FALSE(r.exchanges.empty()) << check.name;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Implemented, CleanEmulator, ::testing::ValuesIn(implemented_ids()), [](const auto& info) {
  std::string n = info.param;
  for (char& ch : n)
    if (ch == '.') ch = '_';
  return n;
});

TEST(CleanEmulatorCoverage, EveryOtherOperationIsAnsweredAsUnknown) {
  Target t;
  ASSERT_TRUE(t.ok()) << t.error();
  auto caller = t.make_caller();
  int unknown = 0;
  for (const auto& op : t.specs().operations) {
    if (emulator_implements(op)) continue;
    spec::Json input = spec::Json::object();
    for (const auto& m : op.input.members)
      if (m.location == spec::Location::Uri) input[m.name] = "conform-never-created";
    auto r = caller->call(*t.specs().find_service(op.service), op, input, "probe");
    EXPECT_TRUE(protocol::answers_as_unknown_operation(t.specs(), op, r)) << op.id() << " answered " << r.status;
    ++unknown;
  }
  EXPECT_LT(unknown, static_cast<int>(t.specs().operations.size()));
}

TEST(CleanEmulatorTimedOut, TimedOutRulesHold) {
  Target t;
  ASSERT_TRUE(t.ok()) << t.error();
  const auto* check = oracle::find_check("closed_token_idempotence");
  ASSERT_NE(check, nullptr);
  for (const char* id : {"stepfunctions.SendTaskFailure", "swf.RespondActivityTaskFailed"}) {
    const auto* op = t.specs().find_operation(id);
    ASSERT_NE(op, nullptr);
    Json c = {{"mode", "timed-out"}, {"input", Json::object()}};
    auto r = t.run(*check, *op, c);
    EXPECT_FALSE(r.not_run) << id << " " << r.not_run_reason;
    EXPECT_FALSE(has_verdict(r, oracle::Verdict::Violation)) << id << describe_findings(r, oracle::Verdict::Violation);
  }
}

TEST(CleanEmulatorRecords, CasesRecordExchangesIncludingFixtureCalls) {
  Target t;
  ASSERT_TRUE(t.ok()) << t.error();
  const auto* op = t.specs().find_operation("stepfunctions.SendTaskFailure");
  auto r = t.run(*oracle::find_check("positive_acceptance"), *op, t.draw(*oracle::find_check("positive_acceptance"), *op, 1));
  std::set<std::string> purposes;
  for (const auto& e : r.exchanges) purposes.insert(e.purpose);
  EXPECT_TRUE(purposes.count("fixture"));
  EXPECT_TRUE(purposes.count("probe"));
  EXPECT_TRUE(purposes.count("cleanup"));
  EXPECT_TRUE(r.case_input.contains("input"));
}

TEST(CleanEmulatorRecords, UnobtainableFixtureIsNotRunNeverPass) {
  // A target that refuses every connection: the fixture cannot be acquired.
  const auto& specs = spec::builtin_specs();
  transport::CallerOptions options;
  options.max_retries = 0;
  transport::Caller caller(*transport::Url::parse("http://127.0.0.1:9"), options);
  fixture::FixtureRunner fixtures(specs, fixture::RunIdentity{});
  oracle::Session session{caller, fixtures, 2, nullptr};
  const auto* op = specs.find_operation("stepfunctions.StopExecution");
  oracle::Scope scope{specs, *specs.find_service(op->service), *op};
  for (const char* name : {"positive_acceptance", "state_effect", "closed_token_idempotence", "concurrent_close"}) {
    const auto* check = oracle::find_check(name);
    auto c = check->generate(scope)(rc::Random(1), 10).value();
    auto r = check->run(scope, c, session);
    EXPECT_TRUE(r.not_run) << name;
    EXPECT_NE(r.worst(), oracle::Verdict::Pass) << name;
    EXPECT_FALSE(r.not_run_reason.empty()) << name;
  }
}

}  // namespace
