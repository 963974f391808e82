// Each planted SWF fault changes exactly the behaviour it names (compared with a clean backend).
#include <gtest/gtest.h>

#include "tests/emulator_swf/swf_direct.h"

using namespace conform::emulator;
using swf_test::Direct;
using swf_test::events_of;
using swf_test::with;

TEST(SwfFaults, ClosedTaskAcceptedAnswers200AndRecordsNothing) {
  Direct clean;
  auto c = clean.live_activity("f1");
  ASSERT_FALSE(clean.call("RespondActivityTaskFailed", {{"taskToken", c.token}}).is_error);
  EXPECT_TRUE(clean.call("RespondActivityTaskFailed", {{"taskToken", c.token}}).is_error);

  Direct faulty(with(Fault::SwfClosedTaskAccepted));
  auto l = faulty.live_activity("f1");
  ASSERT_FALSE(faulty.call("RespondActivityTaskFailed", {{"taskToken", l.token}, {"reason", "a"}}).is_error);
  Json after_first = faulty.history(l);
  for (const char* op : {"RespondActivityTaskFailed", "RespondActivityTaskCompleted", "RespondActivityTaskCanceled",
                         "RecordActivityTaskHeartbeat"}) {
    Outcome again = faulty.call(op, {{"taskToken", l.token}, {"reason", "b"}});
    EXPECT_FALSE(again.is_error) << op;
  }
  EXPECT_EQ(faulty.history(l), after_first);
  EXPECT_EQ(events_of(after_first, "ActivityTaskFailed").size(), 1u);
}

TEST(SwfFaults, HistoryMissingReasonDropsReasonAndDetails) {
  Direct faulty(with(Fault::SwfHistoryMissingReason));
  auto l = faulty.live_activity("f2");
  ASSERT_FALSE(faulty.call("RespondActivityTaskFailed", {{"taskToken", l.token}, {"reason", "R"}, {"details", "D"}}).is_error);
  auto failed = events_of(faulty.history(l), "ActivityTaskFailed");
  ASSERT_EQ(failed.size(), 1u);
  const Json& attrs = failed[0]["activityTaskFailedEventAttributes"];
  EXPECT_FALSE(attrs.contains("reason"));
  EXPECT_FALSE(attrs.contains("details"));
  EXPECT_EQ(attrs["scheduledEventId"], 5);
  // The closed-task answer is unaffected.
  EXPECT_EQ(faulty.call("RespondActivityTaskFailed", {{"taskToken", l.token}}).error_name, "UnknownResourceFault");
}

TEST(SwfFaults, HeartbeatMissingCancelRequestedOmitsTheMember) {
  Direct clean;
  auto c = clean.live_activity("f3");
  EXPECT_TRUE(clean.call("RecordActivityTaskHeartbeat", {{"taskToken", c.token}}).output.contains("cancelRequested"));

  Direct faulty(with(Fault::SwfHeartbeatMissingCancelRequested));
  auto l = faulty.live_activity("f3");
  Outcome beat = faulty.call("RecordActivityTaskHeartbeat", {{"taskToken", l.token}});
  ASSERT_FALSE(beat.is_error);
  EXPECT_FALSE(beat.output.contains("cancelRequested"));
  // A closed task is still rejected.
  ASSERT_FALSE(faulty.call("RespondActivityTaskCompleted", {{"taskToken", l.token}}).is_error);
  EXPECT_EQ(faulty.call("RecordActivityTaskHeartbeat", {{"taskToken", l.token}}).error_name, "UnknownResourceFault");
}
