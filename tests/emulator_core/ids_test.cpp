#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <thread>

#include "emulator/core/base64.h"
#include "emulator/core/ids.h"

using conform::emulator::Ids;

TEST(Ids, SameSeedSameSequence) {
  Ids a(42), b(42);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(a.uuid(), b.uuid());
  EXPECT_EQ(a.task_token("sfn"), b.task_token("sfn"));
  Ids c(43);
  EXPECT_NE(Ids(42).uuid(), c.uuid());
}

TEST(Ids, UuidAndHexFormat) {
  Ids ids;
  std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  for (int i = 0; i < 20; ++i) EXPECT_TRUE(std::regex_match(ids.uuid(), uuid));
  std::string h = ids.hex(37);
  EXPECT_EQ(h.size(), 37u);
  EXPECT_TRUE(std::regex_match(h, std::regex("[0-9a-f]+")));
}

TEST(Ids, DistinctAcrossThreads) {
  Ids ids;
  std::vector<std::vector<std::string>> got(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) got[t].push_back(ids.uuid());
    });
  for (auto& t : threads) t.join();
  std::set<std::string> all;
  for (const auto& v : got) all.insert(v.begin(), v.end());
  EXPECT_EQ(all.size(), 2000u);
}

TEST(Ids, TokensAreWellFormedBase64WithChecksum) {
  Ids ids;
  std::string token = ids.task_token("activity");
  EXPECT_GT(token.size(), 350u);
  EXPECT_LT(token.size(), 1024u);
  EXPECT_TRUE(conform::emulator::base64_decode(token).has_value());
  EXPECT_TRUE(Ids::is_well_formed_token(token, "activity"));
  EXPECT_FALSE(Ids::is_well_formed_token(token, "decision"));     // other kind
  EXPECT_FALSE(Ids::is_well_formed_token("FakeTaskToken", "activity"));
  EXPECT_FALSE(Ids::is_well_formed_token("", "activity"));
  std::string flipped = token;
  flipped[100] = flipped[100] == 'A' ? 'B' : 'A';                 // checksum catches a changed byte
  EXPECT_FALSE(Ids::is_well_formed_token(flipped, "activity"));
  EXPECT_FALSE(Ids::is_well_formed_token(token.substr(0, token.size() - 4), "activity"));
  // A token from another emulator (another seed) is still well-formed: forged but plausible.
  EXPECT_TRUE(Ids::is_well_formed_token(Ids(999).task_token("activity"), "activity"));
}
