// Each planted SFN fault changes exactly the behaviour it names; and without faults, K concurrent
// closes of one token yield exactly one success.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "tests/emulator_sfn/direct.h"

using namespace conform::emulator;
using sfn_test::Direct;
using sfn_test::with;

namespace {

int concurrent_failures(Direct& d, const std::string& token, int threads) {
  std::atomic<int> ok{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> pool;
  for (int i = 0; i < threads; ++i) {
    pool.emplace_back([&, i] {
      while (!go.load()) std::this_thread::yield();
      Outcome o = d.call("SendTaskFailure", {{"taskToken", token}, {"error", "E" + std::to_string(i)}});
      if (!o.is_error) ++ok;
    });
  }
  go = true;
  for (auto& t : pool) t.join();
  return ok.load();
}

}  // namespace

TEST(SfnConcurrency, SixteenClosesOfOneTokenExactlyOneSucceeds) {
  for (int round = 0; round < 5; ++round) {
    Direct d;
    auto l = d.live_task("race" + std::to_string(round));
    EXPECT_EQ(concurrent_failures(d, l.token, 16), 1);
    EXPECT_EQ(d.describe(l.execution_arn)["status"], "FAILED");
  }
}

TEST(SfnFaults, CloseNotAtomicLetsConcurrentClosesAllSucceed) {
  Direct d(with(Fault::SfnCloseNotAtomic));
  auto l = d.live_task("race");
  EXPECT_GT(concurrent_failures(d, l.token, 16), 1);
  // Sequential closes are still detected.
  EXPECT_EQ(d.call("SendTaskFailure", {{"taskToken", l.token}}).error_name, "TaskTimedOut");
}

TEST(SfnFaults, ClosedTokenAccepted) {
  Direct d(with(Fault::SfnClosedTokenAccepted));
  auto l = d.live_task("cta");
  ASSERT_FALSE(d.call("SendTaskFailure", {{"taskToken", l.token}, {"error", "first"}}).is_error);
  Json before = d.describe(l.execution_arn);
  Outcome again = d.call("SendTaskFailure", {{"taskToken", l.token}, {"error", "second"}});
  EXPECT_FALSE(again.is_error);
  EXPECT_FALSE(d.call("SendTaskSuccess", {{"taskToken", l.token}, {"output", "{}"}}).is_error);
  EXPECT_EQ(d.describe(l.execution_arn), before);  // no state change
  EXPECT_EQ(d.call("SendTaskFailure", {{"taskToken", "garbage"}}).error_name, "InvalidToken");
}

TEST(SfnFaults, InvalidTokenAccepted) {
  Direct d(with(Fault::SfnInvalidTokenAccepted));
  auto l = d.live_task("ita");
  EXPECT_FALSE(d.call("SendTaskFailure", {{"taskToken", "FakeTaskToken"}}).is_error);
  EXPECT_FALSE(d.call("SendTaskHeartbeat", {{"taskToken", "FakeTaskToken"}}).is_error);
  EXPECT_EQ(d.describe(l.execution_arn)["status"], "RUNNING");
  ASSERT_FALSE(d.call("SendTaskFailure", {{"taskToken", l.token}}).is_error);
  EXPECT_EQ(d.call("SendTaskFailure", {{"taskToken", l.token}}).error_name, "TaskTimedOut");
}

TEST(SfnFaults, WrongErrorIdentity) {
  Direct d(with(Fault::SfnWrongErrorIdentity));
  auto l = d.live_task("wei");
  ASSERT_FALSE(d.call("SendTaskFailure", {{"taskToken", l.token}}).is_error);
  Outcome again = d.call("SendTaskFailure", {{"taskToken", l.token}});
  EXPECT_TRUE(again.is_error);
  EXPECT_EQ(again.error_name, "TaskDoesNotExist");
  EXPECT_EQ(d.call("SendTaskFailure", {{"taskToken", "garbage"}}).error_name, "InvalidToken");
}

TEST(SfnFaults, StopMissingStopDate) {
  Direct d(with(Fault::SfnStopMissingStopDate));
  auto l = d.live_task("smsd");
  Outcome s = d.call("StopExecution", {{"executionArn", l.execution_arn}});
  ASSERT_FALSE(s.is_error);
  EXPECT_FALSE(s.output.contains("stopDate"));
  EXPECT_EQ(d.describe(l.execution_arn)["status"], "ABORTED");
}

TEST(SfnFaults, StopNoStateChange) {
  Direct d(with(Fault::SfnStopNoStateChange));
  auto l = d.live_task("snsc");
  Outcome s = d.call("StopExecution", {{"executionArn", l.execution_arn}, {"error", "Manual"}});
  ASSERT_FALSE(s.is_error);
  EXPECT_TRUE(s.output.contains("stopDate"));
  Json desc = d.describe(l.execution_arn);
  EXPECT_EQ(desc["status"], "RUNNING");
  EXPECT_FALSE(desc.contains("error"));
  EXPECT_FALSE(d.call("SendTaskHeartbeat", {{"taskToken", l.token}}).is_error);  // token still open
}

TEST(SfnFaults, TimeoutNotEnforced) {
  Direct d(with(Fault::SfnTimeoutNotEnforced));
  auto v = d.live_task("tne2", R"(,"TimeoutSeconds":2)");
  d.clock().advance(100);
  EXPECT_EQ(d.describe(v.execution_arn)["status"], "RUNNING");
  EXPECT_FALSE(d.call("SendTaskSuccess", {{"taskToken", v.token}, {"output", "{}"}}).is_error);
  EXPECT_EQ(d.describe(v.execution_arn)["status"], "SUCCEEDED");
}

TEST(SfnFaults, WithoutFaultsTheSameStepsBehave) {
  Direct d;
  auto v = d.live_task("nofault", R"(,"TimeoutSeconds":2)");
  d.clock().advance(100);
  EXPECT_EQ(d.describe(v.execution_arn)["status"], "FAILED");
  Outcome s = d.call("StopExecution", {{"executionArn", v.execution_arn}});
  EXPECT_TRUE(s.output.contains("stopDate"));
}
