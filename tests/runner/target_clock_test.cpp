// Against the embedded emulator, a recipe's `sleepMs` advances the emulator's clock (use_target_clock):
// the timed-out fixtures of Step Functions and SWF yield tokens the emulator really treats as timed out,
// and the recipe's waits reach the sleeper instead of the wall clock.
#include <gtest/gtest.h>

#include <ctime>

#include "harness/runner/embedded_emulator.h"
#include "harness/runner/target.h"
#include "harness/spec/loader.h"

namespace conform::runner {
namespace {

TEST(TargetClock, TimedOutFixturesAdvanceTheEmbeddedClockInsteadOfSleeping) {
  const auto& specs = spec::builtin_specs();
  int code = 0;
  std::string error;
  auto target = resolve_target(std::nullopt, embedded_emulator_factory(), EmbeddedRequest{}, &code, &error);
  ASSERT_TRUE(target) << error;
  fixture::FixtureRunner fixtures(specs, fixture::RunIdentity{});
  use_target_clock(*target, fixtures);
  transport::Caller caller(target->url, transport::CallerOptions{});

  struct Probe {
    const char* service;
    const char* close_op;
    const char* expected_error;
  };
  for (const Probe& p : {Probe{"stepfunctions", "SendTaskFailure", "TaskTimedOut"},
                         Probe{"swf", "RespondActivityTaskFailed", "UnknownResourceFault"}}) {
    std::string reason;
    auto inst = fixtures.acquire(caller, p.service, "activityTaskTimedOut", &reason);
    ASSERT_TRUE(inst) << p.service << ": " << reason;
    const spec::Service* service = specs.find_service(p.service);
    const spec::Operation* op = specs.find_operation(p.service, p.close_op);
    ASSERT_TRUE(service && op);
    auto answer = caller.call(*service, *op, {{"taskToken", *inst->vars.get("taskToken")}});
    EXPECT_EQ(answer.status, 400) << p.service;
    ASSERT_TRUE(answer.error) << p.service;
    EXPECT_EQ(answer.error->code, p.expected_error) << p.service;
    fixtures.release(caller, *inst);
  }

  // The waits went to the emulator's clock, not the wall clock: it now runs ahead by the two recipes'
  // sleepMs (1.5 s each), which real sleeping would not do.
  auto created = caller.call(*specs.find_service("stepfunctions"), *specs.find_operation("stepfunctions", "CreateActivity"),
                             {{"name", "conform-clock-probe"}});
  ASSERT_EQ(created.status, 200);
  ASSERT_TRUE(created.body && (*created.body)["creationDate"].is_number()) << created.body->dump();
  double ahead = (*created.body)["creationDate"].get<double>() - static_cast<double>(std::time(nullptr));
  EXPECT_GE(ahead, 2.0) << "the emulator's clock should have been advanced by 3 s";

  // A live (not timed-out) fixture is unaffected by the other fixtures' advances: it still closes.
  std::string reason;
  auto live = fixtures.acquire(caller, "stepfunctions", "activityTask", &reason);
  ASSERT_TRUE(live) << reason;
  auto ok = caller.call(*specs.find_service("stepfunctions"), *specs.find_operation("stepfunctions", "SendTaskFailure"),
                        {{"taskToken", *live->vars.get("taskToken")}});
  EXPECT_EQ(ok.status, 200);
  fixtures.cleanup_all(caller);
}

}  // namespace
}  // namespace conform::runner
