// What the loader fills in and which schema it uses.
#include <gtest/gtest.h>

#include "harness/spec/loader.h"
#include "tests/spec/spec_files.h"

namespace conform::spec {
namespace {

using testing_support::find_file;
using testing_support::read_spec_files;

const std::string kMinimal = std::string(CONFORM_SOURCE_DIR) + "/tests/spec/valid/minimal";

TEST(Loader, FillsDefaultsFromTheServiceAndTheFormat) {
  LoadResult r = load_spec_files(read_spec_files(kMinimal));
  ASSERT_TRUE(r.ok()) << r.errors[0].to_string();
  const SpecSet& set = *r.specs;
  const Operation* poke = set.find_operation("demo.Poke");
  ASSERT_NE(poke, nullptr);
  EXPECT_EQ(poke->file, "demo/Poke.json");
  // awsJson1_0 errors default their wire identity to the service's namespace and its provenance.
  ASSERT_EQ(poke->errors.size(), 1u);
  EXPECT_EQ(poke->errors[0].wire, "com.example.demo#ThingGone");
  EXPECT_EQ(poke->errors[0].wire_provenance, Provenance::Inferred);
  EXPECT_EQ(set.find_service("demo")->common_errors[0].wire, "com.example.demo#ValidationException");
  // patternText defaults to pattern; locationName to the member name; rule status to the error's.
  const Member* id = poke->input.find_member("thingId");
  ASSERT_NE(id, nullptr);
  EXPECT_EQ(id->shape->pattern_text, std::optional<std::string>("[a-z0-9-]+"));
  EXPECT_EQ(id->location_name, "thingId");
  EXPECT_TRUE(id->required);
  EXPECT_EQ(id->shape->length->max, 256);
  ASSERT_EQ(poke->rules.size(), 2u);
  EXPECT_EQ(poke->rules[1].situation, Situation::UnknownResource);
  EXPECT_EQ(poke->rules[1].expect.status, 400);
  EXPECT_FALSE(poke->output.has_value());
  ASSERT_TRUE(poke->lifecycle.has_value());
  EXPECT_TRUE(poke->lifecycle->closes);
  EXPECT_EQ(poke->lifecycle->read_back->operation, "DescribeThing");
  EXPECT_EQ(poke->lifecycle->after_close[0].equals, Json("POKED"));
  const Fixture& thing = set.find_service("demo")->fixtures.at("thing");
  ASSERT_EQ(thing.steps.size(), 1u);
  EXPECT_EQ(thing.steps[0].captures[0].variable, "thingId");
  EXPECT_EQ(thing.steps[0].captures[0].where, "/thingId");
}

TEST(Loader, KeepsMemberOrderAsWritten) {
  auto files = read_spec_files(kMinimal);
  EmbeddedFile* create = find_file(files, "demo/CreateThing.json");
  ASSERT_NE(create, nullptr);
  Json doc = Json::parse(create->content);
  doc["input"]["members"]["zeta"] = {{"type", "string"}};
  doc["input"]["members"]["alpha"] = {{"type", "integer"}, {"range", {{"min", 0}, {"max", 5}}}};
  create->content = doc.dump();
  LoadResult r = load_spec_files(files);
  ASSERT_TRUE(r.ok()) << r.errors[0].to_string();
  const auto& members = r.specs->find_operation("demo.CreateThing")->input.members;
  ASSERT_EQ(members.size(), 3u);
  EXPECT_EQ(members[0].name, "name");
  EXPECT_EQ(members[1].name, "zeta");
  EXPECT_EQ(members[2].name, "alpha");
  EXPECT_EQ(members[2].shape->range->max, 5);
}

TEST(Loader, UsesTheDirectorysOwnSchemaWhenItHasOne) {
  auto files = read_spec_files(kMinimal);
  ASSERT_TRUE(load_spec_files(files).ok());  // no schema/ here: the built-in schema applies
  files.push_back({"schema/spec.schema.json", R"({"type":"object","required":["kind","owner"]})"});
  LoadResult r = load_spec_files(files);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors[0].pointer, "");
  EXPECT_NE(r.errors[0].message.find("missing required key 'owner'"), std::string::npos);
}

TEST(Loader, ABrokenSchemaIsReportedAgainstTheSchemaFile) {
  auto files = read_spec_files(kMinimal);
  files.push_back({"schema/spec.schema.json", R"({"$ref":"#/$defs/nothing"})"});
  LoadResult r = load_spec_files(files);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors[0].file, "schema/spec.schema.json");
  EXPECT_EQ(r.errors[0].pointer, "/$ref");
}

TEST(Loader, NoFilesIsAnError) {
  LoadResult r = load_spec_files({});
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].message.find("no spec files"), std::string::npos);
}

TEST(Loader, ErrorStringsNameFilePointerAndMessage) {
  EXPECT_EQ((SpecError{"a/B.json", "/rules/0", "bad"}).to_string(), "a/B.json: /rules/0: bad");
  EXPECT_EQ((SpecError{"a/B.json", "", "bad"}).to_string(), "a/B.json: bad");
}

}  // namespace
}  // namespace conform::spec
