// DescribeActivity, DescribeStateMachine, DescribeStateMachineForExecution and UpdateStateMachine over
// real HTTP: what each answers (and its output shape), not-found and malformed ARNs, and that an update
// changes the machine for new executions while running ones keep the revision they started with.
#include <gtest/gtest.h>

#include "tests/emulator_sfn/expect.h"

using namespace conform::emulator;
using namespace conform::emulator::sfn_test;
using Json = conform::spec::Json;

namespace {

const std::string kSucceedOnly = R"({"StartAt":"S","States":{"S":{"Type":"Succeed"}}})";

}  // namespace

TEST(SfnDescribe, ActivityAnswersItsArnNameAndCreationDate) {
  Served s;
  ASSERT_TRUE(s.ok());
  Reply created = s.call("CreateActivity", {{"name", "worker-queue"}});
  std::string arn = created.body["activityArn"];
  Reply d = s.call("DescribeActivity", {{"activityArn", arn}});
  expect_ok(d, "DescribeActivity");
  EXPECT_EQ(d.body["activityArn"], arn);
  EXPECT_EQ(d.body["name"], "worker-queue");
  EXPECT_EQ(d.body["creationDate"], created.body["creationDate"]);
  EXPECT_FALSE(d.body.contains("encryptionConfiguration"));

  Reply enc = s.call("CreateActivity", {{"name", "encrypted"}, {"encryptionConfiguration", {{"type", "AWS_OWNED_KEY"}}}});
  Reply de = s.call("DescribeActivity", {{"activityArn", enc.body["activityArn"]}});
  expect_ok(de, "DescribeActivity");
  EXPECT_EQ(de.body["encryptionConfiguration"], Json({{"type", "AWS_OWNED_KEY"}}));
}

TEST(SfnDescribe, ActivityUnknownDeletedOrMalformed) {
  Served s;
  ASSERT_TRUE(s.ok());
  const std::string never = kArnPrefix + "activity:never-created";
  expect_error(s.call("DescribeActivity", {{"activityArn", never}}), "ActivityDoesNotExist",
               "Activity Does Not Exist: '" + never + "'");
  std::string arn = s.call("CreateActivity", {{"name", "gone"}}).body["activityArn"];
  ASSERT_EQ(s.call("DeleteActivity", {{"activityArn", arn}}).status, 200);
  expect_error(s.call("DescribeActivity", {{"activityArn", arn}}), "ActivityDoesNotExist",
               "Activity Does Not Exist: '" + arn + "'");
  expect_error(s.call("DescribeActivity", {{"activityArn", "not-an-arn"}}), "InvalidArn",
               "Invalid Arn: 'Invalid ARN prefix: not-an-arn'");
  expect_error(s.call("DescribeActivity", {{"activityArn", kArnPrefix + "stateMachine:m"}}), "InvalidArn",
               "Invalid Arn: 'Resource type not valid in this context: stateMachine'");
  expect_error(s.call("DescribeActivity", {{"activityArn", "arn:aws:states:us-east-1:12:activity:a"}}), "InvalidArn");
}

TEST(SfnDescribe, StateMachineAnswersItsDefinitionRoleTypeAndConfiguration) {
  Served s;
  ASSERT_TRUE(s.ok());
  std::string act = s.call("CreateActivity", {{"name", "act"}}).body["activityArn"];
  const std::string def = "{ \"StartAt\": \"T\", \"States\": {\"T\": {\"Type\": \"Task\", \"Resource\": \"" + act +
                          "\", \"End\": true}}}";  // spaced: answered byte for byte
  Reply created = s.call("CreateStateMachine", {{"name", "sm"}, {"definition", def}, {"roleArn", kRole},
                                                {"tracingConfiguration", {{"enabled", true}}}});
  std::string arn = created.body["stateMachineArn"];
  Reply d = s.call("DescribeStateMachine", {{"stateMachineArn", arn}});
  expect_ok(d, "DescribeStateMachine");
  EXPECT_EQ(d.body["stateMachineArn"], arn);
  EXPECT_EQ(d.body["name"], "sm");
  EXPECT_EQ(d.body["status"], "ACTIVE");
  EXPECT_EQ(d.body["definition"], def);
  EXPECT_EQ(d.body["roleArn"], kRole);
  EXPECT_EQ(d.body["type"], "STANDARD");
  EXPECT_EQ(d.body["creationDate"], created.body["creationDate"]);
  EXPECT_EQ(d.body["loggingConfiguration"], Json({{"level", "OFF"}, {"includeExecutionData", false}}));
  EXPECT_EQ(d.body["tracingConfiguration"], Json({{"enabled", true}}));
  EXPECT_FALSE(d.body.contains("revisionId"));  // none until the first update

  Reply meta = s.call("DescribeStateMachine", {{"stateMachineArn", arn}, {"includedData", "METADATA_ONLY"}});
  expect_ok(meta, "DescribeStateMachine");
  EXPECT_EQ(meta.body["definition"], "{}");
  EXPECT_EQ(meta.body["roleArn"], kRole);
}

TEST(SfnDescribe, StateMachineUnknownDeletedOrMalformed) {
  Served s;
  ASSERT_TRUE(s.ok());
  const std::string never = kArnPrefix + "stateMachine:never";
  expect_error(s.call("DescribeStateMachine", {{"stateMachineArn", never}}), "StateMachineDoesNotExist",
               "State Machine Does Not Exist: '" + never + "'");
  std::string arn = create_machine(s, "gone", kSucceedOnly);
  ASSERT_EQ(s.call("DeleteStateMachine", {{"stateMachineArn", arn}}).status, 200);
  expect_error(s.call("DescribeStateMachine", {{"stateMachineArn", arn}}), "StateMachineDoesNotExist");
  expect_error(s.call("DescribeStateMachine", {{"stateMachineArn", "nope"}}), "InvalidArn",
               "Invalid Arn: 'Invalid ARN prefix: nope'");
  expect_error(s.call("DescribeStateMachine", {{"stateMachineArn", kArnPrefix + "execution:m:e"}}), "InvalidArn",
               "Invalid Arn: 'Resource type not valid in this context: execution'");
}

TEST(SfnDescribe, StateMachineForExecutionAnswersTheRevisionTheExecutionStartedWith) {
  Served s;
  ASSERT_TRUE(s.ok());
  std::string act = s.call("CreateActivity", {{"name", "act"}}).body["activityArn"];
  std::string def = task_definition(act);
  Reply created = s.call("CreateStateMachine", {{"name", "sm"}, {"definition", def}, {"roleArn", kRole}});
  std::string machine = created.body["stateMachineArn"];
  std::string old_exec = start(s, machine, "before-update");
  Reply d = s.call("DescribeStateMachineForExecution", {{"executionArn", old_exec}});
  expect_ok(d, "DescribeStateMachineForExecution");
  EXPECT_EQ(d.body["stateMachineArn"], machine);
  EXPECT_EQ(d.body["name"], "sm");
  EXPECT_EQ(d.body["definition"], def);
  EXPECT_EQ(d.body["roleArn"], kRole);
  EXPECT_EQ(d.body["updateDate"], created.body["creationDate"]);
  EXPECT_FALSE(d.body.contains("revisionId"));

  s.clock().advance(5);
  const std::string new_role = "arn:aws:iam::123456789012:role/other";
  Reply u = s.call("UpdateStateMachine", {{"stateMachineArn", machine}, {"definition", kSucceedOnly}, {"roleArn", new_role}});
  expect_ok(u, "UpdateStateMachine");
  ASSERT_TRUE(u.body.contains("revisionId"));
  EXPECT_EQ(u.body["updateDate"].get<double>(), created.body["creationDate"].get<double>() + 5);

  Reply now = s.call("DescribeStateMachine", {{"stateMachineArn", machine}});
  EXPECT_EQ(now.body["definition"], kSucceedOnly);
  EXPECT_EQ(now.body["roleArn"], new_role);
  EXPECT_EQ(now.body["revisionId"], u.body["revisionId"]);
  EXPECT_EQ(now.body["creationDate"], created.body["creationDate"]);

  // The running execution keeps its revision (and still waits on its activity); a new one uses the update.
  Reply still = s.call("DescribeStateMachineForExecution", {{"executionArn", old_exec}});
  EXPECT_EQ(still.body["definition"], def);
  EXPECT_EQ(still.body["roleArn"], kRole);
  EXPECT_EQ(s.call("DescribeExecution", {{"executionArn", old_exec}}).body["status"], "RUNNING");
  std::string new_exec = start(s, machine, "after-update");
  EXPECT_EQ(s.call("DescribeExecution", {{"executionArn", new_exec}}).body["status"], "SUCCEEDED");
  Reply fresh = s.call("DescribeStateMachineForExecution", {{"executionArn", new_exec}, {"includedData", "METADATA_ONLY"}});
  expect_ok(fresh, "DescribeStateMachineForExecution");
  EXPECT_EQ(fresh.body["definition"], "{}");
  EXPECT_EQ(fresh.body["roleArn"], new_role);
  EXPECT_EQ(fresh.body["updateDate"], u.body["updateDate"]);
  EXPECT_EQ(fresh.body["revisionId"], u.body["revisionId"]);

  // Deleting the machine leaves its executions' descriptions in place.
  ASSERT_EQ(s.call("DeleteStateMachine", {{"stateMachineArn", machine}}).status, 200);
  EXPECT_EQ(s.call("DescribeStateMachineForExecution", {{"executionArn", old_exec}}).status, 200);
}

TEST(SfnDescribe, StateMachineForExecutionUnknownMalformedOrExpress) {
  Served s;
  ASSERT_TRUE(s.ok());
  const std::string never = kArnPrefix + "execution:sm:never";
  expect_error(s.call("DescribeStateMachineForExecution", {{"executionArn", never}}), "ExecutionDoesNotExist",
               "Execution Does Not Exist: '" + never + "'");
  expect_error(s.call("DescribeStateMachineForExecution", {{"executionArn", "x"}}), "InvalidArn",
               "Invalid Arn: 'Invalid ARN prefix: x'");
  expect_error(s.call("DescribeStateMachineForExecution", {{"executionArn", kArnPrefix + "express:sm:a:b"}}), "InvalidArn",
               "Invalid Arn: 'Resource type not valid in this context: express'");
}

TEST(SfnUpdate, ErrorsLeaveTheMachineUnchanged) {
  Served s;
  ASSERT_TRUE(s.ok());
  std::string machine = create_machine(s, "sm", kSucceedOnly);
  std::string express = create_machine(s, "fast", kSucceedOnly, "EXPRESS");
  std::string act = s.call("CreateActivity", {{"name", "act"}}).body["activityArn"];
  expect_error(s.call("UpdateStateMachine", {{"stateMachineArn", machine}}), "MissingRequiredParameter");
  expect_error(s.call("UpdateStateMachine", {{"stateMachineArn", machine}, {"definition", "{\"StartAt\":1}"}}),
               "InvalidDefinition");
  expect_error(s.call("UpdateStateMachine", {{"stateMachineArn", express}, {"definition", task_definition(act)}}),
               "InvalidDefinition");
  expect_error(s.call("UpdateStateMachine", {{"stateMachineArn", machine}, {"roleArn", "role"}}), "InvalidArn",
               "Invalid Arn: 'Invalid ARN prefix: role'");
  expect_error(s.call("UpdateStateMachine", {{"stateMachineArn", machine}, {"roleArn", kRole}, {"versionDescription", "v"}}),
               "ValidationException");
  const std::string never = kArnPrefix + "stateMachine:never";
  expect_error(s.call("UpdateStateMachine", {{"stateMachineArn", never}, {"roleArn", kRole}}), "StateMachineDoesNotExist",
               "State Machine Does Not Exist: '" + never + "'");
  expect_error(s.call("UpdateStateMachine", {{"stateMachineArn", "bad"}, {"roleArn", kRole}}), "InvalidArn");
  Reply d = s.call("DescribeStateMachine", {{"stateMachineArn", machine}});
  EXPECT_EQ(d.body["definition"], kSucceedOnly);
  EXPECT_EQ(d.body["roleArn"], kRole);
  EXPECT_FALSE(d.body.contains("revisionId"));

  // A logging-only update is accepted and shows in the description; each update has a new revision.
  Reply u1 = s.call("UpdateStateMachine", {{"stateMachineArn", machine}, {"loggingConfiguration", {{"level", "OFF"}}}});
  expect_ok(u1, "UpdateStateMachine");
  Reply u2 = s.call("UpdateStateMachine", {{"stateMachineArn", machine}, {"tracingConfiguration", {{"enabled", true}}}});
  expect_ok(u2, "UpdateStateMachine");
  EXPECT_NE(u1.body["revisionId"], u2.body["revisionId"]);
  Reply after = s.call("DescribeStateMachine", {{"stateMachineArn", machine}});
  EXPECT_EQ(after.body["tracingConfiguration"], Json({{"enabled", true}}));
  EXPECT_EQ(after.body["revisionId"], u2.body["revisionId"]);
  // CreateStateMachine's idempotency compares against the current revision.
  expect_error(s.call("CreateStateMachine", {{"name", "sm"}, {"definition", kSucceedOnly}, {"roleArn", kRole}}),
               "StateMachineAlreadyExists");
}
