// DescribeWorkflowExecution and List/Count{Open,Closed}WorkflowExecutions over HTTP: the detail of an
// open and of a closed execution, each filter alone, the documented exclusivity of the filters, and the
// not-found answers.
#include <gtest/gtest.h>

#include "tests/emulator_swf/output_shape.h"
#include "tests/emulator_swf/swf_seed.h"

using namespace conform::emulator;
using namespace conform::emulator::swf_test;

namespace {

class SwfVisibilityHttp : public SwfHttpTest {
 protected:
  // Executions a..e started at t0, t0+1, ... t0+4: a, b open (b tagged "blue"), their decision tasks
  // completed; c completed at t0+5; d (tagged "blue") terminated at t0+6; e of another workflow type,
  // open, its decision task still scheduled.
  void seed() {
    s_.registered();
    s_.expect_ok("RegisterWorkflowType", {{"domain", "d"}, {"name", "other"}, {"version", "1"},
                                          {"defaultTaskList", {{"name", "elsewhere"}}},
                                          {"defaultExecutionStartToCloseTimeout", "3600"},
                                          {"defaultTaskStartToCloseTimeout", "NONE"},
                                          {"defaultChildPolicy", "ABANDON"}});
    t0_ = server.clock().now();
    runs_["a"] = s_.start("a");
    tick();
    runs_["b"] = s_.start("b", {"blue", "x"});
    tick();
    runs_["c"] = s_.start("c");
    tick();
    runs_["d"] = s_.start("d", {"blue"});
    tick();
    runs_["e"] = s_.start("e", {}, {{"workflowType", {{"name", "other"}, {"version", "1"}}}});
    tick();
    // c's decision task is the first one on the list (a's and b's are taken first).
    for (int i = 0; i < 3; ++i) {
      std::string token = s_.poll_decision();
      if (i == 2) s_.decide(token, Json::array({Seed::complete()}));
      else s_.decide(token, Json::array());
    }
    tick();
    s_.expect_ok("TerminateWorkflowExecution", {{"domain", "d"}, {"workflowId", "d"}, {"reason", "r"}});
  }
  void tick() { server.clock().advance(1); }

  std::vector<std::string> listed(const std::string& op, const Json& filters) {
    Json in = {{"domain", "d"}};
    for (auto& [k, v] : filters.items()) in[k] = v;
    HttpAnswer a = call(op, in);
    EXPECT_EQ(output_problems(op, a), std::vector<std::string>{}) << in.dump();
    std::vector<std::string> ids;
    for (const Json& info : a.body["executionInfos"]) ids.push_back(info["execution"].value("workflowId", ""));
    std::string count_op = op == "ListOpenWorkflowExecutions" ? "CountOpenWorkflowExecutions" : "CountClosedWorkflowExecutions";
    HttpAnswer count = call(count_op, in);
    EXPECT_EQ(output_problems(count_op, count), std::vector<std::string>{});
    EXPECT_EQ(count.body.value("count", -1), static_cast<int>(ids.size())) << count_op << " " << in.dump();
    return ids;
  }

  Json since(double from) { return {{"oldestDate", from}}; }
  Json describe(const std::string& id) {
    HttpAnswer a = call("DescribeWorkflowExecution", {{"domain", "d"}, {"execution", {{"workflowId", id}, {"runId", runs_[id]}}}});
    EXPECT_EQ(output_problems("DescribeWorkflowExecution", a), std::vector<std::string>{});
    return a.body;
  }

  Seed s_{client, "d"};
  double t0_ = 0;
  std::map<std::string, std::string> runs_;
};

using Ids = std::vector<std::string>;

}  // namespace

TEST_F(SwfVisibilityHttp, DescribeAnOpenExecution) {
  s_.registered();
  double started = server.clock().now();
  runs_["w"] = s_.start("w", {"t1"}, {{"input", "in"}, {"taskPriority", "3"}});
  s_.decide(s_.poll_decision(), Json::array({Seed::schedule("a1"), Seed::schedule("a2")}), {{"executionContext", "ctx"}});
  Json detail = describe("w");
  const Json& info = detail["executionInfo"];
  EXPECT_EQ(info["execution"], (Json{{"workflowId", "w"}, {"runId", runs_["w"]}}));
  EXPECT_EQ(info["workflowType"], Seed::wt());
  EXPECT_DOUBLE_EQ(info["startTimestamp"].get<double>(), started);
  EXPECT_EQ(info["executionStatus"], "OPEN");
  EXPECT_FALSE(info.contains("closeStatus"));
  EXPECT_FALSE(info.contains("closeTimestamp"));
  EXPECT_EQ(info["tagList"], Json::array({"t1"}));
  EXPECT_EQ(info["cancelRequested"], false);
  EXPECT_EQ(detail["executionConfiguration"],
            (Json{{"taskStartToCloseTimeout", "NONE"}, {"executionStartToCloseTimeout", "3600"},
                  {"taskList", {{"name", "decisions"}}}, {"taskPriority", "3"}, {"childPolicy", "TERMINATE"}}));
  EXPECT_EQ(detail["openCounts"]["openActivityTasks"], 2);
  EXPECT_EQ(detail["openCounts"]["openDecisionTasks"], 0);
  EXPECT_EQ(detail["openCounts"]["openTimers"], 0);
  EXPECT_EQ(detail["openCounts"]["openChildWorkflowExecutions"], 0);
  EXPECT_DOUBLE_EQ(detail["latestActivityTaskTimestamp"].get<double>(), started);
  EXPECT_EQ(detail["latestExecutionContext"], "ctx");
}

TEST_F(SwfVisibilityHttp, DescribeAClosedExecution) {
  seed();
  Json c = describe("c");
  EXPECT_EQ(c["executionInfo"]["executionStatus"], "CLOSED");
  EXPECT_EQ(c["executionInfo"]["closeStatus"], "COMPLETED");
  EXPECT_DOUBLE_EQ(c["executionInfo"]["closeTimestamp"].get<double>(), t0_ + 5);
  EXPECT_EQ(c["openCounts"]["openDecisionTasks"], 0);
  Json d = describe("d");
  EXPECT_EQ(d["executionInfo"]["closeStatus"], "TERMINATED");
  EXPECT_FALSE(d.contains("latestActivityTaskTimestamp"));
  EXPECT_EQ(describe("a")["openCounts"]["openDecisionTasks"], 0);
  EXPECT_EQ(describe("e")["openCounts"]["openDecisionTasks"], 1);
}

TEST_F(SwfVisibilityHttp, DescribeAnswersUnknownDomainAndExecution) {
  seed();
  HttpAnswer no_domain = call("DescribeWorkflowExecution", {{"domain", "x"}, {"execution", {{"workflowId", "a"}, {"runId", runs_["a"]}}}});
  EXPECT_EQ(no_domain.error_type(), fault_type("UnknownResourceFault"));
  EXPECT_EQ(no_domain.message(), "Unknown domain: x");
  HttpAnswer no_run = call("DescribeWorkflowExecution", {{"domain", "d"}, {"execution", {{"workflowId", "a"}, {"runId", runs_["b"]}}}});
  EXPECT_EQ(no_run.error_type(), fault_type("UnknownResourceFault"));
  EXPECT_EQ(no_run.message(), "Unknown execution: WorkflowExecution=[workflowId=a, runId=" + runs_["b"] + "]");
  EXPECT_EQ(error_problems("DescribeWorkflowExecution", no_run), std::vector<std::string>{});
  for (const char* op : {"ListOpenWorkflowExecutions", "CountOpenWorkflowExecutions", "ListClosedWorkflowExecutions",
                         "CountClosedWorkflowExecutions"}) {
    HttpAnswer a = call(op, {{"domain", "x"}, {"startTimeFilter", since(0)}});
    EXPECT_EQ(a.message(), "Unknown domain: x") << op;
    EXPECT_EQ(error_problems(op, a), std::vector<std::string>{});
  }
}

TEST_F(SwfVisibilityHttp, OpenExecutionsByEachFilter) {
  seed();
  const std::string open = "ListOpenWorkflowExecutions";
  EXPECT_EQ(listed(open, {{"startTimeFilter", since(0)}}), (Ids{"e", "b", "a"}));
  EXPECT_EQ(listed(open, {{"startTimeFilter", since(t0_ + 1)}}), (Ids{"e", "b"}));
  EXPECT_EQ(listed(open, {{"startTimeFilter", {{"oldestDate", t0_}, {"latestDate", t0_ + 1}}}}), (Ids{"b", "a"}));
  EXPECT_EQ(listed(open, {{"startTimeFilter", since(t0_ + 10)}}), Ids{});
  EXPECT_EQ(listed(open, {{"startTimeFilter", since(0)}, {"executionFilter", {{"workflowId", "b"}}}}), Ids{"b"});
  EXPECT_EQ(listed(open, {{"startTimeFilter", since(0)}, {"typeFilter", {{"name", "other"}}}}), Ids{"e"});
  EXPECT_EQ(listed(open, {{"startTimeFilter", since(0)}, {"typeFilter", {{"name", "wt"}, {"version", "1"}}}}), (Ids{"b", "a"}));
  EXPECT_EQ(listed(open, {{"startTimeFilter", since(0)}, {"typeFilter", {{"name", "wt"}, {"version", "2"}}}}), Ids{});
  EXPECT_EQ(listed(open, {{"startTimeFilter", since(0)}, {"tagFilter", {{"tag", "blue"}}}}), Ids{"b"});
  EXPECT_EQ(listed(open, {{"startTimeFilter", since(0)}, {"reverseOrder", true}}), (Ids{"a", "b", "e"}));
}

TEST_F(SwfVisibilityHttp, ClosedExecutionsByEachFilter) {
  seed();
  const std::string closed = "ListClosedWorkflowExecutions";
  EXPECT_EQ(listed(closed, {{"startTimeFilter", since(0)}}), (Ids{"d", "c"}));
  EXPECT_EQ(listed(closed, {{"closeTimeFilter", since(0)}}), (Ids{"d", "c"}));
  EXPECT_EQ(listed(closed, {{"closeTimeFilter", {{"oldestDate", t0_ + 5}, {"latestDate", t0_ + 5}}}}), Ids{"c"});
  EXPECT_EQ(listed(closed, {{"closeTimeFilter", {{"oldestDate", 0}, {"latestDate", t0_ + 4}}}}), Ids{});
  EXPECT_EQ(listed(closed, {{"closeTimeFilter", since(t0_ + 6)}}), Ids{"d"});
  EXPECT_EQ(listed(closed, {{"startTimeFilter", {{"oldestDate", 0}, {"latestDate", t0_ + 2}}}}), Ids{"c"});
  EXPECT_EQ(listed(closed, {{"startTimeFilter", since(0)}, {"closeStatusFilter", {{"status", "TERMINATED"}}}}), Ids{"d"});
  EXPECT_EQ(listed(closed, {{"startTimeFilter", since(0)}, {"closeStatusFilter", {{"status", "FAILED"}}}}), Ids{});
  EXPECT_EQ(listed(closed, {{"startTimeFilter", since(0)}, {"tagFilter", {{"tag", "blue"}}}}), Ids{"d"});
  EXPECT_EQ(listed(closed, {{"startTimeFilter", since(0)}, {"executionFilter", {{"workflowId", "c"}}}}), Ids{"c"});
  EXPECT_EQ(listed(closed, {{"startTimeFilter", since(0)}, {"typeFilter", {{"name", "other"}}}}), Ids{});
  EXPECT_EQ(listed(closed, {{"startTimeFilter", since(0)}, {"reverseOrder", true}}), (Ids{"c", "d"}));
}

TEST_F(SwfVisibilityHttp, FiltersAreMutuallyExclusiveAsDocumented) {
  seed();
  auto expect_refused = [&](const std::string& op, const Json& filters) {
    Json in = {{"domain", "d"}};
    for (auto& [k, v] : filters.items()) in[k] = v;
    HttpAnswer a = call(op, in);
    EXPECT_EQ(a.status, 400) << op << " " << in.dump() << " -> " << a.raw;
    EXPECT_EQ(a.error_type(), kValidationType) << op;
    EXPECT_NE(a.message().find("mutually exclusive"), std::string::npos) << a.message();
  };
  Json time = since(0), wid = {{"workflowId", "a"}}, type = {{"name", "wt"}}, tag = {{"tag", "blue"}};
  for (const char* op : {"ListOpenWorkflowExecutions", "CountOpenWorkflowExecutions", "ListClosedWorkflowExecutions",
                         "CountClosedWorkflowExecutions"}) {
    expect_refused(op, {{"startTimeFilter", time}, {"executionFilter", wid}, {"typeFilter", type}});
    expect_refused(op, {{"startTimeFilter", time}, {"typeFilter", type}, {"tagFilter", tag}});
    expect_refused(op, {{"startTimeFilter", time}, {"executionFilter", wid}, {"tagFilter", tag}});
  }
  for (const char* op : {"ListClosedWorkflowExecutions", "CountClosedWorkflowExecutions"}) {
    expect_refused(op, {{"startTimeFilter", time}, {"closeStatusFilter", {{"status", "COMPLETED"}}}, {"tagFilter", tag}});
    expect_refused(op, {{"startTimeFilter", time}, {"closeTimeFilter", time}});
    expect_refused(op, Json::object());  // neither time filter
  }
}
