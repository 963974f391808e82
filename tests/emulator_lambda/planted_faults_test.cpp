// The two planted faults of the Lambda read/list/delete operations over HTTP: each produces its
// deviation, the clean emulator does not, and neighbouring behaviour stays as it was.
#include "tests/emulator_lambda/lambda_over_http.h"

using namespace conform;
using namespace conform::emulator;
using namespace conform::emulator::testing;

namespace {

template <Fault F>
class WithFault : public LambdaOverHttp {
 protected:
  WithFault() { faults_.add(F); }
};

using DeleteLeavesReadable = WithFault<Fault::LambdaDeleteLeavesReadable>;
using ListIgnoresMaxItems = WithFault<Fault::LambdaListIgnoresMaxItems>;
using CleanEmulator = LambdaOverHttp;

}  // namespace

TEST_F(CleanEmulator, DeletedFunctionIsGone) {
  create_function("gone");
  ASSERT_EQ(send(delete_function_request("gone")).status, 204);
  expect_error(get_function_request("gone"), 404, "ResourceNotFoundException");
  EXPECT_EQ(expect_json(list_functions_request())["Functions"], Json::array());
}

TEST_F(DeleteLeavesReadable, DeleteAnswers204ButTheFunctionStays) {
  create_function("gone");
  auto deleted = send(delete_function_request("gone"));
  EXPECT_EQ(deleted.status, 204);
  EXPECT_TRUE(deleted.body.empty());
  Json still = expect_json(get_function_request("gone"));
  EXPECT_EQ(still["Configuration"]["FunctionName"], "gone");
}

TEST_F(DeleteLeavesReadable, OtherAnswersAreUnchanged) {
  expect_error(delete_function_request("never"), 404, "ResourceNotFoundException");
  create_function("v");
  ASSERT_EQ(send(publish_version_request("v")).status, 201);
  ASSERT_EQ(send(delete_function_request("v", "1")).status, 204);  // deleting a version still works
  expect_error(get_function_request("v", "1"), 404, "ResourceNotFoundException");
}

TEST_F(CleanEmulator, ListsHonourMaxItems) {
  for (int i = 0; i < 5; ++i) create_function("f-" + std::to_string(i));
  Json functions = expect_json(list_functions_request({{"MaxItems", "2"}}));
  EXPECT_EQ(functions["Functions"].size(), 2u);
  EXPECT_TRUE(functions.contains("NextMarker"));
  for (int i = 0; i < 5; ++i) invoke("f-0", "x-" + std::to_string(i));
  Json executions = expect_json(list_executions_request("f-0", {{"MaxItems", "2"}}));
  EXPECT_EQ(executions["DurableExecutions"].size(), 2u);
  EXPECT_TRUE(executions.contains("NextMarker"));
}

TEST_F(ListIgnoresMaxItems, EveryItemInOnePage) {
  for (int i = 0; i < 5; ++i) create_function("f-" + std::to_string(i));
  Json functions = expect_json(list_functions_request({{"MaxItems", "2"}}));
  EXPECT_EQ(functions["Functions"].size(), 5u);
  EXPECT_FALSE(functions.contains("NextMarker"));
  for (int i = 0; i < 5; ++i) invoke("f-0", "x-" + std::to_string(i));
  Json executions = expect_json(list_executions_request("f-0", {{"MaxItems", "2"}}));
  EXPECT_EQ(executions["DurableExecutions"].size(), 5u);
  EXPECT_FALSE(executions.contains("NextMarker"));
}

TEST_F(ListIgnoresMaxItems, OtherListsAndDeletesAreUnchanged) {
  create_function("v");
  ASSERT_EQ(send(publish_version_request("v")).status, 201);
  Json versions = expect_json(list_versions_request("v", {{"MaxItems", "1"}}));
  EXPECT_EQ(versions["Versions"].size(), 1u);
  EXPECT_TRUE(versions.contains("NextMarker"));
  ASSERT_EQ(send(delete_function_request("v")).status, 204);
  expect_error(get_function_request("v"), 404, "ResourceNotFoundException");
}
