// parse_json against nlohmann's Json::parse(text, nullptr, false): the same verdict and the same value
// (types of numbers and member order included) for generated texts, their mutations and hand-picked
// edge cases; the fast path handles the texts Conform sends.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "harness/protocol/json_reader.h"
#include "harness/protocol/safe_json.h"

namespace conform {
namespace {

using spec::Json;

// Type and value, recursively, in order: "u1" and "i1" differ, {"a","b"} and {"b","a"} differ.
std::string signature(const Json& v) {
  switch (v.type()) {
    case Json::value_t::discarded: return "discarded";
    case Json::value_t::object: {
      std::string s = "{";
      for (auto it = v.begin(); it != v.end(); ++it) s += Json(it.key()).dump() + ":" + signature(it.value()) + ",";
      return s + "}";
    }
    case Json::value_t::array: {
      std::string s = "[";
      for (const auto& e : v) s += signature(e) + ",";
      return s + "]";
    }
    case Json::value_t::number_integer: return "i" + v.dump();
    case Json::value_t::number_unsigned: return "u" + v.dump();
    case Json::value_t::number_float: return "f" + v.dump();
    default: return v.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
}

std::string nlohmann_signature(const std::string& text) { return signature(Json::parse(text, nullptr, false)); }

rc::Gen<std::string> json_piece() {
  return rc::gen::element<std::string>(
      "{", "}", "[", "]", ",", ":", " ", "\n", "\t", "\"", "\"k\"", "\"a\\\"b\"", "\"\\\\\"", "\"\\n\\t\\/\"",
      "\"\\u00e9\"", "\"\\ud83d\\ude00\"", "\"\\ud83d\"", "\"\\x\"", "\"\xC3\xA9\"", "\"\xF0\x9F\x98\x80\"",
      "\"\xC3\"", "\"\xED\xA0\x80\"", "\"\xC0\xAF\"", "\"\x01\"", "\"\x7f\"", "0", "-0", "01", "12", "-7",
      "18446744073709551615", "18446744073709551616", "-9223372036854775808", "-9223372036854775809", "1.5",
      "1e3", "1E400", "-", "true", "false", "null", "tru", "nul", "\xEF\xBB\xBF", "{\"a\":1,\"a\":2}");
}

RC_GTEST_PROP(JsonReader, AgreesWithNlohmannOnArbitraryPieces, ()) {
  auto parts = *rc::gen::container<std::vector<std::string>>(json_piece());
  std::string text;
  for (const auto& p : parts) text += p;
  RC_ASSERT(signature(protocol::parse_json(text)) == nlohmann_signature(text));
}

RC_GTEST_PROP(JsonReader, AgreesWithNlohmannOnWellFormedDocumentsAndTheirMutations, ()) {
  // A well-formed document built from pieces, then a few bytes changed.
  auto keys = *rc::gen::container<std::vector<std::string>>(rc::gen::element<std::string>("a", "b", "output", "é", "a"));
  Json doc = Json::object();
  for (const auto& k : keys) {
    doc[k] = *rc::gen::oneOf(rc::gen::map(rc::gen::arbitrary<int64_t>(), [](int64_t i) { return Json(i); }),
                             rc::gen::map(rc::gen::arbitrary<uint64_t>(), [](uint64_t u) { return Json(u); }),
                             rc::gen::map(rc::gen::arbitrary<std::string>(), [](const std::string& s) { return Json(s); }),
                             rc::gen::just(Json::array({1, "x", nullptr, true})), rc::gen::just(Json(2.5)));
  }
  std::string text = doc.dump(*rc::gen::element(-1, 0, 2), ' ', false, Json::error_handler_t::replace);
  RC_ASSERT(signature(protocol::parse_json(text)) == nlohmann_signature(text));
  auto edits = *rc::gen::container<std::vector<std::pair<size_t, char>>>(
      rc::gen::pair(rc::gen::inRange<size_t>(0, text.size() + 1), rc::gen::arbitrary<char>()));
  for (const auto& [at, byte] : edits)
    if (at < text.size()) text[at] = byte;
  RC_ASSERT(signature(protocol::parse_json(text)) == nlohmann_signature(text));
}

TEST(JsonReader, FastPathTakesWhatConformSendsAndLeavesTheRest) {
  std::string big(300000, 'x');
  big += "\xF0\x9F\x98\x80 \\\" \xC3\xA9";
  std::string text = R"({"taskToken":"t","output":")" + big + R"(","n":-3,"u":7,"l":[true,false,null],"o":{}})";
  auto fast = protocol::parse_json_fast_path(text);
  ASSERT_TRUE(fast);
  EXPECT_EQ(signature(*fast), nlohmann_signature(text));
  for (const char* other : {"1.5", "\"\\u0041\"", "\xEF\xBB\xBF{}", "{\"a\":1,}", "[1 2]", "\"\xC3\"", "01", "",
                            "{} x", "18446744073709551616"})
    EXPECT_FALSE(protocol::parse_json_fast_path(other)) << other;
  std::string deep = std::string(100, '[') + std::string(100, ']');
  EXPECT_FALSE(protocol::parse_json_fast_path(deep));  // deeper than the fast path goes: nlohmann's
  EXPECT_EQ(signature(protocol::parse_json(deep)), nlohmann_signature(deep));
}

TEST(JsonReader, TextsDeeperThanTheLimitAreDiscarded) {
  // 200 000 levels parse in nlohmann but overflow the stack of every recursive walk after it.
  std::string deep = std::string(200000, '[') + std::string(200000, ']');
  EXPECT_TRUE(protocol::parse_json(deep).is_discarded());
  std::string limit = std::string(128, '[') + std::string(128, ']');
  EXPECT_FALSE(protocol::parse_json(limit).is_discarded());
  EXPECT_TRUE(protocol::parse_json(limit, 127).is_discarded());
}

TEST(JsonReader, LargeObjectsWithRepeatedKeysMatchNlohmann) {
  // Past 32 members the fast path indexes keys; order and last-value-wins must not change.
  std::string text = "{";
  for (int i = 0; i < 3000; ++i) text += "\"k" + std::to_string(i % 2000) + "\":" + std::to_string(i) + ",";
  text += "\"k5\":\"last\"}";
  auto fast = protocol::parse_json_fast_path(text);
  ASSERT_TRUE(fast);
  EXPECT_EQ(signature(*fast), nlohmann_signature(text));
  EXPECT_EQ(fast->size(), 2000u);
  EXPECT_EQ((*fast)["k5"], "last");
}

TEST(JsonReader, EveryByteAtEveryOffsetOfTheWordScan) {
  // The string scan takes 8 bytes at a time: a byte needing attention at any offset of a word, for every
  // byte value, must give nlohmann's verdict and value.
  for (int byte = 0; byte < 256; ++byte) {
    for (size_t at = 0; at < 19; ++at) {
      std::string inner(19, 'a');
      inner[at] = static_cast<char>(byte);
      std::string text = "[\"" + inner + "\"]";
      ASSERT_EQ(signature(protocol::parse_json(text)), nlohmann_signature(text)) << byte << " at " << at;
    }
  }
}

TEST(JsonReader, RepeatedKeyKeepsFirstPositionAndLastValue) {
  std::string text = R"({"a":1,"b":2,"a":3})";
  Json v = protocol::parse_json(text);
  EXPECT_EQ(signature(v), nlohmann_signature(text));
  EXPECT_EQ(v.begin().key(), "a");
  EXPECT_EQ(v["a"], 3);
}

TEST(JsonReader, SafeParseUsesTheFastPathAndStillExplainsErrors) {
  std::string error;
  EXPECT_TRUE(protocol::parse_json_safely(R"({"a":[1,2]})", &error));
  EXPECT_FALSE(protocol::parse_json_safely(R"({"a":[1,2})", &error));
  EXPECT_NE(error.find("parse error"), std::string::npos) << error;
}

}  // namespace
}  // namespace conform
