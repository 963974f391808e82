// SHA-256 and HMAC-SHA-256 (harness/auth/crypto.h) against published known answers: FIPS 180-2 examples
// and RFC 4231's HMAC-SHA-256 test cases (including a key longer than the block, which is hashed first).
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "harness/auth/crypto.h"

namespace conform {
namespace {

std::string unhex(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  return out;
}

TEST(Crypto, Sha256KnownAnswers) {
  EXPECT_EQ(auth::sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(auth::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(auth::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(auth::sha256_hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Crypto, HmacSha256Rfc4231) {
  // Test case 1: 20-byte key.
  EXPECT_EQ(auth::to_hex(auth::hmac_sha256(std::string(20, '\x0b'), "Hi There")),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  // Test case 2: short key.
  EXPECT_EQ(auth::to_hex(auth::hmac_sha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  // Test case 6: 131-byte key (longer than the 64-byte block).
  EXPECT_EQ(auth::to_hex(auth::hmac_sha256(std::string(131, '\xaa'),
                                           "Test Using Larger Than Block-Size Key - Hash Key First")),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  // Test case 7: long key and long data.
  EXPECT_EQ(auth::to_hex(auth::hmac_sha256(
                std::string(131, '\xaa'),
                "This is a test using a larger than block-size key and a larger than block-size data. The key needs "
                "to be hashed before being used by the HMAC algorithm.")),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
  // A 64-byte key is used as is (no hashing, no padding).
  EXPECT_EQ(auth::to_hex(auth::hmac_sha256(unhex(std::string(128, '0')), "")),
            auth::to_hex(auth::hmac_sha256(std::string(), "")));
}

TEST(Crypto, SameAnswersFromManyThreads) {
  const std::string expected = auth::to_hex(auth::hmac_sha256("Jefe", "what do ya want for nothing?"));
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      int good = 0;
      for (int i = 0; i < 500; ++i) good += auth::to_hex(auth::hmac_sha256("Jefe", "what do ya want for nothing?")) == expected;
      ok[t] = good;
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(ok[t], 500);
}

}  // namespace
}  // namespace conform
