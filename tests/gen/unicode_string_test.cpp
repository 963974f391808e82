#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "harness/gen/unicode_string.h"
#include "harness/gen/utf8.h"
#include "tests/gen/gen_test_support.h"

using namespace conform::gen;

RC_GTEST_PROP(UnicodeString, LengthInCodePointsWithinRangeAndWellFormed, ()) {
  const auto min = *rc::gen::inRange<size_t>(0, 40);
  const auto max = min + *rc::gen::inRange<size_t>(0, 300);
  const auto s = *unicode_string(min, max);
  RC_ASSERT(decode_utf8(s).has_value());
  const size_t n = code_points(s);
  RC_ASSERT(n >= min);
  RC_ASSERT(n <= max);
}

RC_GTEST_PROP(UnicodeString, NeverEncodesSurrogates, ()) {
  const auto s = *unicode_string(0, 50, Alphabet::Mixed);
  const auto cps = decode_utf8(s);
  RC_ASSERT(cps.has_value());
  for (char32_t c : *cps) RC_ASSERT(!(c >= 0xD800 && c <= 0xDFFF));
}

TEST(UnicodeString, ExactBoundsReachableWithEveryCharacterWidth) {
  // Over a few seeds, both exact bounds occur with 2/3-byte and 4-byte characters.
  bool max_bmp = false, max_astral = false, min_multibyte = false;
  for (uint64_t seed = 1; seed <= 200; ++seed) {
    auto a = draw(any_alphabet(), seed);
    auto s = draw(unicode_string(3, 256, a), seed * 7 + 1);
    size_t n = code_points(s);
    if (n == 256 && a == Alphabet::Bmp) max_bmp = s.size() > 256;
    if (n == 256 && a == Alphabet::Astral) max_astral = s.size() == 4 * 256;
    if (n == 3 && a != Alphabet::Ascii && s.size() > 3) min_multibyte = true;
  }
  EXPECT_TRUE(max_bmp);
  EXPECT_TRUE(max_astral);
  EXPECT_TRUE(min_multibyte);
}

TEST(UnicodeString, DeterministicForASeed) {
  for (uint64_t seed = 1; seed <= 20; ++seed) EXPECT_EQ(draw(unicode_string(0, 100), seed), draw(unicode_string(0, 100), seed));
}

TEST(UnicodeString, ShrinksTowardMinimumLength) {
  auto shrinkable = unicode_string(2, 200)(rc::Random(42), 50);
  auto minimal = shrink_to_minimal<std::string>(shrinkable, [](const std::string&) { return true; });
  EXPECT_EQ(code_points(minimal), 2u);
}

TEST(Utf8, EncodeDecodeRoundTripAndCounts) {
  std::u32string cps = {U'a', 0xE9, 0x4E2D, 0x1F600};
  std::string s = encode_utf8(cps);
  EXPECT_EQ(s.size(), 1u + 2 + 3 + 4);
  EXPECT_EQ(code_points(s), 4u);
  EXPECT_EQ(decode_utf8(s), cps);
  EXPECT_FALSE(decode_utf8("\xED\xA0\x80").has_value());  // an encoded surrogate is malformed
  EXPECT_EQ(utf8_prefix(s, 2), "a\xC3\xA9");
}

TEST(UnicodeString, LargeRangesDrawTheirExactMaxRarelySmallOnesOften) {
  // A payload-sized range (over kLargeSpan) still reaches its exact max, about 1 draw in 32; a small
  // range about 1 in 4; the minimum about 1 in 4 either way (harness/gen/unicode_string.h).
  const size_t large_max = 262144, small_max = 256;
  int large_at_max = 0, small_at_max = 0, large_at_min = 0;
  const int draws = 2000;
  for (uint64_t seed = 1; seed <= draws; ++seed) {
    size_t large = draw(boundary_length(1, large_max), seed);
    size_t small = draw(boundary_length(1, small_max), seed);
    EXPECT_GE(large, 1u);
    EXPECT_LE(large, large_max);
    large_at_max += large == large_max;
    large_at_min += large == 1;
    small_at_max += small == small_max;
  }
  EXPECT_GT(large_at_max, draws / 100);     // ~62 expected
  EXPECT_LT(large_at_max, draws / 12);
  EXPECT_GT(small_at_max, draws / 6);       // ~500 expected
  EXPECT_GT(large_at_min, draws / 6);
}

namespace conform::gen {
namespace {

TEST(UnicodeString, BulkUtf8IsWellFormedWithExactlyNCodePointsOfItsAlphabet) {
  for (Alphabet a : {Alphabet::Ascii, Alphabet::Bmp, Alphabet::Astral, Alphabet::Mixed}) {
    for (size_t n : {size_t{0}, size_t{1}, size_t{257}, size_t{5000}}) {
      std::string s = bulk_utf8(n, a, 42);
      auto decoded = decode_utf8(s);
      ASSERT_TRUE(decoded) << to_string(a) << " " << n;
      EXPECT_EQ(decoded->size(), n);
      for (char32_t c : *decoded) {
        if (a == Alphabet::Ascii) {
          EXPECT_TRUE(c >= 0x20 && c <= 0x7E);
        } else if (a == Alphabet::Bmp) {
          EXPECT_TRUE(c >= 0xA0 && c < 0x10000);
        } else if (a == Alphabet::Astral) {
          EXPECT_TRUE(c >= 0x10000);
        }
      }
      EXPECT_EQ(bulk_utf8(n, a, 42), s);  // deterministic for a seed
    }
  }
  std::string ascii = bulk_utf8(20000, Alphabet::Ascii, 7);
  EXPECT_NE(ascii.find_first_of("\"\\"), std::string::npos);  // plain draws include both
  std::string safe = bulk_utf8(20000, Alphabet::Ascii, 7, true);
  EXPECT_EQ(safe.find_first_of("\"\\"), std::string::npos);
  EXPECT_EQ(safe.size(), ascii.size());
}

}  // namespace
}  // namespace conform::gen
