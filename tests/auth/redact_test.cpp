// Redaction of credentials and signatures from headers and free text.
#include <gtest/gtest.h>

#include "harness/auth/redact.h"
#include "harness/auth/sigv4.h"

namespace conform {
namespace {

const char* kAuthz =
    "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20150830/us-east-1/states/aws4_request, "
    "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, "
    "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";

TEST(Redact, AuthorizationKeepsOnlyItsShape) {
  EXPECT_EQ(auth::redact_authorization(kAuthz),
            "AWS4-HMAC-SHA256 Credential=<redacted>/20150830/us-east-1/states/aws4_request, "
            "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=<redacted>");
}

TEST(Redact, Headers) {
  http::Headers h;
  h.add("authorization", kAuthz);
  h.add("X-Amz-Security-Token", "FwoGZXIvYXdzEXAMPLE");
  h.add("Content-Type", "application/x-amz-json-1.0");
  auto r = auth::redact_headers(h);
  EXPECT_EQ(r.get("X-Amz-Security-Token"), "<redacted>");
  EXPECT_EQ(r.get("Content-Type"), "application/x-amz-json-1.0");
  auto a = r.get("Authorization").value_or("");
  EXPECT_EQ(a.find("AKIAIOSFODNN7EXAMPLE"), std::string::npos);
  EXPECT_EQ(a.find("5fa00fa3"), std::string::npos);
  EXPECT_EQ(r.all().size(), 3u);
}

TEST(Redact, FreeText) {
  std::string text = std::string("curl -H 'Authorization: ") + kAuthz +
                     "' -H 'X-Amz-Security-Token: tok+/en==' https://x/?X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F2015"
                     "&X-Amz-Signature=abcdef0123\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG\n"
                     "{\"SecretAccessKey\": \"s3cr3t\", \"SessionToken\":\"t0k\"} key ASIAIOSFODNN7EXAMPLE end";
  auto out = auth::redact(text, {"my-literal-secret"});
  for (const char* leak : {"AKIAIOSFODNN7EXAMPLE", "ASIAIOSFODNN7EXAMPLE", "5fa00fa3", "tok+/en==", "abcdef0123",
                           "wJalrXUtnFEMI", "s3cr3t", "t0k\""})
    EXPECT_EQ(out.find(leak), std::string::npos) << leak << " in " << out;
  EXPECT_NE(out.find("https://x/"), std::string::npos);
  EXPECT_NE(out.find("x-amz-target"), std::string::npos);
  EXPECT_EQ(auth::redact("prefix my-literal-secret suffix", {"my-literal-secret"}), "prefix <redacted> suffix");
  EXPECT_EQ(auth::redact("nothing to hide"), "nothing to hide");
}

TEST(Redact, LargeInputDoesNotBlowTheStack) {
  std::string big(1 << 20, 'a');
  big += " Signature=" + std::string(1 << 18, 'f');
  auto out = auth::redact(big);
  EXPECT_NE(out.find("Signature=<redacted>"), std::string::npos);
}

TEST(Redact, SignedRequestHeadersLeakNothing) {
  http::Request r;
  r.headers.set("Host", "h");
  auth::SignOptions so;
  so.service = "states";
  auth::sign(r, {"AKIDSECRETKEYID", "verysecretkey", "sessiontokenvalue"}, so);
  // Held in a local: iterating `redact_headers(...).all()` directly walked a destroyed temporary's
  // vector (g++ -Wdangling-pointer), so the loop checked freed memory or nothing at all.
  const http::Headers redacted = auth::redact_headers(r.headers);
  ASSERT_FALSE(redacted.empty());
  bool saw_authorization = false;
  for (const auto& [k, v] : redacted.all()) {
    saw_authorization = saw_authorization || http::iequals(k, "Authorization");
    EXPECT_EQ(v.find("AKIDSECRETKEYID"), std::string::npos) << k;
    EXPECT_EQ(v.find("sessiontokenvalue"), std::string::npos) << k;
  }
  EXPECT_TRUE(saw_authorization);
}

}  // namespace
}  // namespace conform
