// Drift between the shipped specs and Debian's 2022 botocore models, and between a model and itself.
#include <gtest/gtest.h>

#include <filesystem>

#include "harness/importer/drift.h"
#include "harness/importer/model_file.h"
#include "harness/spec/loader.h"

namespace conform::importer {
namespace {

const std::string kSfn = "/usr/lib/python3/dist-packages/botocore/data/stepfunctions/2016-11-23/service-2.json";
const std::string kSwf = "/usr/lib/python3/dist-packages/botocore/data/swf/2012-01-25/service-2.json";

#define SKIP_WITHOUT(path) \
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is absent (install python3-botocore)"

std::vector<std::string> items_of(const DriftReport& report, const std::string& op) {
  std::vector<std::string> out;
  for (const DriftItem& item : report.items) {
    if (item.operation == op) out.push_back(item.to_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Drift, SfnSeedOperationsShowExactlyTheKnownDifferences) {
  SKIP_WITHOUT(kSfn);
  ImportResult model = import_model_file(kSfn, ModelFormat::Botocore, {});
  ASSERT_TRUE(model.ok());
  DriftReport report = compute_drift(spec::builtin_specs(), model);
  ASSERT_TRUE(report.errors.empty()) << report.errors[0];
  EXPECT_EQ(report.service, "stepfunctions");
  // The 2022 model allows task tokens up to 1024 characters (AWS has since raised it to 2048) and
  // predates customer-managed KMS keys, so it lacks the Kms* errors.
  const std::vector<std::string> kms = {"KmsAccessDeniedException", "KmsInvalidStateException", "KmsThrottlingException"};
  struct Seed {
    std::string op;
    bool token_limit, kms_errors;
  };
  for (const Seed& seed : {Seed{"SendTaskFailure", true, true}, Seed{"SendTaskSuccess", true, true},
                           Seed{"SendTaskHeartbeat", true, false}, Seed{"StopExecution", false, true}}) {
    const std::string id = "stepfunctions." + seed.op;
    std::vector<std::string> expected;
    if (seed.token_limit) expected.push_back(id + ": input.taskToken: length max is 2048 in the spec, 1024 in the model");
    for (const std::string& e : kms) {
      if (seed.kms_errors) expected.push_back(id + ": error " + e + " is declared by the spec but not by the model");
    }
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(items_of(report, id), expected) << seed.op;
  }
}

TEST(Drift, AModelHasNoDriftAgainstItsOwnImport) {
  SKIP_WITHOUT(kSwf);
  ImportResult model = import_model_file(kSwf, ModelFormat::Botocore, {});
  ASSERT_TRUE(model.ok());
  spec::LoadResult imported = spec::load_spec_files(spec_files(model));
  ASSERT_TRUE(imported.ok()) << imported.errors[0].to_string();
  DriftReport report = compute_drift(*imported.specs, model);
  ASSERT_TRUE(report.errors.empty()) << report.errors[0];
  EXPECT_EQ(report.compared, model.operations.size());
  EXPECT_EQ(report.model_only, 0u);
  for (const DriftItem& item : report.items) ADD_FAILURE() << item.to_string();
}

TEST(Drift, NamesEachKindOfDifference) {
  const std::string smithy = std::string(CONFORM_SOURCE_DIR) + "/tests/importer/smithy/tasks_awsjson.json";
  ImportResult model = import_model_file(smithy, ModelFormat::Smithy, {});
  ASSERT_TRUE(model.ok());
  std::vector<spec::EmbeddedFile> files = spec_files(model);
  // Edit the spec side: a limit, a required flag, a removed and an added member, an error, an enum.
  Json op = Json::parse(files[1].content);
  op["input"]["members"]["taskToken"]["length"]["max"] = 2048;
  op["input"]["members"]["taskToken"]["required"] = false;
  op["input"]["members"].erase("priority");
  op["input"]["members"]["extra"] = {{"type", "string"}};
  op["input"]["members"]["color"]["enum"] = {"red", "blue"};
  op["errors"].push_back({{"name", "Throttled"}, {"status", 400}});
  op["errors"][0]["status"] = 404;
  files[1].content = op.dump();
  spec::LoadResult specs = spec::load_spec_files(files);
  ASSERT_TRUE(specs.ok()) << specs.errors[0].to_string();
  DriftReport report = compute_drift(*specs.specs, model);
  ASSERT_TRUE(report.errors.empty()) << report.errors[0];
  const std::string id = "tasks.CompleteTask";
  std::vector<std::string> expected = {
      id + ": input.taskToken: length max is 2048 in the spec, 1024 in the model",
      id + ": input.taskToken: required in the model, optional in the spec",
      id + ": input.priority: member is in the model but not in the spec",
      id + ": input.extra: member is in the spec but not in the model",
      id + ": input.color: enum value 'green' is in the model but not in the spec",
      id + ": input.color: enum value 'blue' is in the spec but not in the model",
      id + ": error Throttled is declared by the spec but not by the model",
      id + ": error TaskNotFound has status 404 in the spec, 400 in the model",
  };
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(items_of(report, id), expected);
}

TEST(Drift, UnmatchedServiceIsAnError) {
  const std::string smithy = std::string(CONFORM_SOURCE_DIR) + "/tests/importer/smithy/things_restjson.json";
  ImportResult model = import_model_file(smithy, ModelFormat::Smithy, {});
  ASSERT_TRUE(model.ok());
  DriftReport report = compute_drift(spec::builtin_specs(), model);
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_NE(report.errors[0].find("no spec service matches"), std::string::npos);
}

}  // namespace
}  // namespace conform::importer
