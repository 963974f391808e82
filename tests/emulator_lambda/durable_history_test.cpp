// GetDurableExecutionHistory over HTTP: the events of a running and of a stopped execution, their
// shape, IncludeExecutionData, ReverseOrder, pagination and the error answers.
#include "tests/emulator_lambda/lambda_over_http.h"

using namespace conform;
using namespace conform::emulator;
using namespace conform::emulator::testing;

namespace {

constexpr double kStart = 1700000000.0;

class DurableHistory : public LambdaOverHttp {
 protected:
  Json history(const std::string& arn, Query query = {}) {
    Json body = expect_json(history_request(arn, std::move(query)));
    EXPECT_EQ(output_problems("GetDurableExecutionHistory", body), std::vector<std::string>{}) << body.dump();
    return body;
  }
  std::vector<std::string> types(const Json& body) {
    std::vector<std::string> out;
    for (const auto& e : body["Events"]) out.push_back(e["EventType"].get<std::string>());
    return out;
  }
  // An execution started with payload {"order":7} and stopped 30 s later with an error.
  std::string stopped_execution() {
    create_function("hist");
    auto invoked = send(invoke_request("hist", "h-1", "Event", R"({"order":7})"));
    EXPECT_EQ(invoked.status, 202) << invoked.body;
    std::string arn = invoked.headers.get("X-Amz-Durable-Execution-Arn").value_or("");
    clock_->advance(30);
    EXPECT_EQ(send(stop_request(arn, R"({"ErrorType":"Manual","ErrorMessage":"halt"})")).status, 200);
    return arn;
  }
};

using Types = std::vector<std::string>;

}  // namespace

TEST_F(DurableHistory, RunningExecutionHasItsStartedEvent) {
  std::string arn = start_execution("hist", "h-0");
  Json body = history(arn);
  EXPECT_FALSE(body.contains("NextMarker"));
  ASSERT_EQ(body["Events"].size(), 1u);
  Json started = body["Events"][0];
  EXPECT_EQ(started["EventType"], "ExecutionStarted");
  EXPECT_EQ(started["EventId"], 1);
  EXPECT_EQ(started["EventTimestamp"], kStart);
  EXPECT_FALSE(started.contains("Id"));  // no SDK names operations in the emulator
  EXPECT_EQ(started["ExecutionStartedDetails"]["ExecutionTimeout"], 900);
  EXPECT_EQ(started["ExecutionStartedDetails"]["Input"]["Payload"], "{}");
  EXPECT_EQ(started["ExecutionStartedDetails"]["Input"]["Truncated"], false);
}

TEST_F(DurableHistory, StoppedExecutionEndsWithItsStoppedEvent) {
  std::string arn = stopped_execution();
  Json body = history(arn);
  EXPECT_EQ(types(body), (Types{"ExecutionStarted", "ExecutionStopped"}));
  EXPECT_EQ(body["Events"][0]["ExecutionStartedDetails"]["Input"]["Payload"], R"({"order":7})");
  Json stopped = body["Events"][1];
  EXPECT_EQ(stopped["EventId"], 2);
  EXPECT_EQ(stopped["EventTimestamp"], kStart + 30);
  EXPECT_EQ(plain(stopped["ExecutionStoppedDetails"]["Error"]["Payload"]),
            nlohmann::json({{"ErrorType", "Manual"}, {"ErrorMessage", "halt"}}));
  // The same end time GetDurableExecution reports.
  EXPECT_EQ(json_of(send(get_execution_request(arn)))["EndTimestamp"], stopped["EventTimestamp"]);
}

TEST_F(DurableHistory, StopWithoutErrorHasAnEmptyError) {
  std::string arn = start_execution("hist", "h-2");
  ASSERT_EQ(send(stop_request(arn)).status, 200);
  Json body = history(arn);
  ASSERT_EQ(body["Events"].size(), 2u);
  EXPECT_EQ(body["Events"][1]["ExecutionStoppedDetails"]["Error"], Json::object());
}

TEST_F(DurableHistory, WithoutExecutionDataThePayloadsStayOut) {
  std::string arn = stopped_execution();
  Json body = history(arn, {{"IncludeExecutionData", "false"}});
  ASSERT_EQ(body["Events"].size(), 2u);
  EXPECT_EQ(body["Events"][0]["ExecutionStartedDetails"]["Input"], Json::object());
  EXPECT_EQ(body["Events"][0]["ExecutionStartedDetails"]["ExecutionTimeout"], 900);
  EXPECT_EQ(body["Events"][1]["ExecutionStoppedDetails"]["Error"], Json::object());
  EXPECT_EQ(history(arn, {{"IncludeExecutionData", "true"}}), history(arn));  // documented default: true
}

TEST_F(DurableHistory, ReverseOrderIsNewestFirst) {
  std::string arn = stopped_execution();
  EXPECT_EQ(types(history(arn, {{"ReverseOrder", "true"}})), (Types{"ExecutionStopped", "ExecutionStarted"}));
  EXPECT_EQ(types(history(arn, {{"ReverseOrder", "false"}})), (Types{"ExecutionStarted", "ExecutionStopped"}));
}

TEST_F(DurableHistory, MaxItemsPagesWithMarkers) {
  std::string arn = stopped_execution();
  for (const char* reverse : {"false", "true"}) {
    Json first = history(arn, {{"MaxItems", "1"}, {"ReverseOrder", reverse}});
    ASSERT_EQ(first["Events"].size(), 1u);
    ASSERT_TRUE(first.contains("NextMarker"));
    Json second =
        history(arn, {{"MaxItems", "1"}, {"ReverseOrder", reverse}, {"Marker", first["NextMarker"].get<std::string>()}});
    ASSERT_EQ(second["Events"].size(), 1u);
    EXPECT_FALSE(second.contains("NextMarker"));
    EXPECT_NE(first["Events"][0]["EventId"], second["Events"][0]["EventId"]);
    EXPECT_EQ(second["Events"][0]["EventType"], std::string(reverse) == "true" ? "ExecutionStarted" : "ExecutionStopped");
  }
  EXPECT_EQ(history(arn, {{"MaxItems", "0"}})["Events"].size(), 2u);  // documented: 0 uses the default
}

TEST_F(DurableHistory, ErrorAnswers) {
  Json missing = expect_error(history_request(unknown_durable_arn()), 404, "ResourceNotFoundException");
  EXPECT_EQ(missing["Type"], "User");
  EXPECT_TRUE(missing["Message"].is_string());
  expect_error(history_request("not-an-arn"), 400, "ValidationException");
  std::string arn = start_execution("hist", "h-3");
  expect_error(history_request(arn, {{"Marker", "bogus"}}), 400, "InvalidParameterValueException");
  expect_error(history_request(arn, {{"MaxItems", "1001"}}), 400, "ValidationException");
}
