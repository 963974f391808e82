// A real third-party client against the emulator: Debian's AWS CLI v2 (/usr/bin/aws) walks the
// activityTask recipe, closes the token, sees TaskTimedOut on the second close, stops and describes.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "tests/emulator_sfn/http_client.h"

using conform::emulator::sfn_test::Served;
using Json = conform::spec::Json;

namespace {

constexpr const char* kAws = "/usr/bin/aws";

struct CliRun {
  int exit_code = -1;
  std::string out;  // stdout and stderr
  Json json() const { return Json::parse(out, nullptr, false); }
};

// Runs `aws stepfunctions <args>` against the server; `args` must be shell-safe (single-quoted values).
CliRun aws(int port, const std::string& args) {
  std::string cmd =
      "env -i PATH=/usr/bin:/bin HOME=/tmp AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test "
      "AWS_DEFAULT_REGION=us-east-1 AWS_PAGER= AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null " +
      std::string(kAws) + " --endpoint-url http://127.0.0.1:" + std::to_string(port) +
      " --output json stepfunctions " + args + " 2>&1";
  CliRun r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string q(const std::string& s) { return "'" + s + "'"; }  // values here contain no single quote

}  // namespace

TEST(SfnAwsCli, WalkCloseTwiceStopDescribe) {
  if (access(kAws, X_OK) != 0) GTEST_SKIP() << "AWS CLI not installed at /usr/bin/aws";
  Served s;
  ASSERT_TRUE(s.ok());
  int port = s.port();

  CliRun act = aws(port, "create-activity --name cli-act");
  ASSERT_EQ(act.exit_code, 0) << act.out;
  std::string activity = act.json().value("activityArn", "");
  ASSERT_EQ(activity, "arn:aws:states:us-east-1:123456789012:activity:cli-act");

  std::string def = R"({"StartAt":"T","States":{"T":{"Type":"Task","Resource":")" + activity + R"(","End":true}}})";
  CliRun sm = aws(port, "create-state-machine --name cli-sm --definition " + q(def) +
                         " --role-arn arn:aws:iam::123456789012:role/cli");
  ASSERT_EQ(sm.exit_code, 0) << sm.out;
  std::string machine = sm.json().value("stateMachineArn", "");
  ASSERT_FALSE(machine.empty()) << sm.out;
  EXPECT_TRUE(sm.json()["creationDate"].is_string()) << sm.out;  // the CLI prints timestamps as text

  CliRun ex = aws(port, "start-execution --state-machine-arn " + q(machine) + " --name cli-ex --input " + q(R"({"a":1})"));
  ASSERT_EQ(ex.exit_code, 0) << ex.out;
  std::string execution = ex.json().value("executionArn", "");
  EXPECT_EQ(execution, "arn:aws:states:us-east-1:123456789012:execution:cli-sm:cli-ex");

  CliRun task = aws(port, "get-activity-task --activity-arn " + q(activity) + " --worker-name cli-worker");
  ASSERT_EQ(task.exit_code, 0) << task.out;
  std::string token = task.json().value("taskToken", "");
  ASSERT_FALSE(token.empty()) << task.out;
  EXPECT_EQ(task.json().value("input", ""), R"({"a":1})");

  CliRun fail = aws(port, "send-task-failure --task-token " + q(token) + " --error CliError --cause " + q("from the cli"));
  EXPECT_EQ(fail.exit_code, 0) << fail.out;

  CliRun again = aws(port, "send-task-failure --task-token " + q(token) + " --error CliError");
  EXPECT_NE(again.exit_code, 0) << again.out;
  EXPECT_NE(again.out.find("TaskTimedOut"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("Provided task does not exist anymore"), std::string::npos) << again.out;

  CliRun stop = aws(port, "stop-execution --execution-arn " + q(execution));
  EXPECT_EQ(stop.exit_code, 0) << stop.out;
  EXPECT_TRUE(stop.json().contains("stopDate")) << stop.out;

  CliRun desc = aws(port, "describe-execution --execution-arn " + q(execution));
  ASSERT_EQ(desc.exit_code, 0) << desc.out;
  Json d = desc.json();
  EXPECT_EQ(d.value("status", ""), "FAILED") << desc.out;  // stop on a closed execution changes nothing
  EXPECT_EQ(d.value("error", ""), "CliError");
  EXPECT_EQ(d.value("cause", ""), "from the cli");

  CliRun bad = aws(port, "stop-execution --execution-arn not-an-arn");
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.out.find("InvalidArn"), std::string::npos) << bad.out;
}

TEST(SfnAwsCli, StopLiveExecutionAborts) {
  if (access(kAws, X_OK) != 0) GTEST_SKIP() << "AWS CLI not installed at /usr/bin/aws";
  Served s;
  ASSERT_TRUE(s.ok());
  auto l = s.walk("cli");
  ASSERT_FALSE(l.token.empty());
  CliRun stop = aws(s.port(), "stop-execution --execution-arn " + q(l.execution_arn) + " --error Manual --cause probe");
  EXPECT_EQ(stop.exit_code, 0) << stop.out;
  CliRun desc = aws(s.port(), "describe-execution --execution-arn " + q(l.execution_arn));
  ASSERT_EQ(desc.exit_code, 0) << desc.out;
  EXPECT_EQ(desc.json().value("status", ""), "ABORTED");
  EXPECT_EQ(desc.json().value("error", ""), "Manual");
  CliRun hb = aws(s.port(), "send-task-heartbeat --task-token " + q(l.token));
  EXPECT_NE(hb.exit_code, 0);
  EXPECT_NE(hb.out.find("TaskTimedOut"), std::string::npos) << hb.out;
}

TEST(SfnAwsCli, PaginatorsFollowTheTokensToEveryItem) {
  if (access(kAws, X_OK) != 0) GTEST_SKIP() << "AWS CLI not installed at /usr/bin/aws";
  Served s;
  ASSERT_TRUE(s.ok());
  for (const char* n : {"e", "b", "d", "a", "c"}) ASSERT_EQ(s.call("CreateActivity", {{"name", n}}).status, 200);
  // --page-size makes the CLI send maxResults and follow every nextToken itself.
  CliRun acts = aws(s.port(), "list-activities --page-size 2");
  ASSERT_EQ(acts.exit_code, 0) << acts.out;
  std::vector<std::string> names;
  const Json listed = acts.json();
  for (const Json& a : listed["activities"]) names.push_back(a.value("name", ""));
  EXPECT_EQ(names, (std::vector<std::string>{"a", "b", "c", "d", "e"})) << acts.out;

  auto l = s.walk("pages");
  ASSERT_FALSE(l.token.empty());
  ASSERT_EQ(s.call("SendTaskSuccess", {{"taskToken", l.token}, {"output", "{}"}}).status, 200);
  CliRun hist = aws(s.port(), "get-execution-history --page-size 2 --execution-arn " + q(l.execution_arn));
  ASSERT_EQ(hist.exit_code, 0) << hist.out;
  Json events = hist.json()["events"];
  ASSERT_EQ(events.size(), 7u) << hist.out;
  EXPECT_EQ(events[0].value("type", ""), "ExecutionStarted");
  EXPECT_EQ(events[6].value("type", ""), "ExecutionSucceeded");
  EXPECT_EQ(events[6].value("id", 0), 7);

  CliRun runs = aws(s.port(), "list-executions --page-size 1 --state-machine-arn " + q(l.machine_arn));
  ASSERT_EQ(runs.exit_code, 0) << runs.out;
  EXPECT_EQ(runs.json()["executions"].size(), 1u) << runs.out;

  CliRun sm = aws(s.port(), "describe-state-machine --state-machine-arn " + q(l.machine_arn));
  ASSERT_EQ(sm.exit_code, 0) << sm.out;
  EXPECT_EQ(sm.json().value("status", ""), "ACTIVE") << sm.out;
  CliRun missing = aws(s.port(), "describe-activity --activity-arn arn:aws:states:us-east-1:123456789012:activity:none");
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.out.find("ActivityDoesNotExist"), std::string::npos) << missing.out;
}
