// Clean emulator against clean emulator: two fresh instances, the whole registry of checks on every
// subject operation, and not one difference (parity 100 %).
#include <gtest/gtest.h>

#include "tests/diff/diff_support.h"

namespace conform::diff {
namespace {

TEST(CleanParity, TwoCleanEmulatorsDoNotDiffer) {
  auto recorded = record_cassette(testing::record_options({}, {}, 21, 1));
  ASSERT_EQ(recorded.exit_code, 0) << recorded.error;
  ASSERT_GT(recorded.cassette.entries.size(), 100u);
  auto replayed = replay_cassette(recorded.cassette, testing::replay_options());
  ASSERT_EQ(replayed.exit_code, 0) << replayed.error;
  EXPECT_EQ(replayed.diff.exchanges, static_cast<int>(recorded.cassette.entries.size()));
  EXPECT_EQ(replayed.diff.differing, 0) << testing::describe(replayed.diff);
  EXPECT_TRUE(replayed.diff.differences.empty());
  EXPECT_DOUBLE_EQ(replayed.diff.parity(), 100.0);
  EXPECT_TRUE(replayed.unbound.empty()) << replayed.unbound.front();
}

}  // namespace
}  // namespace conform::diff
