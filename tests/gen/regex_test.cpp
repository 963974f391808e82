#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "harness/gen/pattern_string.h"
#include "harness/gen/regex.h"
#include "harness/gen/utf8.h"
#include "tests/gen/gen_test_support.h"

using namespace conform::gen;

namespace {
const char* kDurableArn =
    "arn:([a-zA-Z0-9-]+):lambda:([a-zA-Z0-9-]+):(\\d{12}):function:([a-zA-Z0-9_-]+):(\\$LATEST(?:\\.PUBLISHED)?|[0-9]+)/"
    "durable-execution/([a-zA-Z0-9_-]+)/([a-zA-Z0-9_-]+)";
const std::vector<std::string> kPatterns = {
    "[a-zA-Z0-9_-]+", "^\\p{ASCII}*$", "[A-Za-z0-9+/]+={0,2}", "[\\x20-\\x7E]+", "[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/]{1,80}",
    kDurableArn, "(ab|cd){2,3}x?", "[0-9]{4}-[0-9]{2}",
};
}  // namespace

TEST(Regex, MatchesWholeValueOnly) {
  auto r = Regex::parse("[a-z]+");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->full_match(std::string("abc")));
  EXPECT_FALSE(r->full_match(std::string("abc1")));
  EXPECT_FALSE(r->full_match(std::string("")));
}

TEST(Regex, DurableArnPattern) {
  auto r = Regex::parse(kDurableArn);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->full_match(std::string(
      "arn:aws:lambda:us-east-1:123456789012:function:payment:$LATEST/durable-execution/045e664f/d6a8ddb8-0286")));
  EXPECT_TRUE(r->full_match(std::string("arn:aws:lambda:us-east-1:123456789012:function:f:54/durable-execution/a/b")));
  EXPECT_FALSE(r->full_match(std::string("not-an-arn")));
  EXPECT_FALSE(r->full_match(std::string("arn:aws:lambda:us-east-1:12345678901:function:f:54/durable-execution/a/b")));
  EXPECT_EQ(r->min_length(), std::string("arn:a:lambda:a:123456789012:function:a:0/durable-execution/a/a").size());
  EXPECT_FALSE(r->max_length().has_value());
}

TEST(Regex, ClassesEscapesAndUnicode) {
  auto ascii = Regex::parse("\\p{ASCII}*");
  ASSERT_TRUE(ascii);
  EXPECT_TRUE(ascii->full_match(std::string("hello world ~")));
  EXPECT_FALSE(ascii->full_match(std::string("caf\xC3\xA9")));
  auto neg = Regex::parse("[^a-c]{2}");
  ASSERT_TRUE(neg);
  EXPECT_TRUE(neg->full_match(std::string("\xF0\x9F\x98\x80z")));  // one astral + one ASCII = 2 code points
  EXPECT_FALSE(neg->full_match(std::string("az")));
  EXPECT_FALSE(Regex::parse("(?<=x)").has_value());  // lookbehind: unsupported, reported
  EXPECT_FALSE(Regex::parse("[a-").has_value());
  EXPECT_TRUE(pattern_matches("a{2}", "aa"));
  EXPECT_FALSE(pattern_matches("a{2}", "aaa"));
}

TEST(Regex, LongInputsAreLinear) {
  auto r = Regex::parse("(a|aa)*b");
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->full_match(std::string(5000, 'a')));
}

RC_GTEST_PROP(PatternString, GeneratedStringsMatchAndRespectLength, ()) {
  const auto pattern = *rc::gen::elementOf(kPatterns);
  const auto min = *rc::gen::inRange<size_t>(0, 5);
  const auto max = min + *rc::gen::inRange<size_t>(60, 1100);
  const auto s = *matching_string(pattern, min, max);
  RC_ASSERT(pattern_matches(pattern, s));
  const auto n = code_points(s);
  auto re = compiled(pattern);
  if (n < min || n > max) {
    // Only acceptable when no string of the pattern fits the range.
    RC_ASSERT(re && (re->min_length() > max || (re->max_length() && *re->max_length() < min)));
  }
}

TEST(PatternString, ExactLengthsIncludingMultibyte) {
  auto at1025 = draw(matching_string_of_length(kDurableArn, 1025), 3);
  ASSERT_TRUE(at1025);
  EXPECT_EQ(code_points(*at1025), 1025u);
  EXPECT_TRUE(pattern_matches(kDurableArn, *at1025));
  bool multibyte_at_80 = false;
  for (uint64_t seed = 1; seed < 40 && !multibyte_at_80; ++seed) {
    auto s = draw(matching_string_of_length(kPatterns[4], 80), seed);
    ASSERT_TRUE(s);
    EXPECT_EQ(code_points(*s), 80u);
    multibyte_at_80 = s->size() > 80;
  }
  EXPECT_TRUE(multibyte_at_80);
  EXPECT_FALSE(draw(matching_string_of_length("[0-9]{4}", 5), 1).has_value());
}

RC_GTEST_PROP(PatternString, MismatchesNeverMatchAndRespectLength, ()) {
  const auto pattern = *rc::gen::elementOf(kPatterns);
  const auto s = *mismatching_string(pattern, 1, 200);
  RC_PRE(s.has_value());
  RC_ASSERT(!pattern_matches(pattern, *s));
  RC_ASSERT(code_points(*s) >= 1u);
  RC_ASSERT(code_points(*s) <= 200u);
}

// Regression (a clean emulator blamed, seed 1002 of a long run): "[^\\s]+" was "mismatched" with
// U+2009, which Java (AWS) and the emulator do not read as \\s. Generated values use no whitespace
// outside ASCII, so every engine agrees on them (tests/emulator_core: the emulator's matcher agrees).
RC_GTEST_PROP(PatternString, ValuesUseNoContestedWhitespace, ()) {
  const auto pattern = *rc::gen::elementOf(std::vector<std::string>{"[^\\s]+", "\\S+", "[^\\s<>]{1,80}", "[\\s\\S]*x", "\\s?\\w+"});
  const auto bad = *mismatching_string(pattern, 1, 130);
  if (bad) RC_ASSERT(!has_contested_space(*bad));
  const auto good = *matching_string(pattern, 1, 130);
  RC_ASSERT(!has_contested_space(good));
  RC_ASSERT(pattern_matches(pattern, good));
}

TEST(Regex, SpaceClassIsAsciiAsJavaReadsIt) {
  EXPECT_TRUE(pattern_matches("[^\\s]+", "a\xE2\x80\x89" "b"));
  EXPECT_FALSE(pattern_matches("[^\\s]+", "a b"));
  EXPECT_TRUE(pattern_matches("\\s+", " \t\n\r\f\v"));
}

TEST(PatternString, ContestedSpacesAreTheWhitespaceOutsideAscii) {
  for (char32_t c : {U' ', U'\t', U'\n', U'a', U'\u00e9', U'\u200b'}) EXPECT_FALSE(contested_space(c)) << static_cast<int>(c);
  for (char32_t c : {U'\u00a0', U'\u2009', U'\u3000', U'\ufeff', U'\u2028'}) EXPECT_TRUE(contested_space(c)) << static_cast<int>(c);
}

TEST(PatternString, Deterministic) {
  for (uint64_t seed = 1; seed <= 10; ++seed)
    EXPECT_EQ(draw(matching_string(kDurableArn, 1, 1024), seed), draw(matching_string(kDurableArn, 1, 1024), seed));
}

// Patterns of the current Lambda and Step Functions models that need lookaheads, inner anchors and
// POSIX classes (regression: the generator could not parse them and produced values that broke them).
TEST(RegexLookaround, NegativeLookaheadAtTheStart) {
  auto re = Regex::parse("(?!^[0-9]+$)([a-zA-Z0-9\\-_]+)");
  ASSERT_TRUE(re);
  EXPECT_TRUE(re->full_match(std::string("alias-1")));
  EXPECT_TRUE(re->full_match(std::string("1a")));
  EXPECT_FALSE(re->full_match(std::string("123")));
  EXPECT_FALSE(re->full_match(std::string("a b")));
}

TEST(RegexLookaround, LookaheadInTheMiddleSeesTheEndOfTheValue) {
  auto re = Regex::parse("function:([a-z]+)(:((?!\\d+$)[0-9a-zA-Z\\-_]+))?");
  ASSERT_TRUE(re);
  EXPECT_TRUE(re->full_match(std::string("function:f")));
  EXPECT_TRUE(re->full_match(std::string("function:f:live")));
  EXPECT_TRUE(re->full_match(std::string("function:f:v2")));
  EXPECT_FALSE(re->full_match(std::string("function:f:12")));
}

TEST(RegexLookaround, PositiveLookaheadAndInnerAnchors) {
  auto alias = Regex::parse("(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+");
  ASSERT_TRUE(alias);
  EXPECT_TRUE(alias->full_match(std::string("v1")));
  EXPECT_FALSE(alias->full_match(std::string("42")));
  auto esm = Regex::parse("(^(?!(system\\x2e)))(^[_a-zA-Z0-9])([^$]*)");
  ASSERT_TRUE(esm);
  EXPECT_TRUE(esm->full_match(std::string("queue.x")));
  EXPECT_FALSE(esm->full_match(std::string("system.x")));
}

TEST(RegexPosixClass, BracketClassesReadAsStdRegexReadsThem) {
  auto re = Regex::parse("([[:alpha:][:space:][:digit:]_.:/=+\\-@]*)");
  ASSERT_TRUE(re);
  EXPECT_TRUE(re->full_match(std::string("Team A/b=1 @x")));
  EXPECT_FALSE(re->full_match(std::string("a!")));
  EXPECT_FALSE(Regex::parse("[[:nope:]]"));
}

TEST(RegexLookaround, GeneratedValuesSatisfyLookaheads) {
  for (const char* p : {"(?!^[0-9]+$)([a-zA-Z0-9\\-_]+)", "(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+"}) {
    auto re = Regex::parse(p);
    ASSERT_TRUE(re);
    for (int seed = 0; seed < 50; ++seed) {
      std::string v = matching_string(p, 1, 64)(rc::Random(seed), 30).value();
      EXPECT_TRUE(re->full_match(v)) << p << " " << v;
    }
  }
}
