// Importing the hand-written Smithy JSON AST fixtures (awsJson1_0 and restJson1).
#include <gtest/gtest.h>

#include "harness/importer/model_file.h"
#include "harness/importer/smithy_import.h"
#include "harness/spec/loader.h"

namespace conform::importer {
namespace {

const std::string kDir = std::string(CONFORM_SOURCE_DIR) + "/tests/importer/smithy/";

const Json& op_spec(const ImportResult& r, const std::string& name) {
  for (const ImportedOperation& op : r.operations) {
    if (op.name == name) return op.spec;
  }
  static const Json none;
  ADD_FAILURE() << "no operation " << name;
  return none;
}

TEST(SmithyImport, AwsJsonServiceAndOperation) {
  ImportResult r = import_model_file(kDir + "tasks_awsjson.json", ModelFormat::Smithy, {});
  ASSERT_TRUE(r.ok()) << r.errors[0];
  EXPECT_EQ(r.service_name, "tasks");
  EXPECT_EQ(r.service["protocol"], "awsJson1_0");
  EXPECT_EQ(r.service["targetPrefix"], "TaskService");
  EXPECT_EQ(r.service["signingName"], "tasks");
  EXPECT_EQ(r.service["endpointPrefix"], "tasks-api");
  EXPECT_EQ(r.service["apiVersion"], "2024-01-01");
  EXPECT_EQ(r.service["title"], "Example Task Service");
  EXPECT_EQ(r.service["errorNamespace"]["value"], "com.example.tasks");
  EXPECT_EQ(r.service["errorNamespace"]["provenance"], "inferred");

  const Json& op = op_spec(r, "CompleteTask");
  EXPECT_EQ(op["http"], Json::parse(R"({"method":"POST","uri":"/"})"));
  EXPECT_EQ(op["documentation"], "Completes the task identified by taskToken.");
  const Json& m = op["input"]["members"];
  std::vector<std::string> order;
  for (auto it = m.begin(); it != m.end(); ++it) order.push_back(it.key());
  EXPECT_EQ(order, (std::vector<std::string>{"taskToken", "output", "priority", "color", "tags"}));
  EXPECT_EQ(m["taskToken"], Json::parse(R"({"type":"string","length":{"min":1,"max":1024},"pattern":"[a-zA-Z0-9\\-_]+",
      "patternText":"^[a-zA-Z0-9-_]+$","documentation":"The token.","required":true})"));
  EXPECT_EQ(m["output"], Json::parse(R"({"type":"string","length":{"max":32768},"sensitive":true})"));
  EXPECT_EQ(m["priority"], Json::parse(R"({"type":"integer","range":{"min":0,"max":10}})"));
  EXPECT_EQ(m["color"], Json::parse(R"({"type":"string","enum":["red","green"]})"));
  EXPECT_EQ(m["tags"]["type"], "list");
  EXPECT_EQ(m["tags"]["length"], Json::parse(R"({"max":50})"));
  EXPECT_EQ(m["tags"]["element"]["members"]["key"],
            Json::parse(R"({"type":"string","length":{"min":1,"max":128},"required":true})"));
  EXPECT_TRUE(op["output"].is_null());
  EXPECT_EQ(op["errors"], Json::parse(R"([{"name":"TaskNotFound","status":400,"provenance":"model","description":"The task does not exist."},
                                          {"name":"ServiceFault","status":500,"provenance":"model"}])"));
  EXPECT_FALSE(op.contains("lifecycle"));
  bool says_lifecycle = false;
  for (const std::string& n : r.notes) says_lifecycle = says_lifecycle || n.find("lifecycle, fixtures") != std::string::npos;
  EXPECT_TRUE(says_lifecycle);
}

TEST(SmithyImport, RestJsonBindingsAndResourceOperations) {
  ImportResult r = import_model_file(kDir + "things_restjson.json", ModelFormat::Smithy, {});
  ASSERT_TRUE(r.ok()) << r.errors[0];
  EXPECT_EQ(r.service["protocol"], "restJson1");
  EXPECT_FALSE(r.service.contains("targetPrefix"));
  EXPECT_FALSE(r.service.contains("errorNamespace"));
  ASSERT_EQ(r.operations.size(), 2u);
  EXPECT_EQ(r.operations[0].name, "PutThingBody");  // service operations first, then resources
  EXPECT_EQ(r.operations[1].name, "GetThing");

  const Json& get = op_spec(r, "GetThing");
  EXPECT_EQ(get["http"], Json::parse(R"({"method":"GET","uri":"/2025-12-01/things/{ThingId}"})"));
  const Json& in = get["input"]["members"];
  EXPECT_EQ(in["ThingId"]["location"], "uri");
  EXPECT_EQ(in["ThingId"]["required"], true);
  EXPECT_EQ(in["ThingId"]["pattern"], "thing-[a-z0-9]+");
  EXPECT_EQ(in["Verbose"], Json::parse(R"({"type":"boolean","location":"query","locationName":"verbose"})"));
  EXPECT_EQ(in["ClientToken"], Json::parse(R"({"type":"string","location":"header","locationName":"X-Client-Token"})"));
  EXPECT_TRUE(get["output"]["members"].contains("status"));  // @jsonName renames the body key
  EXPECT_FALSE(get["output"]["members"].contains("Status"));
  EXPECT_EQ(get["errors"][0], Json::parse(R"({"name":"ThingNotFound","status":404,"provenance":"model","bodyMembers":["Message","Type"]})"));

  const Json& put = op_spec(r, "PutThingBody");
  EXPECT_EQ(put["http"]["method"], "PUT");
  EXPECT_EQ(put["input"]["members"]["Body"], Json::parse(R"({"type":"blob","length":{"max":262144},"sensitive":true,"location":"payload"})"));
  EXPECT_TRUE(put["output"].is_null());
  EXPECT_EQ(put["errors"][1]["status"], 500);
}

TEST(SmithyImport, ImportedFilesLoadAsSpecs) {
  for (const char* file : {"tasks_awsjson.json", "things_restjson.json"}) {
    ImportResult r = import_model_file(kDir + file, ModelFormat::Smithy, {});
    ASSERT_TRUE(r.ok());
    spec::LoadResult loaded = spec::load_spec_files(spec_files(r));
    for (const spec::SpecError& e : loaded.errors) ADD_FAILURE() << file << ": " << e.to_string();
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded.specs->operations.size(), r.operations.size());
  }
}

TEST(SmithyImport, OperationFilterAndBadInput) {
  ImportOptions only;
  only.operations = {"GetThing"};
  ImportResult r = import_model_file(kDir + "things_restjson.json", ModelFormat::Smithy, only);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.operations.size(), 1u);
  only.operations = {"Nope"};
  ImportResult missing = import_model_file(kDir + "things_restjson.json", ModelFormat::Smithy, only);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.errors[0], "operation 'Nope' is not in the model");
  EXPECT_FALSE(import_smithy(Json::array(), {}).ok());
  EXPECT_FALSE(import_smithy(Json::parse(R"({"shapes":{}})"), {}).ok());
  EXPECT_FALSE(import_model_file(kDir + "no-such-file.json", ModelFormat::Smithy, {}).ok());
}

}  // namespace
}  // namespace conform::importer
