// GetFunction and GetFunctionConfiguration over HTTP: the answer and its shape, how a function is
// named (name, partial ARN, full ARN, name:qualifier, Qualifier), and the not-found answers.
#include "tests/emulator_lambda/lambda_over_http.h"

using namespace conform;
using namespace conform::emulator;
using namespace conform::emulator::testing;

namespace {

const std::string kArn = "arn:aws:lambda:us-east-1:123456789012:function:reader";

class FunctionReads : public LambdaOverHttp {
 protected:
  void SetUp() override {
    LambdaOverHttp::SetUp();
    create_function("reader");
  }
};

}  // namespace

TEST_F(FunctionReads, GetFunctionAnswersConfigurationAndCode) {
  Json body = expect_json(get_function_request("reader"));
  EXPECT_EQ(output_problems("GetFunction", body), std::vector<std::string>{}) << body.dump();
  Json c = body["Configuration"];
  EXPECT_EQ(c["FunctionName"], "reader");
  EXPECT_EQ(c["FunctionArn"], kArn);
  EXPECT_EQ(c["Version"], "$LATEST");
  EXPECT_EQ(c["Runtime"], "python3.13");
  EXPECT_EQ(c["Handler"], "index.handler");
  EXPECT_EQ(c["State"], "Active");
  EXPECT_EQ(c["LastModified"], "2023-11-14T22:13:20.000+0000");  // ISO string, unlike durable timestamps
  EXPECT_EQ(c["DurableConfig"]["ExecutionTimeout"], 900);
  EXPECT_EQ(body["Code"]["RepositoryType"], "S3");
  EXPECT_FALSE(body.contains("Tags"));         // none given
  EXPECT_FALSE(body.contains("Concurrency"));  // none reserved
}

TEST_F(FunctionReads, ConfigurationEqualsWhatCreateAnswered) {
  auto created = send(create_function_request("twin"));
  ASSERT_EQ(created.status, 201);
  Json body = expect_json(get_configuration_request("twin"));
  EXPECT_EQ(output_problems("GetFunctionConfiguration", body), std::vector<std::string>{}) << body.dump();
  EXPECT_EQ(plain(body), plain(json_of(created)));
  EXPECT_EQ(plain(expect_json(get_function_request("twin"))["Configuration"]), plain(body));
}

TEST_F(FunctionReads, NameFullArnAndPartialArnDesignateTheSameFunction) {
  Json by_name = expect_json(get_configuration_request("reader"));
  EXPECT_EQ(plain(expect_json(get_configuration_request(kArn))), plain(by_name));
  EXPECT_EQ(plain(expect_json(get_configuration_request("123456789012:function:reader"))), plain(by_name));
  EXPECT_EQ(plain(expect_json(get_function_request(kArn))["Configuration"]), plain(by_name));
}

TEST_F(FunctionReads, LatestQualifierQualifiesTheArn) {
  Json latest = expect_json(get_configuration_request("reader", "$LATEST"));
  EXPECT_EQ(latest["FunctionArn"], kArn + ":$LATEST");
  EXPECT_EQ(latest["Version"], "$LATEST");
  EXPECT_EQ(plain(expect_json(get_configuration_request("reader:$LATEST"))), plain(latest));
  EXPECT_EQ(plain(expect_json(get_function_request(kArn + ":$LATEST"))["Configuration"]), plain(latest));
  // The same qualifier in the name and in Qualifier is no conflict.
  EXPECT_EQ(plain(expect_json(get_configuration_request("reader:$LATEST", "$LATEST"))), plain(latest));
}

TEST_F(FunctionReads, UnknownFunctionIs404WithTheArnInTheMessage) {
  Json body = expect_error(get_function_request("nobody"), 404, "ResourceNotFoundException");
  EXPECT_EQ(body, Json({{"Type", "User"},
                        {"Message", "Function not found: arn:aws:lambda:us-east-1:123456789012:function:nobody"}}));
  expect_error(get_configuration_request("nobody"), 404, "ResourceNotFoundException");
}

TEST_F(FunctionReads, UnknownQualifierIs404) {
  Json alias = expect_error(get_function_request("reader", "live"), 404, "ResourceNotFoundException");
  EXPECT_EQ(alias["Message"], "Function not found: " + kArn + ":live");
  Json version = expect_error(get_configuration_request("reader:7"), 404, "ResourceNotFoundException");
  EXPECT_EQ(version["Message"], "Function not found: " + kArn + ":7");
}

TEST_F(FunctionReads, ConflictingQualifiersAreInvalidParameter) {
  Json body = expect_error(get_function_request("reader:$LATEST", "1"), 400, "InvalidParameterValueException");
  EXPECT_EQ(body["Type"], "User");
  EXPECT_TRUE(body["message"].is_string()) << body.dump();  // this shape's casing: lower-case message
}

TEST_F(FunctionReads, ArnOfAnotherRegionOrAccountIsNotFound) {
  expect_error(get_function_request("arn:aws:lambda:eu-west-1:123456789012:function:reader"), 404,
               "ResourceNotFoundException");
  expect_error(get_function_request("arn:aws:lambda:us-east-1:210987654321:function:reader"), 404,
               "ResourceNotFoundException");
}

TEST_F(FunctionReads, MalformedNameIsValidationException) {
  Json body = expect_error(get_function_request("bad name!"), 400, "ValidationException");
  EXPECT_NE(body["message"].get<std::string>().find("at 'functionName'"), std::string::npos) << body.dump();
}
