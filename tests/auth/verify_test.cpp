// Server-side verification: a request signed by our signer verifies; every kind of failure maps to
// the documented error identity and status.
#include <gtest/gtest.h>

#include "harness/auth/sigv4.h"
#include "harness/auth/sigv4_verify.h"

namespace conform {
namespace {

auth::VerifyOptions known_keys(bool rest_json = false) {
  auth::VerifyOptions o;
  o.rest_json = rest_json;
  o.secret_for = [](const std::string& id) -> std::optional<std::string> {
    if (id == "AKIDEXAMPLE") return std::string("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    return std::nullopt;
  };
  return o;
}

http::Request signed_request(const std::string& key = "AKIDEXAMPLE",
                             const std::string& secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY") {
  http::Request r;
  r.path = "/2025-12-01/durable-executions/arn%3Aaws%3Alambda%3A%24LATEST/stop";
  r.query = {{"a", "b c"}};
  r.headers.set("Host", "127.0.0.1:4566");
  r.headers.set("Content-Type", "application/json");
  r.body = "{}";
  auth::SignOptions so;
  so.service = "lambda";
  auth::sign(r, {key, secret, ""}, so);
  return r;
}

TEST(Verify, AcceptsOurSignature) {
  auto v = auth::verify(signed_request(), known_keys());
  EXPECT_TRUE(v.ok) << v.error << " " << v.message;
  ASSERT_TRUE(v.authorization);
  EXPECT_EQ(v.authorization->service, "lambda");
  EXPECT_EQ(v.authorization->region, "us-east-1");
  EXPECT_EQ(v.authorization->access_key_id, "AKIDEXAMPLE");
}

TEST(Verify, MissingAuthorization) {
  auto r = signed_request();
  r.headers.remove("Authorization");
  auto v = auth::verify(r, known_keys());
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.error, "MissingAuthenticationTokenException");
  EXPECT_EQ(v.status, 403);
  EXPECT_EQ(v.message, "Missing Authentication Token");
}

TEST(Verify, MalformedIsIncompleteSignature) {
  for (const char* bad : {"Bearer abc", "AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830",
                          "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/lambda/aws4_request, "
                          "SignedHeaders=host;x-amz-date"}) {
    auto r = signed_request();
    r.headers.set("Authorization", bad);
    auto v = auth::verify(r, known_keys());
    EXPECT_EQ(v.error, "IncompleteSignatureException") << bad;
    EXPECT_EQ(v.status, 400) << bad;
  }
  auto r = signed_request();
  r.headers.remove("X-Amz-Date");
  EXPECT_EQ(auth::verify(r, known_keys()).error, "IncompleteSignatureException");
}

TEST(Verify, UnknownKeyIsUnrecognizedClient) {
  auto v = auth::verify(signed_request("AKIDUNKNOWN"), known_keys());
  EXPECT_EQ(v.error, "UnrecognizedClientException");
  EXPECT_EQ(v.status, 400);
  EXPECT_EQ(auth::verify(signed_request("AKIDUNKNOWN"), known_keys(true)).status, 403);
}

TEST(Verify, MismatchIsInvalidSignature) {
  auto wrong_secret = auth::verify(signed_request("AKIDEXAMPLE", "not-the-secret"), known_keys(true));
  EXPECT_EQ(wrong_secret.error, "InvalidSignatureException");
  EXPECT_EQ(wrong_secret.status, 403);
  auto tampered = signed_request();
  tampered.body = "{\"x\":1}";
  auto v = auth::verify(tampered, known_keys());
  EXPECT_EQ(v.error, "InvalidSignatureException");
  EXPECT_EQ(v.status, 400);
  EXPECT_EQ(v.message.find("wJalr"), std::string::npos);
  // A single-encoded canonical path (a client that forgot double encoding) does not verify.
  auto single = signed_request();
  auth::VerifyOptions o = known_keys();
  o.double_encode_path = false;
  EXPECT_EQ(auth::verify(single, o).error, "InvalidSignatureException");
}

TEST(Verify, ParseAuthorization) {
  auto p = auth::parse_authorization(
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
      "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->date, "20150830");
  EXPECT_EQ(p->signed_headers, (std::vector<std::string>{"host", "x-amz-date"}));
  std::string reason;
  EXPECT_FALSE(auth::parse_authorization("garbage", &reason));
  EXPECT_FALSE(reason.empty());
}

}  // namespace
}  // namespace conform
