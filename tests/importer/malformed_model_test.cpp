// Bad botocore models: a malformed model is refused with errors naming JSON pointers, never imported in
// part; a well-formed model whose identifiers no operation produces imports to a valid spec and the
// importer names those members.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "harness/importer/botocore_import.h"
#include "harness/importer/commands.h"
#include "harness/spec/loader.h"

namespace conform::importer {
namespace {

namespace fs = std::filesystem;

Json minimal_model() {
  return Json::parse(R"({
    "metadata": {"protocol": "json", "jsonVersion": "1.0", "serviceId": "Tasks", "endpointPrefix": "tasks",
                 "targetPrefix": "Tasks", "apiVersion": "2020-01-01"},
    "operations": {
      "DescribeWidget": {"name": "DescribeWidget", "http": {"method": "POST", "requestUri": "/"},
                         "input": {"shape": "DescribeWidgetInput"}, "output": {"shape": "DescribeWidgetOutput"},
                         "errors": [{"shape": "WidgetNotFound"}]}
    },
    "shapes": {
      "DescribeWidgetInput": {"type": "structure", "required": ["widgetArn"],
                              "members": {"widgetArn": {"shape": "Arn"}}},
      "DescribeWidgetOutput": {"type": "structure", "members": {"name": {"shape": "Name"}}},
      "Arn": {"type": "string", "min": 1, "max": 256},
      "Name": {"type": "string"},
      "WidgetNotFound": {"type": "structure", "members": {}, "exception": true}
    }})");
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

TEST(MalformedModel, AWellFormedModelHasNoProblems) {
  ImportResult r = import_botocore(minimal_model(), {});
  EXPECT_TRUE(r.ok()) << joined(r.errors);
}

TEST(MalformedModel, MissingTopLevelObjectsAreNamed) {
  Json m = minimal_model();
  m.erase("shapes");
  m["operations"] = Json::array();
  ImportResult r = import_botocore(m, {});
  ASSERT_FALSE(r.ok());
  const std::string text = joined(r.errors);
  EXPECT_NE(text.find("/operations: expected an object, found array"), std::string::npos) << text;
  EXPECT_NE(text.find("/shapes: missing"), std::string::npos) << text;
  EXPECT_TRUE(r.operations.empty());
}

TEST(MalformedModel, DanglingReferencesNameTheirPointer) {
  Json m = minimal_model();
  m["shapes"]["DescribeWidgetInput"]["members"]["widgetArn"]["shape"] = "Nope";
  m["operations"]["DescribeWidget"]["errors"][0]["shape"] = "Gone";
  ImportResult r = import_botocore(m, {});
  ASSERT_FALSE(r.ok());
  const std::string text = joined(r.errors);
  EXPECT_NE(text.find("/shapes/DescribeWidgetInput/members/widgetArn/shape: refers to shape 'Nope'"), std::string::npos) << text;
  EXPECT_NE(text.find("/operations/DescribeWidget/errors/0/shape: refers to shape 'Gone'"), std::string::npos) << text;
}

TEST(MalformedModel, WrongTypesAndUnknownRequiredMembersAreNamed) {
  Json m = minimal_model();
  m["shapes"]["Arn"]["max"] = "256";
  m["shapes"]["DescribeWidgetInput"]["required"] = Json::array({"widgetArn", "missing"});
  m["shapes"]["Name"]["type"] = "widget";
  m["shapes"]["Name/odd"] = 5;  // a pointer token with a '/' is escaped
  ImportResult r = import_botocore(m, {});
  ASSERT_FALSE(r.ok());
  const std::string text = joined(r.errors);
  EXPECT_NE(text.find("/shapes/Arn/max: expected a number, found string"), std::string::npos) << text;
  EXPECT_NE(text.find("/shapes/DescribeWidgetInput/required/1: 'missing' is not a member"), std::string::npos) << text;
  EXPECT_NE(text.find("/shapes/Name/type: missing or not one of"), std::string::npos) << text;
  EXPECT_NE(text.find("/shapes/Name~1odd: a shape is an object, found number"), std::string::npos) << text;
}

TEST(MalformedModel, ProblemsAreCappedWithACount) {
  Json m = minimal_model();
  for (int i = 0; i < 30; ++i) m["shapes"]["Bad" + std::to_string(i)] = Json::array();
  ImportResult r = import_botocore(m, {});
  ASSERT_EQ(r.errors.size(), 21u);
  EXPECT_EQ(r.errors.back(), "... and 10 more problem(s)");
}

TEST(MalformedModel, UnproducedIdentifiersImportAndAreNamed) {
  const fs::path dir = fs::temp_directory_path() / ("conform-unproduced-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path model = dir / "service-2.json";
  { std::ofstream(model) << minimal_model().dump(); }
  std::ostringstream out, err;
  ImportOptions options;
  options.service_name = "tasks";
  ASSERT_EQ(run_import(model.string(), ModelFormat::Botocore, options, (dir / "specs").string(), out, err), 0) << err.str();
  EXPECT_NE(out.str().find("produced by no recipe"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("tasks.DescribeWidget.widgetArn"), std::string::npos) << out.str();
  spec::LoadResult loaded = spec::load_spec_dir((dir / "specs").string());
  EXPECT_TRUE(loaded.ok()) << (loaded.errors.empty() ? "" : loaded.errors[0].to_string());
  fs::remove_all(dir);
}

TEST(MalformedModel, NotJsonIsAClearError) {
  const fs::path dir = fs::temp_directory_path() / ("conform-notjson-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  { std::ofstream(dir / "service-2.json") << "{\"metadata\": "; }
  std::ostringstream out, err;
  EXPECT_EQ(run_import((dir / "service-2.json").string(), ModelFormat::Botocore, {}, std::nullopt, out, err), 2);
  EXPECT_NE(err.str().find("not valid JSON"), std::string::npos) << err.str();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace conform::importer
