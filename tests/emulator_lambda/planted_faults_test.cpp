// The two planted faults of the Lambda read/list/delete operations over HTTP: each produces its
// deviation, the clean emulator does not, and neighbouring behaviour stays as it was.
#include "tests/emulator_lambda/lambda_over_http.h"

using namespace conform;
using namespace conform::emulator;
using namespace conform::emulator::testing;

namespace {

struct FirstPages {
  size_t functions = 0, executions = 0;
  bool functions_marker = false, executions_marker = false;
};

class FaultFixture : public LambdaOverHttp {
 protected:
  // Five functions f-0..f-4 and five executions of f-0, then the first page (MaxItems 2) of each list.
  FirstPages first_pages() {
    for (int i = 0; i < 5; ++i) create_function("f-" + std::to_string(i));
    for (int i = 0; i < 5; ++i) invoke("f-0", "x-" + std::to_string(i));
    Json functions = expect_json(list_functions_request({{"MaxItems", "2"}}));
    Json executions = expect_json(list_executions_request("f-0", {{"MaxItems", "2"}}));
    return {functions["Functions"].size(), executions["DurableExecutions"].size(), functions.contains("NextMarker"),
            executions.contains("NextMarker")};
  }
};

void expect_pages(const FirstPages& p, size_t size, bool marker) {
  EXPECT_EQ(p.functions, size);
  EXPECT_EQ(p.functions_marker, marker);
  EXPECT_EQ(p.executions, size);
  EXPECT_EQ(p.executions_marker, marker);
}

template <Fault F>
class WithFault : public FaultFixture {
 protected:
  WithFault() { faults_.add(F); }
};

using CleanEmulator = FaultFixture;
using DeleteLeavesReadable = WithFault<Fault::LambdaDeleteLeavesReadable>;
using ListIgnoresMaxItems = WithFault<Fault::LambdaListIgnoresMaxItems>;

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
  FirstPages p = first_pages();  // lists still page
  EXPECT_EQ(p.functions, 2u);
  EXPECT_TRUE(p.functions_marker);
}

TEST_F(CleanEmulator, ListsHonourMaxItems) { expect_pages(first_pages(), 2, true); }

TEST_F(ListIgnoresMaxItems, EveryItemInOnePage) { expect_pages(first_pages(), 5, false); }

TEST_F(ListIgnoresMaxItems, OtherListsAndDeletesAreUnchanged) {
  create_function("v");
  ASSERT_EQ(send(publish_version_request("v")).status, 201);
  Json versions = expect_json(list_versions_request("v", {{"MaxItems", "1"}}));
  EXPECT_EQ(versions["Versions"].size(), 1u);
  EXPECT_TRUE(versions.contains("NextMarker"));
  ASSERT_EQ(send(delete_function_request("v")).status, 204);
  expect_error(get_function_request("v"), 404, "ResourceNotFoundException");
}
