// Test helper: resources set up over HTTP for the visibility, catalog and control tests: a domain, its
// workflow type "wt"/"1" (decision list "decisions", execution timeout 3600 s, decision timeout NONE)
// and activity type "at"/"1" (activity list "activities", no timeouts), executions started with tags,
// and the decider steps. Every call is expected to succeed. SwfHttpTest: a server and a client per test.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/emulator_swf/swf_http.h"

namespace conform::emulator::swf_test {

inline std::string fault_type(const std::string& name) { return "com.amazonaws.swf.base.model#" + name; }
inline const std::string kValidationType = "com.amazon.coral.validate#ValidationException";

class Seed {
 public:
  Seed(SwfClient& c, std::string domain) : c_(c), domain_(std::move(domain)) {}
  const std::string& domain() const { return domain_; }

  // The domain and both types.
  Seed& registered(const Json& domain_extra = Json::object()) {
    Json d = {{"name", domain_}, {"workflowExecutionRetentionPeriodInDays", "1"}};
    for (auto& [k, v] : domain_extra.items()) d[k] = v;
    expect_ok("RegisterDomain", d);
    expect_ok("RegisterWorkflowType", {{"domain", domain_}, {"name", "wt"}, {"version", "1"},
                                       {"defaultTaskList", {{"name", "decisions"}}},
                                       {"defaultExecutionStartToCloseTimeout", "3600"},
                                       {"defaultTaskStartToCloseTimeout", "NONE"},
                                       {"defaultChildPolicy", "TERMINATE"}});
    expect_ok("RegisterActivityType", {{"domain", domain_}, {"name", "at"}, {"version", "1"},
                                       {"defaultTaskList", {{"name", "activities"}}},
                                       {"defaultTaskStartToCloseTimeout", "NONE"},
                                       {"defaultTaskScheduleToStartTimeout", "NONE"},
                                       {"defaultTaskScheduleToCloseTimeout", "NONE"},
                                       {"defaultTaskHeartbeatTimeout", "NONE"}});
    return *this;
  }

  // Starts an execution of wt/1 and answers its runId.
  std::string start(const std::string& workflow_id, const std::vector<std::string>& tags = {},
                    const Json& extra = Json::object()) {
    Json in = {{"domain", domain_}, {"workflowId", workflow_id}, {"workflowType", wt()}};
    if (!tags.empty()) in["tagList"] = tags;
    for (auto& [k, v] : extra.items()) in[k] = v;
    return expect_ok("StartWorkflowExecution", in).body.value("runId", "");
  }

  // Polls the decision list and answers the task token ("" when none).
  std::string poll_decision() {
    return expect_ok("PollForDecisionTask", {{"domain", domain_}, {"taskList", {{"name", "decisions"}}}})
        .body.value("taskToken", "");
  }

  // Completes a decision task with the given decisions.
  void decide(const std::string& token, const Json& decisions, const Json& extra = Json::object()) {
    Json in = {{"taskToken", token}, {"decisions", decisions}};
    for (auto& [k, v] : extra.items()) in[k] = v;
    expect_ok("RespondDecisionTaskCompleted", in);
  }

  static Json schedule(const std::string& activity_id) {
    return {{"decisionType", "ScheduleActivityTask"},
            {"scheduleActivityTaskDecisionAttributes",
             {{"activityType", {{"name", "at"}, {"version", "1"}}}, {"activityId", activity_id}}}};
  }
  static Json complete() { return {{"decisionType", "CompleteWorkflowExecution"}}; }
  static Json wt() { return {{"name", "wt"}, {"version", "1"}}; }

  HttpAnswer expect_ok(const std::string& op, const Json& in) {
    HttpAnswer a = c_.call(op, in);
    EXPECT_EQ(a.status, 200) << op << " " << in.dump() << " -> " << a.raw;
    return a;
  }

 private:
  SwfClient& c_;
  std::string domain_;
};

// A server on an ephemeral port with a ManualClock and one client (destroyed first).
class SwfHttpTest : public ::testing::Test {
 protected:
  explicit SwfHttpTest(FaultSet faults = {}) : server(faults), client(server.port()) {}
  HttpAnswer call(const std::string& op, const Json& in) { return client.call(op, in); }

  SwfServer server;
  SwfClient client;
};

}  // namespace conform::emulator::swf_test
