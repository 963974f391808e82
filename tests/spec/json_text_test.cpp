// Reading JSON text: positions of syntax errors, empty files, duplicate keys, nesting, order.
#include <gtest/gtest.h>

#include "harness/spec/json_text.h"

namespace conform::spec {
namespace {

TEST(JsonText, KeepsMemberOrder) {
  JsonTextResult r = parse_json_text(R"({"z": 1, "a": 2, "m": 3})");
  ASSERT_TRUE(r.document.has_value()) << r.error;
  std::string keys;
  for (auto it = r.document->begin(); it != r.document->end(); ++it) keys += it.key();
  EXPECT_EQ(keys, "zam");
}

TEST(JsonText, SyntaxErrorsNameLineAndColumn) {
  JsonTextResult r = parse_json_text("{\n  \"a\": 1,\n  \"b\": tru\n}");
  EXPECT_FALSE(r.document.has_value());
  EXPECT_EQ(r.error.rfind("invalid JSON at line 3, column ", 0), 0u) << r.error;
  JsonTextResult trailing = parse_json_text("{\"a\": 1,}");
  EXPECT_NE(trailing.error.find("line 1"), std::string::npos) << trailing.error;
}

TEST(JsonText, EmptyAndBlankFiles) {
  EXPECT_NE(parse_json_text("").error.find("the file is empty"), std::string::npos);
  EXPECT_NE(parse_json_text(" \n\t ").error.find("the file is empty"), std::string::npos);
}

TEST(JsonText, DuplicateKeysAreNamedByPointer) {
  JsonTextResult r = parse_json_text(R"({"a": [{"x": 1}, {"y": 1, "y": 2}]})");
  EXPECT_FALSE(r.document.has_value());
  EXPECT_EQ(r.error_pointer, "/a/1/y");
  EXPECT_NE(r.error.find("key 'y' appears twice"), std::string::npos);
  EXPECT_TRUE(parse_json_text(R"({"a": {"y": 1}, "b": {"y": 2}})").document.has_value());
}

TEST(JsonText, DeepNestingIsRefused) {
  std::string deep(5000, '[');
  deep += std::string(5000, ']');
  JsonTextResult r = parse_json_text(deep);
  EXPECT_FALSE(r.document.has_value());
  EXPECT_NE(r.error.find("nested more than 64 levels"), std::string::npos) << r.error;
  std::string ok = std::string(60, '[') + std::string(60, ']');
  EXPECT_TRUE(parse_json_text(ok).document.has_value());
}

}  // namespace
}  // namespace conform::spec
