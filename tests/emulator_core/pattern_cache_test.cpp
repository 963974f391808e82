#include <gtest/gtest.h>

#include "emulator/core/pattern_cache.h"

using conform::emulator::kMaxPatternInput;
using conform::emulator::matches_whole;

TEST(PatternCache, WholeMatchOnly) {
  EXPECT_TRUE(matches_whole("[a-z]+", "abc"));
  EXPECT_FALSE(matches_whole("[a-z]+", "abc1"));
  EXPECT_FALSE(matches_whole("[a-z]+", ""));
  EXPECT_TRUE(matches_whole("^[a-z]+$", "abc"));
  EXPECT_TRUE(matches_whole("(unclosed", "anything"));  // a pattern that does not compile constrains nothing
}

TEST(PatternCache, LongValuesDoNotRecurseThroughStdRegex) {
  std::string long_ok(64 * 1024, 'a');
  EXPECT_TRUE(matches_whole("[a-zA-Z0-9_-]+", long_ok));
  EXPECT_TRUE(matches_whole(".*", long_ok));
  EXPECT_FALSE(matches_whole("[a-zA-Z0-9_-]+", long_ok + "!"));
  EXPECT_FALSE(matches_whole("arn:[a-z]+", "arn:" + std::string(kMaxPatternInput, 'a')));  // judged a mismatch
  EXPECT_TRUE(matches_whole("arn:[a-z]+", "arn:" + std::string(kMaxPatternInput - 10, 'a')));
}
