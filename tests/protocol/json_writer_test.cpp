// write_json against nlohmann's dump(-1, ' ', false, replace): equal text for generated values (every
// JSON type, keys and strings with escapes, controls, multibyte and invalid UTF-8, floats).
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "harness/protocol/json_writer.h"
#include "harness/protocol/safe_json.h"

namespace conform {
namespace {

using spec::Json;

std::string nlohmann_text(const Json& v) { return v.dump(-1, ' ', false, Json::error_handler_t::replace); }

// Strings mixing plain ASCII, every byte that needs an escape, DEL, multibyte UTF-8 and stray bytes.
rc::Gen<std::string> tricky_string() {
  auto piece = rc::gen::element<std::string>("a", "plain text ", "\"", "\\", "\n", "\r", "\t", "\b", "\f",
                                             std::string(1, '\0'), "\x01", "\x1f", "\x7f", "/", "é", "€",
                                             "\xF0\x9F\x98\x80", "\xC3", "\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                                             "\xE2\x82", "\xFF");
  return rc::gen::map(rc::gen::container<std::vector<std::string>>(piece), [](const std::vector<std::string>& parts) {
    std::string s;
    for (const auto& p : parts) s += p;
    return s;
  });
}

rc::Gen<Json> any_json(int depth) {
  auto leaf = rc::gen::weightedOneOf<Json>({
      {2, rc::gen::just(Json(nullptr))},
      {2, rc::gen::map(rc::gen::arbitrary<bool>(), [](bool b) { return Json(b); })},
      {3, rc::gen::map(rc::gen::arbitrary<int64_t>(), [](int64_t i) { return Json(i); })},
      {3, rc::gen::map(rc::gen::arbitrary<uint64_t>(), [](uint64_t u) { return Json(u); })},
      {3, rc::gen::map(rc::gen::arbitrary<double>(), [](double d) { return Json(d); })},
      {6, rc::gen::map(tricky_string(), [](const std::string& s) { return Json(s); })},
  });
  if (depth <= 0) return leaf;
  auto array = rc::gen::map(rc::gen::container<std::vector<Json>>(rc::gen::resize(8, any_json(depth - 1))),
                            [](const std::vector<Json>& v) { return Json(v); });
  auto object = rc::gen::map(
      rc::gen::container<std::vector<std::pair<std::string, Json>>>(
          rc::gen::resize(8, rc::gen::pair(tricky_string(), any_json(depth - 1)))),
      [](const std::vector<std::pair<std::string, Json>>& kv) {
        Json o = Json::object();
        for (const auto& [k, v] : kv) o[k] = v;
        return o;
      });
  return rc::gen::weightedOneOf<Json>({{15, leaf}, {2, array}, {2, object}});
}

RC_GTEST_PROP(JsonWriter, WritesWhatNlohmannDumps, ()) {
  Json value = *any_json(3);
  std::string ours;
  protocol::write_json(value, ours);
  RC_ASSERT(ours == nlohmann_text(value));
  RC_ASSERT(protocol::dump_json(value) == ours);
}

TEST(JsonWriter, EscapesAndPassesThrough) {
  std::string out;
  protocol::write_json_string(std::string("a\"b\\c\n\x01\x7f\xC3\xA9", 10), out);
  EXPECT_EQ(out, std::string("\"a\\\"b\\\\c\\n\\u0001\x7f\xC3\xA9\""));
  out.clear();
  protocol::write_json_string("bad \xC3 byte", out);
  EXPECT_EQ(out, nlohmann_text(Json("bad \xC3 byte")));
  EXPECT_NE(out.find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD
}

TEST(JsonWriter, PayloadSizedStringEqualsNlohmann) {
  std::string big;
  for (int i = 0; i < 100000; ++i) big += i % 7 == 0 ? "\xF0\x9F\x98\x80" : i % 11 == 0 ? "\"" : "x";
  Json v{{"output", big}, {"n", 1}, {"f", 1.5}};
  std::string ours;
  protocol::write_json(v, ours);
  EXPECT_EQ(ours, nlohmann_text(v));
}

TEST(JsonWriter, EveryByteAtEveryOffsetOfTheWordScan) {
  // Runs are scanned 8 bytes at a time: each byte value at each offset, alone and as the lead of a
  // two-byte sequence, gives nlohmann's text.
  for (int byte = 0; byte < 256; ++byte) {
    for (size_t at = 0; at < 19; ++at) {
      for (const char* follow : {"", "\xA9"}) {
        std::string s(19, 'a');
        s[at] = static_cast<char>(byte);
        s.insert(at + 1, follow);
        std::string ours;
        protocol::write_json_string(s, ours);
        ASSERT_EQ(ours, nlohmann_text(Json(s))) << byte << " at " << at;
      }
    }
  }
}

TEST(Utf8Validity, WordAtATimeScanAgreesOnEveryOffset) {
  // A multibyte or invalid byte at each offset around the 8-byte steps.
  for (size_t at = 0; at < 20; ++at) {
    std::string ok(20, 'a'), bad(20, 'a');
    ok.replace(at, 1, "\xC3\xA9");
    bad[at] = '\xC3';
    EXPECT_TRUE(protocol::is_valid_utf8(ok)) << at;
    EXPECT_FALSE(protocol::is_valid_utf8(bad)) << at;
  }
}

}  // namespace
}  // namespace conform
