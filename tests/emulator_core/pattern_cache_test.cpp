#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "emulator/core/pattern_cache.h"
#include "harness/gen/pattern_string.h"

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

// Regression: std::regex over UTF-8 bytes counted {1,80} in bytes, so 41 two-byte characters were
// refused where AWS (and the harness) count characters; and the harness once took U+2009 for \s where
// the emulator did not. The emulator and the generators now read every pattern alike.
TEST(PatternCache, QuantifiersCountCodePointsAndSpaceIsAscii) {
  std::string e_acute = "\xC3\xA9";  // é, two bytes
  std::string forty_one, eighty_one;
  for (int i = 0; i < 41; ++i) forty_one += e_acute;
  for (int i = 0; i < 81; ++i) eighty_one += e_acute;
  EXPECT_TRUE(matches_whole("[^\\s<>]{1,80}", forty_one));
  EXPECT_FALSE(matches_whole("[^\\s<>]{1,80}", eighty_one));
  EXPECT_TRUE(matches_whole("[^\\s]+", "a\xE2\x80\x89" "b"));  // U+2009 is not \s to Java (AWS)
  EXPECT_FALSE(matches_whole("[^\\s]+", "a b"));
  EXPECT_FALSE(matches_whole("[^\\s]+", "a\tb"));
}

RC_GTEST_PROP(PatternCache, AgreesWithTheGeneratorsOnEveryValueTheyMake, ()) {
  const auto pattern = *rc::gen::elementOf(std::vector<std::string>{
      "[^\\s]+", "\\S+", "[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/]{1,80}", "[\\s\\S]*x", "\\s?\\w+", "[a-zA-Z0-9-_.]{1,64}"});
  const auto good = *conform::gen::matching_string(pattern, 1, 130);
  RC_ASSERT(!conform::gen::has_contested_space(good));
  RC_ASSERT(conform::gen::pattern_matches(pattern, good));
  RC_ASSERT(matches_whole(pattern, good));
  const auto bad = *conform::gen::mismatching_string(pattern, 1, 130);
  if (bad) {
    RC_ASSERT(!conform::gen::has_contested_space(*bad));
    RC_ASSERT(!matches_whole(pattern, *bad));
  }
}
