// SigV4 end to end over loopback HTTP: the reference emulator with require_sigv4 accepts the requests the
// real transport Caller signs (awsJson1_0 and restJson1, with and without a session token, ARNs with
// ':' '/' '$' in the restJson1 path) and rejects unsigned, tampered, wrongly signed and malformed ones
// with the identities and statuses of harness/auth/sigv4_verify.h.
#include <gtest/gtest.h>

#include "emulator/app/emulator.h"
#include "harness/auth/sigv4.h"
#include "harness/spec/loader.h"
#include "harness/transport/caller.h"

namespace conform {
namespace {

const spec::SpecSet& specs() { return spec::builtin_specs(); }

struct Gate : ::testing::Test {
  void SetUp() override {
    emulator::EmulatorOptions options;
    options.require_sigv4 = true;
    server = std::make_unique<emulator::EmulatorServer>(options);
    std::string error;
    ASSERT_GT(server->start("127.0.0.1", 0, &error), 0) << error;
    url = *transport::Url::parse(server->url());
  }
  void TearDown() override { server.reset(); }

  std::unique_ptr<transport::Caller> caller(transport::Credentials creds, bool sign = true) {
    transport::CallerOptions o;
    o.credentials = std::move(creds);
    o.sign = sign;
    o.max_retries = 0;
    return std::make_unique<transport::Caller>(url, o);
  }
  // A request for `op` signed with `creds` (as the Caller would send it), for tampering.
  http::Request signed_request(const spec::Operation& op, const spec::Json& input, const transport::Credentials& creds) {
    const spec::Service& service = *specs().find_service(op.service);
    protocol::EncodeOptions eo;
    eo.host = "127.0.0.1:" + std::to_string(url.port);
    http::Request r = protocol::encode(service, op, input, eo);
    r.headers.set("Host", eo.host);
    auth::SignOptions so;
    so.region = "us-east-1";
    so.service = service.signing_name;
    auth::sign(r, {creds.access_key_id, creds.secret_access_key, creds.session_token}, so);
    return r;
  }

  std::unique_ptr<emulator::EmulatorServer> server;
  transport::Url url;
};

const spec::Operation& op(const std::string& id) { return *specs().find_operation(id); }
const spec::Service& service_of(const spec::Operation& o) { return *specs().find_service(o.service); }

std::string code(const protocol::DecodedResponse& r) { return r.error ? r.error->code : "(none)"; }

const char* kLambdaArn = "arn:aws:lambda:us-east-1:123456789012:function:conform-fn:$LATEST/durable-execution/ex1/abc";

TEST_F(Gate, AcceptsSignedAwsJsonRequests) {
  auto c = caller({"test", "test", ""});
  const auto& create = op("stepfunctions.CreateActivity");
  auto r = c->call(service_of(create), create, {{"name", "sigv4-e2e-act"}});
  EXPECT_EQ(r.status, 200) << code(r) << " " << r.message.value_or("");
  EXPECT_TRUE(r.output.contains("activityArn"));
  // The exchange log never keeps the signature.
  ASSERT_FALSE(c->exchanges().empty());
  auto auth_header = c->exchanges().back().request.headers.get("Authorization");
  ASSERT_TRUE(auth_header);
  EXPECT_EQ(auth_header->find("Signature=") == std::string::npos ||
                auth_header->find("Signature=<redacted>") != std::string::npos,
            true)
      << *auth_header;
}

TEST_F(Gate, AcceptsSessionTokenAndRestJsonPathsWithArnCharacters) {
  auto c = caller({"test", "test", "FwoGZXIvYXdzEXAMPLESESSIONTOKEN"});
  const auto& stop = op("lambda.StopDurableExecution");
  auto r = c->call(service_of(stop), stop, {{"DurableExecutionArn", kLambdaArn}});
  // Past the signature gate: the execution does not exist.
  EXPECT_EQ(r.status, 404) << code(r) << " " << r.message.value_or("");
  EXPECT_EQ(code(r), "ResourceNotFoundException");
  const auto& sent = c->exchanges().back().request;
  EXPECT_EQ(sent.headers.get("X-Amz-Security-Token").value_or(""), "<redacted>");
}

TEST_F(Gate, RejectsUnsignedRequests) {
  auto c = caller({"test", "test", ""}, /*sign=*/false);
  const auto& create = op("stepfunctions.CreateActivity");
  auto r = c->call(service_of(create), create, {{"name", "unsigned"}});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(code(r), "MissingAuthenticationTokenException");
  const auto& stop = op("lambda.StopDurableExecution");
  auto l = c->call(service_of(stop), stop, {{"DurableExecutionArn", kLambdaArn}});
  EXPECT_EQ(l.status, 403);
  EXPECT_EQ(code(l), "MissingAuthenticationTokenException");
}

TEST_F(Gate, RejectsAWrongSecretPerProtocol) {
  auto c = caller({"test", "not-the-secret", ""});
  const auto& create = op("stepfunctions.CreateActivity");
  auto r = c->call(service_of(create), create, {{"name", "wrong-secret"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(code(r), "InvalidSignatureException");
  const auto& stop = op("lambda.StopDurableExecution");
  auto l = c->call(service_of(stop), stop, {{"DurableExecutionArn", kLambdaArn}});
  EXPECT_EQ(l.status, 403);
  EXPECT_EQ(code(l), "InvalidSignatureException");
}

TEST_F(Gate, RejectsAnUnknownAccessKey) {
  auto c = caller({"AKIDUNKNOWNTOTHEGATE", "whatever", ""});
  const auto& create = op("stepfunctions.CreateActivity");
  auto r = c->call(service_of(create), create, {{"name", "unknown-key"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(code(r), "UnrecognizedClientException");
}

TEST_F(Gate, RejectsTamperedRequests) {
  auto c = caller({"test", "test", ""});
  const auto& create = op("stepfunctions.CreateActivity");
  const auto& svc = service_of(create);
  // The signed request as is passes.
  auto ok = c->call_raw(svc, create, signed_request(create, {{"name", "tamper-ok"}}, {"test", "test", ""}), "raw", false);
  EXPECT_EQ(ok.status, 200) << code(ok);
  // Body changed after signing.
  auto body = signed_request(create, {{"name", "tamper-body"}}, {"test", "test", ""});
  body.body = R"({"name":"tamper-evil"})";
  auto r1 = c->call_raw(svc, create, body, "raw", false);
  EXPECT_EQ(r1.status, 400);
  EXPECT_EQ(code(r1), "InvalidSignatureException");
  // A signed header changed after signing.
  auto target = signed_request(create, {{"name", "tamper-target"}}, {"test", "test", ""});
  target.headers.set("X-Amz-Target", "AWSStepFunctions.DeleteActivity");
  auto r2 = c->call_raw(svc, create, target, "raw", false);
  EXPECT_EQ(r2.status, 400);
  EXPECT_EQ(code(r2), "InvalidSignatureException");
  // restJson1: the ARN in the path changed after signing.
  const auto& stop = op("lambda.StopDurableExecution");
  auto path = signed_request(stop, {{"DurableExecutionArn", kLambdaArn}}, {"test", "test", ""});
  size_t at = path.path.find("ex1");
  ASSERT_NE(at, std::string::npos) << path.path;
  path.path.replace(at, 3, "ex2");
  auto r3 = c->call_raw(service_of(stop), stop, path, "raw", false);
  EXPECT_EQ(r3.status, 403);
  EXPECT_EQ(code(r3), "InvalidSignatureException");
}

TEST_F(Gate, RejectsMalformedAuthorization) {
  auto c = caller({"test", "test", ""});
  const auto& create = op("stepfunctions.CreateActivity");
  auto r = signed_request(create, {{"name", "malformed"}}, {"test", "test", ""});
  r.headers.set("Authorization", "AWS4-HMAC-SHA256 Credential=garbage");
  auto a = c->call_raw(service_of(create), create, r, "raw", false);
  EXPECT_EQ(a.status, 400);
  EXPECT_EQ(code(a), "IncompleteSignatureException");
  auto no_date = signed_request(create, {{"name", "nodate"}}, {"test", "test", ""});
  no_date.headers.remove("X-Amz-Date");
  auto b = c->call_raw(service_of(create), create, no_date, "raw", false);
  EXPECT_EQ(b.status, 400);
  EXPECT_EQ(code(b), "IncompleteSignatureException");
}

}  // namespace
}  // namespace conform
