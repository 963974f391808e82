// Java model patterns become whole-value ECMAScript patterns, or are refused with a reason.
#include <gtest/gtest.h>

#include <regex>

#include "harness/importer/pattern_translate.h"

namespace conform::importer {
namespace {

std::string translated(const std::string& p) {
  PatternTranslation t = translate_pattern(p);
  EXPECT_TRUE(t.pattern.has_value()) << p << ": " << t.problem;
  return t.pattern.value_or("<none>");
}

TEST(PatternTranslate, StripsAnchorsAndKeepsPlainPatterns) {
  EXPECT_EQ(translated("^[a-z]+$"), "[a-z]+");
  EXPECT_EQ(translated("[a-z]+"), "[a-z]+");
  EXPECT_EQ(translated("^abc\\$"), "abc\\$");  // an escaped '$' is a literal, not an anchor
  EXPECT_EQ(translated("(arn:(aws[a-zA-Z-]*)?:[a-z0-9.-]+:.*)|()"), "(arn:(aws[a-zA-Z-]*)?:[a-z0-9.-]+:.*)|()");
}

TEST(PatternTranslate, LiteralHyphenAfterARangeIsEscaped) {
  const std::string p = translated("[a-zA-Z0-9-_]+");
  EXPECT_EQ(p, "[a-zA-Z0-9\\-_]+");
  std::regex re(p);
  EXPECT_TRUE(std::regex_match("a-b_c9", re));
  EXPECT_FALSE(std::regex_match("a.b", re));
  EXPECT_EQ(translated("[-a]"), "[-a]");
  EXPECT_EQ(translated("[a-]"), "[a-]");
  EXPECT_EQ(translated("[a-z-]"), "[a-z-]");
}

TEST(PatternTranslate, JavaClassesAndQuantifiers) {
  EXPECT_EQ(translated("\\p{Alpha}+"), "[[:alpha:]]+");
  EXPECT_EQ(translated("[\\p{L}\\p{N}_]*"), "[[:alpha:][:digit:]_]*");
  EXPECT_EQ(translated("\\P{Digit}"), "[^[:digit:]]");
  EXPECT_EQ(translated("\\p{ASCII}*"), "[\\x00-\\x7F]*");
  EXPECT_EQ(translated("\\Aa++b*+\\z"), "a+b*");
  EXPECT_EQ(translated("(?>ab)(?<n>c)"), "(?:ab)(c)");
  EXPECT_EQ(translated("\\Qa.b\\E"), "a\\.b");
  std::regex re(translated("[\\p{L}\\p{N}_]*"));
  EXPECT_TRUE(std::regex_match("ab_12", re));
  EXPECT_FALSE(std::regex_match("a b", re));
}

TEST(PatternTranslate, RefusesWhatStdRegexCannotExpress) {
  for (const char* p : {"[0-9A-Za-z\\.\\-_]*(?<!\\.)", "(?i)abc", "[a-z&&[^e]]", "[\\P{L}]", "[abc"}) {
    PatternTranslation t = translate_pattern(p);
    EXPECT_FALSE(t.pattern.has_value()) << p;
    EXPECT_FALSE(t.problem.empty()) << p;
  }
}

}  // namespace
}  // namespace conform::importer
