// Waits overlap (issue 15): a case waiting for time to pass lends its run slot, so on a target whose
// clock cannot be advanced many fixtures wait at once while at most --jobs cases are at work. Asserted
// with counts of waits in progress, never with wall time.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "emulator/app/emulator.h"
#include "harness/runner/run_slots.h"
#include "tests/runner/run_support.h"

namespace conform::runner {
namespace {

TEST(RunSlots, AWaitLendsItsSlotAndWaitsOverlap) {
  RunSlots slots(1);
  std::atomic<int> working{0}, most_working{0}, arrived{0};
  auto note_work = [&] {
    int now = ++working;
    int seen = most_working.load();
    while (now > seen && !most_working.compare_exchange_weak(seen, now)) {}
    --working;
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      slots.acquire();
      note_work();
      // Each wait ends only once every thread is waiting: possible only if waits lend their slot.
      slots.lend_while([&] {
        ++arrived;
        while (arrived.load() < 4) std::this_thread::yield();
      });
      note_work();
      slots.release();
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(slots.max_waiting(), 4);
  EXPECT_EQ(most_working.load(), 1);  // never two at work with one slot
}

TEST(RunSlots, AThreadWithoutASlotJustWaits) {
  RunSlots slots(1);
  bool ran = false;
  slots.lend_while([&] { ran = true; });
  EXPECT_TRUE(ran);
  slots.acquire();  // the slot was never taken away
  slots.release();
}

TEST(WaitOverlap, TimedOutFixturesOnARealClockWaitTogether) {
  emulator::EmulatorServer server;  // the system clock: a task timeout needs real time
  std::string error;
  ASSERT_GT(server.start("127.0.0.1", 0, &error), 0) << error;
  RunOptions o;
  o.target = server.url();
  o.seed = 21;
  o.examples = 12;
  o.jobs = 1;
  o.checks = {"closed_token_idempotence"};
  o.ops = {"stepfunctions.SendTaskFailure", "swf.RespondActivityTaskFailed"};
  RunOutcome out = run_conformance(o);
  EXPECT_EQ(out.exit_code, kExitOk) << out.report.exit_reason << out.error;
  EXPECT_EQ(out.report.jobs, 1);
  EXPECT_GE(out.overlapping_waits, 2) << "the timed-out fixtures waited one after another";
}

TEST(WaitOverlap, ConnectionsDefaultByTarget) {
  RunOptions o;
  EXPECT_EQ(effective_jobs(o, true), 1);
  EXPECT_EQ(effective_jobs(o, false), kRemoteDefaultJobs);
  o.max_rps = 2;
  EXPECT_EQ(effective_jobs(o, false), 2);
  o.max_rps = 0;
  o.max_connections = 3;
  EXPECT_EQ(effective_jobs(o, false), 3);
  o.jobs = 16;
  EXPECT_EQ(effective_jobs(o, false), 3);
  o.max_connections = 0;
  EXPECT_EQ(effective_jobs(o, true), 16 > kDefaultMaxConnections ? kDefaultMaxConnections : 16);
}

}  // namespace
}  // namespace conform::runner
