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
  // Beyond kMaxPatternInput the backtracking-free engine judges the whole pattern, not a mismatch by
  // default (regression: Lambda's 10000-character KMSKeyArn values were refused by the emulator while
  // the harness generated them as valid).
  EXPECT_TRUE(matches_whole("arn:[a-z]+", "arn:" + std::string(kMaxPatternInput, 'a')));
  EXPECT_FALSE(matches_whole("arn:[a-z]+", "arn:" + std::string(kMaxPatternInput, 'a') + "7"));
  EXPECT_TRUE(matches_whole("arn:[a-z]+", "arn:" + std::string(kMaxPatternInput - 10, 'a')));
  const std::string kms = "(arn:(aws[a-zA-Z-]*)?:[a-z0-9-.]+:.*)|()";
  EXPECT_TRUE(matches_whole(kms, "arn::" + std::string(3000, 'k') + ":key/x"));
  EXPECT_FALSE(matches_whole(kms, "arn::" + std::string(3000, 'K') + ":key/x"));
}
