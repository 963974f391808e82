// Page tokens and slices (emulator/sfn/paging.h): a token reads back only for its own listing and
// within 24 hours; any altered byte makes it invalid; slices start at a key and cover a listing once.
#include <gtest/gtest.h>

#include "emulator/core/base64.h"
#include "emulator/sfn/paging.h"

using namespace conform::emulator;
using namespace conform::emulator::sfn;

namespace {
constexpr double kNow = 1700000000.0;
}

TEST(SfnPaging, TokenReadsBackItsStartKeyForItsListingOnly) {
  std::string t = make_page_token("ListActivities", "arn:aws:states:us-east-1:123456789012:activity:b", kNow);
  EXPECT_EQ(read_page_token(t, "ListActivities", kNow), "arn:aws:states:us-east-1:123456789012:activity:b");
  EXPECT_EQ(read_page_token(t, "ListStateMachines", kNow), std::nullopt);
  EXPECT_EQ(read_page_token(t, "ListActivities|x", kNow), std::nullopt);
  EXPECT_LE(make_page_token("GetExecutionHistory|" + std::string(256, 'a') + "|reverse", std::string(400, 'k'), kNow).size(),
            1024u);
}

TEST(SfnPaging, TokenExpiresAfterTwentyFourHours) {
  std::string t = make_page_token("L", "k", kNow);
  EXPECT_EQ(read_page_token(t, "L", kNow + kPageTokenLifetime - 0.001), "k");
  EXPECT_EQ(read_page_token(t, "L", kNow + kPageTokenLifetime), std::nullopt);
}

TEST(SfnPaging, EveryAlteredByteOrForeignTextIsRejected) {
  std::string t = make_page_token("L", "key|with|bars", kNow);
  auto raw = base64_decode(t);
  ASSERT_TRUE(raw);
  for (size_t i = 0; i < raw->size(); ++i) {
    std::string altered = *raw;
    altered[i] = static_cast<char>(altered[i] ^ 0x01);
    EXPECT_EQ(read_page_token(base64_encode(altered), "L", kNow), std::nullopt) << i;
  }
  EXPECT_EQ(read_page_token(t + "A", "L", kNow), std::nullopt);
  EXPECT_EQ(read_page_token(t.substr(4), "L", kNow), std::nullopt);
  for (const char* junk : {"", "x", "====", "not base64!", "AAAA"}) EXPECT_EQ(read_page_token(junk, "L", kNow), std::nullopt);
  EXPECT_EQ(read_page_token(t, "L", kNow), "key|with|bars");
}

TEST(SfnPaging, PageSizeDefaultsToOneHundred) {
  using Json = conform::spec::Json;
  EXPECT_EQ(page_size(nullptr), 100u);
  Json zero = 0, seven = 7, big = 1000;
  EXPECT_EQ(page_size(&zero), 100u);
  EXPECT_EQ(page_size(&seven), 7u);
  EXPECT_EQ(page_size(&big), 1000u);
}

TEST(SfnPaging, SlicesStartAtTheFirstKeyNotBeforeTheirStart) {
  std::vector<std::string> keys = {"b", "d", "f", "h", "j"};
  Slice first = slice(keys, std::nullopt, 2);
  EXPECT_EQ(first.begin, 0u);
  EXPECT_EQ(first.end, 2u);
  EXPECT_EQ(first.next_key, "f");
  Slice from_gone = slice(keys, std::string("e"), 2);  // the start key's item was removed meanwhile
  EXPECT_EQ(from_gone.begin, 2u);
  EXPECT_EQ(from_gone.end, 4u);
  EXPECT_EQ(from_gone.next_key, "j");
  Slice last = slice(keys, std::string("j"), 2);
  EXPECT_EQ(last.end - last.begin, 1u);
  EXPECT_EQ(last.next_key, std::nullopt);
  Slice past = slice(keys, std::string("z"), 2);
  EXPECT_EQ(past.begin, past.end);
  EXPECT_EQ(past.next_key, std::nullopt);
  Slice exact = slice(keys, std::nullopt, 5);
  EXPECT_EQ(exact.end, 5u);
  EXPECT_EQ(exact.next_key, std::nullopt);
}

TEST(SfnPaging, NumberKeysSortLikeTheirNumbers) {
  EXPECT_LT(number_key(9), number_key(10));
  EXPECT_LT(number_key(255), number_key(256));
  EXPECT_GT(number_key(9, true), number_key(10, true));
  EXPECT_EQ(read_number_key(number_key(12345)), 12345u);
  EXPECT_EQ(read_number_key("12345"), std::nullopt);
  EXPECT_EQ(read_number_key("000000000000000g"), std::nullopt);
}
