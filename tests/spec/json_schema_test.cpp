// The JSON Schema subset validator: each keyword, pointers of violations, best-branch reporting.
#include <gtest/gtest.h>

#include "harness/spec/json_schema.h"

namespace conform::spec {
namespace {

using Json = nlohmann::ordered_json;

std::vector<std::string> check(const Json& schema, const Json& instance) {
  JsonSchema s(schema);
  EXPECT_TRUE(s.problems().empty()) << s.problems()[0].message;
  std::vector<std::string> out;
  for (const SchemaViolation& v : s.validate(instance)) out.push_back(v.pointer + ": " + v.message);
  return out;
}

testing::AssertionResult has(const std::vector<std::string>& got, const std::string& needle) {
  for (const std::string& g : got) {
    if (g.find(needle) != std::string::npos) return testing::AssertionSuccess();
  }
  std::string all;
  for (const std::string& g : got) all += "\n  " + g;
  return testing::AssertionFailure() << "no violation contains '" << needle << "'; got:" << all;
}

TEST(JsonSchema, TypesIncludingArraysOfTypes) {
  Json s = {{"type", {"string", "null"}}};
  EXPECT_TRUE(check(s, "x").empty());
  EXPECT_TRUE(check(s, nullptr).empty());
  EXPECT_TRUE(has(check(s, 5), ": expected a string or null, found an integer (5)"));
  EXPECT_TRUE(check({{"type", "integer"}}, 3.0).empty());
  EXPECT_TRUE(has(check({{"type", "integer"}}, 3.5), "expected an integer, found a number"));
  EXPECT_TRUE(check({{"type", "number"}}, 7).empty());
}

TEST(JsonSchema, PropertiesRequiredAndAdditional) {
  Json s = Json::parse(R"({"type":"object","properties":{"name":{"type":"string"},"size":{"type":"integer"}},
                           "required":["name"],"additionalProperties":false})");
  EXPECT_TRUE(check(s, Json::parse(R"({"name":"a"})")).empty());
  EXPECT_TRUE(has(check(s, Json::parse(R"({"size":1})")), ": missing required key 'name'"));
  EXPECT_TRUE(has(check(s, Json::parse(R"({"name":"a","sise":1})")), "/sise: unknown key 'sise' (did you mean 'size'?)"));
  EXPECT_TRUE(has(check(s, Json::parse(R"({"name":1})")), "/name: expected a string"));
  // A typo of a missing required key is reported once, as the typo.
  auto typo = check(s, Json::parse(R"({"nmae":"a"})"));
  EXPECT_EQ(typo.size(), 1u);
  EXPECT_TRUE(has(typo, "/nmae: unknown key 'nmae' (did you mean 'name'?)"));
  Json open = {{"type", "object"}, {"additionalProperties", {{"type", "integer"}}}};
  EXPECT_TRUE(check(open, Json::parse(R"({"a":1,"b":2})")).empty());
  EXPECT_TRUE(has(check(open, Json::parse(R"({"a/b":"x"})")), "/a~1b: expected an integer"));
}

TEST(JsonSchema, ItemsEnumConstAndBounds) {
  Json s = Json::parse(R"({"type":"array","items":{"enum":["red","green"]}})");
  EXPECT_TRUE(check(s, Json::parse(R"(["red","green"])")).empty());
  EXPECT_TRUE(has(check(s, Json::parse(R"(["red","gren"])")), "/1: 'gren' is not an allowed value (did you mean 'green'?); expected one of: red, green"));
  EXPECT_TRUE(has(check({{"const", "x"}}, "y"), "expected 'x', found 'y'"));
  Json n = {{"type", "integer"}, {"minimum", 1}, {"maximum", 10}};
  EXPECT_TRUE(check(n, 10).empty());
  EXPECT_TRUE(has(check(n, 0), "value 0 must be greater than or equal to 1"));
  EXPECT_TRUE(has(check(n, 11), "value 11 must be less than or equal to 10"));
  Json str = {{"type", "string"}, {"minLength", 2}, {"maxLength", 3}};
  EXPECT_TRUE(check(str, "\xc3\xa9\xc3\xa9\xc3\xa9").empty());  // three code points, six bytes
  EXPECT_TRUE(has(check(str, "a"), "at least 2 character(s), found 1"));
  EXPECT_TRUE(has(check(str, "abcd"), "at most 3 character(s), found 4"));
}

TEST(JsonSchema, PatternIsUnanchoredEcmaScript) {
  Json s = {{"type", "string"}, {"pattern", "^[a-z]+$"}};
  EXPECT_TRUE(check(s, "abc").empty());
  EXPECT_TRUE(has(check(s, "aBc"), "'aBc' does not match the pattern '^[a-z]+$'"));
  EXPECT_TRUE(check({{"pattern", "b"}}, "abc").empty());
}

TEST(JsonSchema, RefsResolveIntoDefsAndRecurse) {
  Json s = Json::parse(R"({"$ref":"#/$defs/node","$defs":{"node":{"type":"object",
      "properties":{"value":{"type":"integer"},"next":{"$ref":"#/$defs/node"}},"additionalProperties":false}}})");
  EXPECT_TRUE(check(s, Json::parse(R"({"value":1,"next":{"value":2,"next":{}}})")).empty());
  EXPECT_TRUE(has(check(s, Json::parse(R"({"next":{"next":{"value":"x"}}})")), "/next/next/value: expected an integer"));
}

TEST(JsonSchema, OneOfReportsTheBranchTheDiscriminatorSelects) {
  Json s = Json::parse(R"({"oneOf":[
      {"type":"object","properties":{"kind":{"const":"a"},"x":{"type":"integer"}},"required":["kind"],"additionalProperties":false},
      {"type":"object","properties":{"kind":{"const":"b"},"y":{"type":"string"}},"required":["kind"],"additionalProperties":false}]})");
  EXPECT_TRUE(check(s, Json::parse(R"({"kind":"a","x":1})")).empty());
  auto deep = check(s, Json::parse(R"({"kind":"b","y":5})"));
  ASSERT_EQ(deep.size(), 1u);
  EXPECT_TRUE(has(deep, "/y: expected a string"));
  EXPECT_TRUE(has(check(s, Json::parse(R"({"kind":"c"})")), "/kind: 'c' is not an allowed value; expected one of: 'a', 'b'"));
  EXPECT_TRUE(has(check(Json::parse(R"({"oneOf":[{"type":"string"},{"type":"object"}]})"), 4), ": expected string or object, found an integer"));
  EXPECT_TRUE(has(check(Json::parse(R"({"oneOf":[{"type":"integer"},{"type":"number"}]})"), 4), "matches more than one"));
}

TEST(JsonSchema, AnyOfAllOfNotIfThen) {
  Json any = Json::parse(R"({"anyOf":[{"required":["a"]},{"required":["b"]}]})");
  EXPECT_TRUE(check(any, Json::parse(R"({"b":1})")).empty());
  EXPECT_FALSE(check(any, Json::parse(R"({"c":1})")).empty());
  Json all = Json::parse(R"({"allOf":[{"type":"integer"},{"minimum":3}]})");
  EXPECT_TRUE(check(all, 4).empty());
  EXPECT_TRUE(has(check(all, 2), "must be greater than or equal to 3"));
  EXPECT_TRUE(has(check(Json::parse(R"({"not":{"type":"null"}})"), nullptr), "not allowed"));
  Json cond = Json::parse(R"({"if":{"properties":{"t":{"const":"x"}}},"then":{"required":["x"]}})");
  EXPECT_TRUE(has(check(cond, Json::parse(R"({"t":"x"})")), "missing required key 'x'"));
  EXPECT_TRUE(check(cond, Json::parse(R"({"t":"y"})")).empty());
}

TEST(JsonSchema, BrokenSchemasReportProblemsAndNeverThrow) {
  JsonSchema bad_ref(Json::parse(R"({"$ref":"#/$defs/missing"})"));
  ASSERT_EQ(bad_ref.problems().size(), 1u);
  EXPECT_EQ(bad_ref.problems()[0].pointer, "/$ref");
  JsonSchema bad_regex(Json::parse(R"({"properties":{"a":{"pattern":"(["}}})"));
  ASSERT_EQ(bad_regex.problems().size(), 1u);
  EXPECT_EQ(bad_regex.problems()[0].pointer, "/properties/a/pattern");
  JsonSchema bad_type(Json::parse(R"({"type":"strng"})"));
  EXPECT_EQ(bad_type.problems().size(), 1u);
  JsonSchema loop(Json::parse(R"({"$ref":"#"})"));
  EXPECT_FALSE(loop.validate(1).empty());  // endless recursion is cut off and reported
  JsonSchema not_schema(Json(5));
  EXPECT_FALSE(not_schema.problems().empty());
  EXPECT_NO_THROW(not_schema.validate(Json::object()));
}

}  // namespace
}  // namespace conform::spec
