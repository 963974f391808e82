// Importing Debian's botocore models (python3-botocore, 2022): skipped when the package is absent.
#include <gtest/gtest.h>

#include <filesystem>

#include "harness/importer/botocore_import.h"
#include "harness/importer/model_file.h"
#include "harness/spec/loader.h"

namespace conform::importer {
namespace {

const std::string kBotocore = "/usr/lib/python3/dist-packages/botocore/data";
const std::string kSwf = kBotocore + "/swf/2012-01-25/service-2.json";
const std::string kSfn = kBotocore + "/stepfunctions/2016-11-23/service-2.json";

#define SKIP_WITHOUT(path) \
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is absent (install python3-botocore)"

TEST(BotocoreImport, SwfRespondActivityTaskFailedMatchesTheShippedSpec) {
  SKIP_WITHOUT(kSwf);
  ImportOptions options;
  options.operations = {"RespondActivityTaskFailed"};
  ImportResult r = import_model_file(kSwf, ModelFormat::Botocore, options);
  ASSERT_TRUE(r.ok()) << r.errors[0];
  EXPECT_EQ(r.service_name, "swf");  // from the botocore folder name
  ASSERT_EQ(r.operations.size(), 1u);
  spec::LoadResult imported = spec::load_spec_files(spec_files(r));
  ASSERT_TRUE(imported.ok()) << imported.errors[0].to_string();
  const spec::Operation* mine = imported.specs->find_operation("swf.RespondActivityTaskFailed");
  const spec::Operation* shipped = spec::builtin_specs().find_operation("swf.RespondActivityTaskFailed");
  ASSERT_NE(mine, nullptr);
  ASSERT_NE(shipped, nullptr);

  ASSERT_EQ(mine->input.members.size(), shipped->input.members.size());
  for (size_t i = 0; i < mine->input.members.size(); ++i) {
    const spec::Member& a = mine->input.members[i];
    const spec::Member& b = shipped->input.members[i];
    SCOPED_TRACE(b.name);
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.required, b.required);
    EXPECT_EQ(a.shape->type, b.shape->type);
    ASSERT_EQ(a.shape->length.has_value(), b.shape->length.has_value());
    if (a.shape->length) {
      EXPECT_EQ(a.shape->length->min, b.shape->length->min);
      EXPECT_EQ(a.shape->length->max, b.shape->length->max);
    }
    EXPECT_EQ(a.shape->pattern, b.shape->pattern);
    EXPECT_EQ(a.shape->sensitive, b.shape->sensitive);
  }
  ASSERT_EQ(mine->errors.size(), shipped->errors.size());
  for (size_t i = 0; i < mine->errors.size(); ++i) {
    EXPECT_EQ(mine->errors[i].name, shipped->errors[i].name);
    EXPECT_EQ(mine->errors[i].status, shipped->errors[i].status);
    EXPECT_EQ(mine->errors[i].provenance, spec::Provenance::Model);
  }
  EXPECT_EQ(mine->output.has_value(), shipped->output.has_value());
}

TEST(BotocoreImport, WholeModelsImportIntoLoadableSpecs) {
  SKIP_WITHOUT(kSfn);
  for (const std::string& path : {kSfn, kSwf}) {
    ImportResult r = import_model_file(path, ModelFormat::Botocore, {});
    ASSERT_TRUE(r.ok()) << r.errors[0];
    EXPECT_GT(r.operations.size(), 20u);
    spec::LoadResult loaded = spec::load_spec_files(spec_files(r));
    for (const spec::SpecError& e : loaded.errors) ADD_FAILURE() << path << ": " << e.to_string();
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(r.service["protocol"], "awsJson1_0");
  }
}

TEST(BotocoreImport, SfnFactsComeFromTheModel) {
  SKIP_WITHOUT(kSfn);
  ImportResult r = import_model_file(kSfn, ModelFormat::Botocore, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.service_name, "stepfunctions");
  EXPECT_EQ(r.service["targetPrefix"], "AWSStepFunctions");
  EXPECT_EQ(r.service["signingName"], "states");
  EXPECT_FALSE(r.service.contains("errorNamespace"));
  const Json* failure = nullptr;
  for (const ImportedOperation& op : r.operations) {
    if (op.name == "SendTaskFailure") failure = &op.spec;
  }
  ASSERT_NE(failure, nullptr);
  EXPECT_EQ((*failure)["input"]["members"]["taskToken"],
            Json::parse(R"({"type":"string","length":{"min":1,"max":1024},"documentation":"The token that represents this task.","required":true})"));
  EXPECT_EQ((*failure)["input"]["members"]["error"]["sensitive"], true);
  EXPECT_EQ((*failure)["errors"].size(), 3u);
}

TEST(BotocoreImport, RejectsWhatIsNotABotocoreModel) {
  EXPECT_FALSE(import_botocore(Json::object(), {}).ok());
  Json query = Json::parse(R"({"metadata":{"protocol":"query"},"operations":{},"shapes":{}})");
  ImportResult r = import_botocore(query, {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors[0].find("protocol 'query' is not supported"), std::string::npos);
}

TEST(BotocoreImport, RestJsonLocationsAndErrorStatus) {
  Json model = Json::parse(R"({
    "metadata": {"protocol": "rest-json", "apiVersion": "2025-12-01", "endpointPrefix": "lambda", "serviceId": "Lambda"},
    "operations": {"StopThing": {"name": "StopThing", "http": {"method": "POST", "requestUri": "/things/{Arn}/stop?x-id=Stop"},
                                 "input": {"shape": "StopThingRequest"}, "errors": [{"shape": "NotFound"}]}},
    "shapes": {
      "StopThingRequest": {"type": "structure", "required": ["Arn"], "payload": "Body", "members": {
        "Arn": {"shape": "Arn", "location": "uri", "locationName": "Arn"},
        "Name": {"shape": "Name", "location": "header", "locationName": "X-Thing-Name"},
        "Limit": {"shape": "Limit", "location": "querystring", "locationName": "limit"},
        "Body": {"shape": "Body"}}},
      "Arn": {"type": "string", "min": 1, "max": 256, "pattern": "arn:[a-z]+"},
      "Name": {"type": "string"},
      "Limit": {"type": "integer", "min": 1, "max": 100},
      "Body": {"type": "blob", "sensitive": true},
      "NotFound": {"type": "structure", "members": {"Type": {"shape": "Name"}, "Message": {"shape": "Name"}},
                   "error": {"httpStatusCode": 404, "senderFault": true}, "exception": true}}})");
  ImportResult r = import_botocore(model, {});
  ASSERT_TRUE(r.ok()) << r.errors[0];
  EXPECT_EQ(r.service_name, "lambda");
  const Json& op = r.operations.at(0).spec;
  EXPECT_EQ(op["http"], Json::parse(R"({"method":"POST","uri":"/things/{Arn}/stop"})"));
  const Json& m = op["input"]["members"];
  EXPECT_EQ(m["Arn"]["location"], "uri");
  EXPECT_EQ(m["Name"]["locationName"], "X-Thing-Name");
  EXPECT_EQ(m["Limit"]["location"], "query");
  EXPECT_EQ(m["Limit"]["range"], Json::parse(R"({"min":1,"max":100})"));
  EXPECT_EQ(m["Body"]["location"], "payload");
  EXPECT_EQ(op["errors"][0], Json::parse(R"({"name":"NotFound","status":404,"provenance":"model","bodyMembers":["Type","Message"]})"));
  spec::LoadResult loaded = spec::load_spec_files(spec_files(r));
  for (const spec::SpecError& e : loaded.errors) ADD_FAILURE() << e.to_string();
}

}  // namespace
}  // namespace conform::importer
