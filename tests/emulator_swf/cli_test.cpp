// The AWS CLI (Debian's awscli, a real third-party client) against the emulator's SWF endpoint: the
// activityTask walk, a failed task failed again, and the history. Skipped when /usr/bin/aws is absent.
#include <gtest/gtest.h>

#include <unistd.h>

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

#include "tests/emulator_swf/swf_http.h"

using namespace conform::emulator;
using swf_test::Json;
using swf_test::SwfServer;

namespace {

const char* kAws = "/usr/bin/aws";

struct CliResult {
  int exit_code = -1;
  std::string out;  // stdout and stderr
  Json json() const {
    Json j = Json::parse(out, nullptr, false);
    return j.is_discarded() ? Json() : j;
  }
};

// Runs `aws swf <args>` against the server. Arguments are single-quoted for the shell; none of them
// contains a single quote.
CliResult aws(int port, const std::string& args) {
  std::string cmd = "env AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 AWS_PAGER= "
                    "AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null " +
                    std::string(kAws) + " --endpoint-url http://127.0.0.1:" + std::to_string(port) +
                    " --output json swf " + args + " 2>&1";
  CliResult r;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string q(const std::string& s) { return "'" + s + "'"; }

}  // namespace

TEST(SwfCli, AwsCliWalkFailAndHistory) {
  if (access(kAws, X_OK) != 0) GTEST_SKIP() << "no " << kAws;
  SwfServer server;
  ASSERT_GT(server.port(), 0) << server.error();
  int port = server.port();
  const std::string domain = "--domain cli-dom";

  CliResult r = aws(port, "register-domain --name cli-dom --workflow-execution-retention-period-in-days 1");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  r = aws(port, "register-workflow-type " + domain + " --name wt --workflow-version 1 "
                "--default-task-start-to-close-timeout 60 --default-execution-start-to-close-timeout 600 "
                "--default-task-list name=dtl --default-child-policy TERMINATE");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  r = aws(port, "register-activity-type " + domain + " --name at --activity-version 1 "
                "--default-task-start-to-close-timeout 120 --default-task-heartbeat-timeout 120 "
                "--default-task-list name=atl --default-task-schedule-to-start-timeout 120 "
                "--default-task-schedule-to-close-timeout 300");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  r = aws(port, "start-workflow-execution " + domain + " --workflow-id cli-wf --workflow-type name=wt,version=1 "
                "--task-list name=dtl --input " + q("{}"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::string run_id = r.json().value("runId", "");
  ASSERT_FALSE(run_id.empty()) << r.out;

  r = aws(port, "poll-for-decision-task " + domain + " --task-list name=dtl --identity cli-decider");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::string decision_token = r.json().value("taskToken", "");
  ASSERT_FALSE(decision_token.empty()) << r.out;
  EXPECT_EQ(r.json()["events"][0]["eventType"], "WorkflowExecutionStarted");

  Json decisions = Json::array({{{"decisionType", "ScheduleActivityTask"},
                                 {"scheduleActivityTaskDecisionAttributes",
                                  {{"activityType", {{"name", "at"}, {"version", "1"}}}, {"activityId", "cli-act"}}}}});
  r = aws(port, "respond-decision-task-completed --task-token " + q(decision_token) + " --decisions " + q(decisions.dump()));
  ASSERT_EQ(r.exit_code, 0) << r.out;

  r = aws(port, "poll-for-activity-task " + domain + " --task-list name=atl --identity cli-worker");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::string token = r.json().value("taskToken", "");
  ASSERT_FALSE(token.empty()) << r.out;
  EXPECT_EQ(r.json()["activityId"], "cli-act");

  r = aws(port, "respond-activity-task-failed --task-token " + q(token) + " --reason because --details more");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  r = aws(port, "respond-activity-task-failed --task-token " + q(token) + " --reason again");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.out.find("UnknownResourceFault"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Unknown activity, scheduledEventId = 5"), std::string::npos) << r.out;

  r = aws(port, "get-workflow-execution-history " + domain + " --execution workflowId=cli-wf,runId=" + run_id);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  Json events = r.json().value("events", Json::array());
  int failed = 0;
  for (const Json& e : events)
    if (e.value("eventType", "") == "ActivityTaskFailed") {
      ++failed;
      EXPECT_EQ(e["activityTaskFailedEventAttributes"]["reason"], "because");
      EXPECT_EQ(e["activityTaskFailedEventAttributes"]["details"], "more");
      EXPECT_EQ(e["activityTaskFailedEventAttributes"]["scheduledEventId"], 5);
    }
  EXPECT_EQ(failed, 1) << r.out;
  EXPECT_EQ(events.back().value("eventType", ""), "DecisionTaskScheduled");
}
