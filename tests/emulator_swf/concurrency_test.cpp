// Closes are atomic: of many concurrent closes of one activity task exactly one succeeds.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "tests/emulator_swf/swf_direct.h"

using namespace conform::emulator;
using swf_test::Direct;
using swf_test::events_of;

TEST(SwfConcurrency, SixteenConcurrentClosesOneSucceeds) {
  Direct d;
  auto l = d.live_activity("race");
  const char* ops[] = {"RespondActivityTaskFailed", "RespondActivityTaskCompleted", "RespondActivityTaskCanceled"};
  std::atomic<int> successes{0}, unknown{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 16; ++i)
    threads.emplace_back([&, i] {
      Outcome o = d.call(ops[i % 3], {{"taskToken", l.token}});
      if (!o.is_error) ++successes;
      else if (o.error_name == "UnknownResourceFault") ++unknown;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(successes.load(), 1);
  EXPECT_EQ(unknown.load(), 15);
  Json events = d.history(l);
  size_t closes = events_of(events, "ActivityTaskFailed").size() + events_of(events, "ActivityTaskCompleted").size() +
                  events_of(events, "ActivityTaskCanceled").size();
  EXPECT_EQ(closes, 1u);
  EXPECT_EQ(events_of(events, "DecisionTaskScheduled").size(), 2u);
}
