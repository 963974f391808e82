// Reserved concurrency (Get/Put/DeleteFunctionConcurrency) and GetAccountSettings over HTTP.
#include "tests/emulator_lambda/lambda_over_http.h"

using namespace conform;
using namespace conform::emulator;
using namespace conform::emulator::testing;

namespace {

class Concurrency : public LambdaOverHttp {
 protected:
  Json account() {
    Json body = expect_json(account_settings_request());
    EXPECT_EQ(output_problems("GetAccountSettings", body), std::vector<std::string>{}) << body.dump();
    return body;
  }
};

}  // namespace

TEST_F(Concurrency, NoneReservedAnswersAnEmptyObject) {
  create_function("c1");
  Json body = expect_json(get_concurrency_request("c1"));
  EXPECT_EQ(body, Json::object());
  EXPECT_EQ(output_problems("GetFunctionConcurrency", body), std::vector<std::string>{});
}

TEST_F(Concurrency, PutGetDelete) {
  create_function("c1");
  Json put = expect_json(put_concurrency_request("c1", 50));
  EXPECT_EQ(put, Json({{"ReservedConcurrentExecutions", 50}}));
  EXPECT_EQ(output_problems("PutFunctionConcurrency", put), std::vector<std::string>{});
  EXPECT_EQ(expect_json(get_concurrency_request("c1")), put);
  EXPECT_EQ(expect_json(get_function_request("c1"))["Concurrency"], put);
  EXPECT_EQ(expect_json(get_concurrency_request("arn:aws:lambda:us-east-1:123456789012:function:c1")), put);
  auto deleted = send(delete_concurrency_request("c1"));
  EXPECT_EQ(deleted.status, 204) << deleted.body;
  EXPECT_EQ(expect_json(get_concurrency_request("c1")), Json::object());
  EXPECT_FALSE(expect_json(get_function_request("c1")).contains("Concurrency"));
  EXPECT_EQ(send(delete_concurrency_request("c1")).status, 204);  // nothing reserved: still 204
}

TEST_F(Concurrency, ReservationsMustLeaveOneHundredUnreserved) {
  create_function("c1");
  create_function("c2");
  ASSERT_EQ(send(put_concurrency_request("c1", 600)).status, 200);
  Json refused = expect_error(put_concurrency_request("c2", 301), 400, "InvalidParameterValueException");
  EXPECT_EQ(refused["message"],
            "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution "
            "below its minimum value of [100].");
  EXPECT_EQ(expect_json(get_concurrency_request("c2")), Json::object());
  EXPECT_EQ(expect_json(put_concurrency_request("c2", 300))["ReservedConcurrentExecutions"], 300);
  EXPECT_EQ(expect_json(put_concurrency_request("c1", 500))["ReservedConcurrentExecutions"], 500);  // own part replaced
}

TEST_F(Concurrency, UnknownFunctionIs404) {
  expect_error(get_concurrency_request("ghost"), 404, "ResourceNotFoundException");
  expect_error(put_concurrency_request("ghost", 1), 404, "ResourceNotFoundException");
  expect_error(delete_concurrency_request("ghost"), 404, "ResourceNotFoundException");
}

TEST_F(Concurrency, AccountSettingsReportLimitsAndUsage) {
  Json empty = account();
  EXPECT_EQ(empty["AccountLimit"]["ConcurrentExecutions"], 1000);
  EXPECT_EQ(empty["AccountLimit"]["UnreservedConcurrentExecutions"], 1000);
  EXPECT_EQ(empty["AccountLimit"]["CodeSizeZipped"], 52428800);
  EXPECT_EQ(empty["AccountUsage"]["FunctionCount"], 0);
  EXPECT_EQ(empty["AccountUsage"]["TotalCodeSize"], 0);

  create_function("c1");
  create_function("c2");
  ASSERT_EQ(send(put_concurrency_request("c1", 250)).status, 200);
  ASSERT_EQ(send(publish_version_request("c2")).status, 201);
  Json code = expect_json(get_configuration_request("c1"))["CodeSize"];
  Json used = account();
  EXPECT_EQ(used["AccountLimit"]["UnreservedConcurrentExecutions"], 750);
  EXPECT_EQ(used["AccountUsage"]["FunctionCount"], 2);
  EXPECT_EQ(used["AccountUsage"]["TotalCodeSize"], 3 * code.get<int64_t>());  // c1, c2 and c2's version 1
}
