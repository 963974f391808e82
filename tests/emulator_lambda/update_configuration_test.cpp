// UpdateFunctionConfiguration over HTTP: what changes, what the reads show afterwards, RevisionId
// preconditions and the error answers.
#include "tests/emulator_lambda/lambda_over_http.h"

using namespace conform;
using namespace conform::emulator;
using namespace conform::emulator::testing;

namespace {

class UpdateConfiguration : public LambdaOverHttp {
 protected:
  void SetUp() override {
    LambdaOverHttp::SetUp();
    create_function("upd");
  }
};

}  // namespace

TEST_F(UpdateConfiguration, ChangesTheGivenSettingsOnly) {
  Json before = expect_json(get_configuration_request("upd"));
  clock_->advance(5);
  Json body = {{"Description", "changed"},
               {"Timeout", 120},
               {"MemorySize", 512},
               {"Handler", "main.run"},
               {"Environment", {{"Variables", {{"MODE", "test"}}}}},
               {"TracingConfig", {{"Mode", "Active"}}},
               {"EphemeralStorage", {{"Size", 1024}}}};
  Json after = expect_json(update_configuration_request("upd", body));
  EXPECT_EQ(output_problems("UpdateFunctionConfiguration", after), std::vector<std::string>{}) << after.dump();
  EXPECT_EQ(after["Description"], "changed");
  EXPECT_EQ(after["Timeout"], 120);
  EXPECT_EQ(after["MemorySize"], 512);
  EXPECT_EQ(after["Handler"], "main.run");
  EXPECT_EQ(after["Environment"]["Variables"]["MODE"], "test");
  EXPECT_EQ(after["TracingConfig"]["Mode"], "Active");
  EXPECT_EQ(after["EphemeralStorage"]["Size"], 1024);
  EXPECT_EQ(after["Runtime"], before["Runtime"]);
  EXPECT_EQ(after["Role"], before["Role"]);
  EXPECT_EQ(after["CodeSha256"], before["CodeSha256"]);
  EXPECT_EQ(after["LastUpdateStatus"], "Successful");
  EXPECT_EQ(after["LastModified"], "2023-11-14T22:13:25.000+0000");
  EXPECT_NE(after["RevisionId"], before["RevisionId"]);
  EXPECT_EQ(plain(expect_json(get_configuration_request("upd"))), plain(after));
  EXPECT_EQ(plain(expect_json(get_function_request("upd"))["Configuration"]), plain(after));
}

TEST_F(UpdateConfiguration, RevisionIdMustBeTheCurrentOne) {
  Json before = expect_json(get_configuration_request("upd"));
  Json first = expect_json(update_configuration_request("upd", {{"Timeout", 10}, {"RevisionId", before["RevisionId"]}}));
  expect_error(update_configuration_request("upd", {{"Timeout", 20}, {"RevisionId", before["RevisionId"]}}), 412,
               "PreconditionFailedException");
  EXPECT_EQ(expect_json(get_configuration_request("upd"))["Timeout"], 10);
  EXPECT_EQ(expect_json(update_configuration_request("upd", {{"Timeout", 20}, {"RevisionId", first["RevisionId"]}}))
                ["Timeout"],
            20);
}

TEST_F(UpdateConfiguration, PublishedVersionsCannotBeModified) {
  ASSERT_EQ(send(publish_version_request("upd")).status, 201);
  expect_error(update_configuration_request("upd:1", {{"Timeout", 10}}), 400, "InvalidParameterValueException");
  Json latest = expect_json(update_configuration_request("upd:$LATEST", {{"Timeout", 11}}));
  EXPECT_EQ(latest["FunctionArn"], "arn:aws:lambda:us-east-1:123456789012:function:upd:$LATEST");
  EXPECT_EQ(expect_json(get_configuration_request("upd", "1"))["Timeout"], 3);
}

TEST_F(UpdateConfiguration, ErrorAnswers) {
  expect_error(update_configuration_request("ghost", {{"Timeout", 10}}), 404, "ResourceNotFoundException");
  expect_error(update_configuration_request("upd:7", {{"Timeout", 10}}), 404, "ResourceNotFoundException");
  expect_error(update_configuration_request("upd", {{"Timeout", 0}}), 400, "ValidationException");
}

TEST_F(UpdateConfiguration, DurableConfigChangesApplyToLaterExecutionsOnly) {
  std::string before = invoke("upd", "early");
  ASSERT_EQ(send(update_configuration_request("upd", {{"DurableConfig", {{"ExecutionTimeout", 60}}}})).status, 200);
  std::string after = invoke("upd", "late");
  EXPECT_EQ(json_of(send(get_execution_request(before)))["DurableConfig"]["ExecutionTimeout"], 900);
  EXPECT_EQ(json_of(send(get_execution_request(after)))["DurableConfig"]["ExecutionTimeout"], 60);
}

TEST_F(UpdateConfiguration, DurableConfigMembersMergeAndExecutionTimeoutStays) {
  Json after = expect_json(update_configuration_request("upd", {{"DurableConfig", {{"RetentionPeriodInDays", 7}}}}));
  EXPECT_EQ(plain(after["DurableConfig"]), plain(Json({{"RetentionPeriodInDays", 7}, {"ExecutionTimeout", 900}})));
  create_function("plain", false);
  expect_error(update_configuration_request("plain", {{"DurableConfig", {{"RetentionPeriodInDays", 7}}}}), 400,
               "InvalidParameterValueException");
  EXPECT_FALSE(expect_json(get_configuration_request("plain")).contains("DurableConfig"));  // nothing changed
}
