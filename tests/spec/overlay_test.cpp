// Hand-written operation files over generated ones (spec/overlay.h) and how the loader applies them:
// the hand-written file wins key by key, errors merge by name, every operation of the model folder is
// loaded, and each operation says where it came from.
#include <gtest/gtest.h>

#include "harness/spec/builtin_specs.h"
#include "harness/spec/loader.h"
#include "tests/spec/spec_files.h"
#include "harness/spec/overlay.h"

namespace conform::spec {
namespace {

Json parse(const char* text) { return Json::parse(text); }

TEST(Overlay, HandWrittenKeysWinWholeAndMissingKeysComeFromTheModel) {
  Json generated = parse(R"({"kind":"operation","name":"Op","documentation":"model text",
    "input":{"members":{"a":{"type":"string"},"b":{"type":"string"}}},"output":null,
    "errors":[{"name":"X","status":400}],"generated":"botocore x"})");
  Json hand = parse(R"({"kind":"operation","name":"Op","input":{"members":{"a":{"type":"string","required":true}}},
    "errors":[{"name":"Y","status":404}],"rules":[]})");
  Json out = overlay_operation(generated, hand);
  EXPECT_EQ(out["input"], hand["input"]);           // whole, not member by member
  EXPECT_EQ(out["documentation"], "model text");    // the hand-written file has none
  EXPECT_TRUE(out["output"].is_null());
  EXPECT_FALSE(out.contains("generated"));
  ASSERT_EQ(out["errors"].size(), 2u);
  EXPECT_EQ(out["errors"][0]["name"], "Y");         // hand-written errors first, as written
  EXPECT_EQ(out["errors"][1]["name"], "X");         // then the model's errors nobody wrote
}

TEST(Overlay, AHandWrittenErrorIsKeptAsWrittenNotDuplicated) {
  Json generated = parse(R"({"errors":[{"name":"X","status":400,"description":"model"}]})");
  Json hand = parse(R"({"errors":[{"name":"X","status":400,"message":"hand"}]})");
  Json out = overlay_operation(generated, hand);
  ASSERT_EQ(out["errors"].size(), 1u);
  EXPECT_EQ(out["errors"][0]["message"], "hand");
}

TEST(Overlay, NonObjectsYieldTheOtherSide) {
  Json hand = parse(R"({"name":"Op"})");
  EXPECT_EQ(overlay_operation(Json(), hand), hand);
  EXPECT_EQ(overlay_operation(hand, Json::array()), hand);
}

const std::string kService = testing_support::minimal_service_json("tasks");

std::string operation(const char* name, const char* extra) {
  return std::string(R"({"kind":"operation","service":"tasks","name":")") + name +
         R"(","role":"subject","http":{"method":"POST","uri":"/"},"input":{"members":{"id":{"type":"string","required":true}}},"output":null,"errors":[)" +
         extra + "]}";
}

TEST(OverlayLoader, ModelFolderOperationsLoadAndHandWrittenOnesOverlayThem) {
  std::vector<EmbeddedFile> files = {
      {"tasks/service.json", kService},
      {"tasks/Close.json", operation("Close", R"({"name":"Gone","status":400})")},
      {"tasks/model/Close.json", operation("Close", R"({"name":"Throttled","status":429})")},
      {"tasks/model/Describe.json", operation("Describe", "")},
  };
  LoadResult r = load_spec_files(files);
  ASSERT_TRUE(r.ok()) << r.errors[0].to_string();
  const Operation* close = r.specs->find_operation("tasks.Close");
  const Operation* describe = r.specs->find_operation("tasks.Describe");
  ASSERT_NE(close, nullptr);
  ASSERT_NE(describe, nullptr);
  EXPECT_EQ(close->origin, kOriginOverlay);
  EXPECT_EQ(describe->origin, kOriginModel);
  EXPECT_EQ(r.specs->operations.size(), 2u);
  ASSERT_EQ(close->errors.size(), 2u);
  EXPECT_EQ(close->errors[0].name, "Gone");
  EXPECT_EQ(close->errors[1].name, "Throttled");
}

TEST(OverlayLoader, AnOverlayMayHoldOnlyWhatItAdds) {
  std::vector<EmbeddedFile> files = {
      {"tasks/service.json", kService},
      {"tasks/Close.json", R"({"kind":"operation","service":"tasks","name":"Close","documentation":"by hand"})"},
      {"tasks/model/Close.json", operation("Close", R"({"name":"Gone","status":400})")},
  };
  LoadResult r = load_spec_files(files);
  ASSERT_TRUE(r.ok()) << r.errors[0].to_string();
  const Operation* close = r.specs->find_operation("tasks.Close");
  ASSERT_NE(close, nullptr);
  EXPECT_EQ(close->documentation, "by hand");
  ASSERT_NE(close->input.find_member("id"), nullptr);  // from the model
  EXPECT_EQ(close->errors.size(), 1u);
}

TEST(OverlayLoader, AHandWrittenOperationWithoutAModelFileMustBeComplete) {
  std::vector<EmbeddedFile> files = {
      {"tasks/service.json", kService},
      {"tasks/Close.json", R"({"kind":"operation","service":"tasks","name":"Close","documentation":"by hand"})"},
  };
  LoadResult r = load_spec_files(files);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors[0].to_string().find("an operation needs 'http' (in this file, or in a generated file"), std::string::npos)
      << r.errors[0].to_string();
}

TEST(OverlayLoader, AServiceFileInTheModelFolderIsRefused) {
  std::vector<EmbeddedFile> files = {{"tasks/service.json", kService}, {"tasks/model/service.json", kService}};
  LoadResult r = load_spec_files(files);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors[0].to_string().find("model/"), std::string::npos) << r.errors[0].to_string();
}

TEST(ShippedSpecs, EveryOperationOfTheThreeModelsIsShipped) {
  // botocore 1.43.67: Step Functions 37, SWF 39, Lambda 85 operations.
  std::map<std::string, int> per_service;
  for (const auto& op : builtin_specs().operations) ++per_service[op.service];
  EXPECT_EQ(per_service["stepfunctions"], 37);
  EXPECT_EQ(per_service["swf"], 39);
  EXPECT_EQ(per_service["lambda"], 85);
}

TEST(ShippedSpecs, HandWrittenOperationsKeepTheirRulesOverTheModel) {
  const Operation* stop = builtin_specs().find_operation("stepfunctions.StopExecution");
  ASSERT_NE(stop, nullptr);
  EXPECT_EQ(stop->origin, kOriginOverlay);
  EXPECT_TRUE(stop->lifecycle.has_value());
  EXPECT_FALSE(stop->lifecycle->inferred);
  EXPECT_FALSE(stop->rules_for(Situation::Closed).empty());
  const Operation* tag = builtin_specs().find_operation("stepfunctions.TagResource");
  ASSERT_NE(tag, nullptr);
  EXPECT_EQ(tag->origin, kOriginModel);
}

}  // namespace
}  // namespace conform::spec
