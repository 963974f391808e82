// Client, Url and Caller against a local httplib server: keep-alive reuse, exact bytes on the wire,
// unreachable targets, throttling retries with Retry-After, redaction in the exchange log.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>

#include "harness/auth/sigv4_verify.h"
#include "harness/transport/caller.h"
#include "harness/transport/client.h"
#include "harness/transport/retry_policy.h"
#include "tests/protocol/local_server.h"
#include "tests/protocol/test_services.h"

namespace conform {
namespace {

using spec::Json;
using transport::Url;
using namespace conform::testing;

TEST(Url, Parse) {
  auto u = Url::parse("http://127.0.0.1:4566/base/");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->scheme, "http");
  EXPECT_EQ(u->host, "127.0.0.1");
  EXPECT_EQ(u->port, 4566);
  EXPECT_EQ(u->base_path, "/base");
  EXPECT_EQ(u->origin(), "http://127.0.0.1:4566");
  auto s = Url::parse("https://States.us-east-1.amazonaws.com");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->port, 443);
  EXPECT_EQ(s->host, "states.us-east-1.amazonaws.com");
  EXPECT_EQ(s->base_path, "");
  auto v6 = Url::parse("http://[::1]:8080");
  ASSERT_TRUE(v6);
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->origin(), "http://[::1]:8080");
  std::string error;
  EXPECT_FALSE(Url::parse("ftp://x", &error));
  EXPECT_FALSE(error.empty());
  EXPECT_FALSE(Url::parse("localhost:8080"));
  EXPECT_FALSE(Url::parse("http://:80"));
  EXPECT_FALSE(Url::parse("http://h:99999"));
  EXPECT_FALSE(Url::parse("http://user:pw@h"));
}

TEST(Url, Loopback) {
  for (const char* u : {"http://127.0.0.1", "http://127.1.2.3:9", "http://localhost:1", "http://[::1]:2"})
    EXPECT_TRUE(Url::parse(u)->is_loopback()) << u;
  for (const char* u : {"http://128.0.0.1", "http://127.0.0.1.example.com", "https://states.us-east-1.amazonaws.com",
                        "http://10.0.0.1", "http://127.0.0"})
    EXPECT_FALSE(Url::parse(u)->is_loopback()) << u;
}

TEST(Client, SendsExactBytesAndReusesTheConnection) {
  LocalServer server;
  std::mutex mu;
  std::set<int> ports;
  std::vector<std::string> paths, bodies, targets;
  server.server().Post(R"(/.*)", [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mu);
    ports.insert(req.remote_port);
    paths.push_back(req.target);
    bodies.push_back(req.body);
    targets.push_back(req.get_header_value("X-Amz-Target"));
    res.set_header("X-Reply", "yes");
    res.set_content(R"({"ok":true})", "application/json");
  });
  auto base = server.start();
  {
    transport::Client client(*Url::parse(base));
    http::Request r;
    r.path = std::string("/2025-12-01/durable-executions/") + kDurableArnEncoded + "/stop";
    r.headers.set("X-Amz-Target", "AWSStepFunctions.StopExecution");
    r.body = R"({"a":1})";
    for (int i = 0; i < 3; ++i) {
      auto res = client.send(r);
      EXPECT_TRUE(res.error.empty()) << res.error;
      EXPECT_EQ(res.response.status, 200);
      EXPECT_EQ(res.response.body, R"({"ok":true})");
      EXPECT_EQ(res.response.headers.get("x-reply"), "yes");
    }
  }
  server.stop();
  EXPECT_EQ(ports.size(), 1u);  // one kept-alive connection for three requests
  ASSERT_EQ(paths.size(), 3u);
  EXPECT_EQ(paths[0], std::string("/2025-12-01/durable-executions/") + kDurableArnEncoded + "/stop");
  EXPECT_EQ(bodies[0], R"({"a":1})");
  EXPECT_EQ(targets[0], "AWSStepFunctions.StopExecution");
}

TEST(Client, UnreachablePortIsStatusZeroWithError) {
  int port;
  {
    LocalServer probe;
    probe.start();
    port = probe.port();
  }  // closed: nothing listens there now
  transport::ClientOptions o;
  o.connect_timeout_s = 2;
  transport::Client client(*Url::parse("http://127.0.0.1:" + std::to_string(port)), o);
  transport::SendResult res;
  EXPECT_NO_THROW(res = client.send(http::Request{}));
  EXPECT_EQ(res.response.status, 0);
  EXPECT_FALSE(res.error.empty());
}

TEST(Caller, SignsEncodesDecodesAndRedactsTheLog) {
  LocalServer server;
  std::mutex mu;
  auth::VerifyResult verified;
  server.server().Post("/", [&](const httplib::Request& req, httplib::Response& res) {
    http::Request seen;
    seen.method = req.method;
    auto target = http::split_target(req.target);
    seen.path = target->first;
    seen.query = target->second;
    for (const auto& [k, v] : req.headers) seen.headers.add(k, v);
    seen.body = req.body;
    auth::VerifyOptions vo;
    vo.secret_for = [](const std::string& id) -> std::optional<std::string> {
      if (id == "AKIDEXAMPLE") return std::string("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
      return std::nullopt;
    };
    std::lock_guard<std::mutex> lock(mu);
    verified = auth::verify(seen, vo);
    res.status = 400;
    res.set_content(R"({"__type":"com.amazonaws.swf.service.v2.model#TaskTimedOut","message":"gone"})",
                    "application/x-amz-json-1.0");
  });
  auto base = server.start();
  std::vector<std::string> observed;
  {
    transport::CallerOptions co;
    co.credentials = {"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session-token-value"};
    transport::Caller caller(*Url::parse(base), co);
    caller.on_exchange([&](const transport::Exchange& e) { observed.push_back(e.operation); });
    auto d = caller.call(sfn(), send_task_failure(), Json{{"taskToken", "t"}});
    EXPECT_EQ(d.status, 400);
    ASSERT_TRUE(d.error);
    EXPECT_EQ(d.error->code, "TaskTimedOut");
    EXPECT_EQ(d.message, "gone");
    ASSERT_EQ(caller.exchanges().size(), 1u);
    const auto& e = caller.exchanges()[0];
    EXPECT_EQ(e.operation, "stepfunctions.SendTaskFailure");
    EXPECT_EQ(e.purpose, "probe");
    EXPECT_EQ(e.request.body, R"({"taskToken":"t"})");
    EXPECT_EQ(e.response.status, 400);
    auto authz = e.request.headers.get("Authorization").value_or("");
    EXPECT_EQ(authz.find("AKIDEXAMPLE"), std::string::npos) << authz;
    EXPECT_NE(authz.find("Signature=<redacted>"), std::string::npos) << authz;
    EXPECT_EQ(e.request.headers.get("X-Amz-Security-Token"), "<redacted>");
    EXPECT_EQ(caller.take_exchanges().size(), 1u);
    EXPECT_TRUE(caller.exchanges().empty());
  }
  server.stop();
  EXPECT_TRUE(verified.ok) << verified.error << ": " << verified.message;
  EXPECT_EQ(observed, std::vector<std::string>{"stepfunctions.SendTaskFailure"});
}

TEST(Caller, RetriesThrottlingHonouringRetryAfter) {
  LocalServer server;
  std::atomic<int> calls{0};
  server.server().Post(R"(/.*)", [&](const httplib::Request&, httplib::Response& res) {
    int n = calls++;
    if (n < 2) {
      res.status = 429;
      res.set_header("Retry-After", "0");
      res.set_header("X-Amzn-ErrorType", "TooManyRequestsException");
      res.set_content(R"({"Type":"User","message":"Rate Exceeded.","Reason":"CallerRateLimitExceeded"})",
                      "application/json");
    } else {
      res.set_content(R"({"StopTimestamp":1767225600})", "application/json");
    }
  });
  auto base = server.start();
  {
    transport::CallerOptions co;
    co.retry_base_ms = 1;
    co.retry_cap_ms = 5;
    transport::Caller caller(*Url::parse(base), co);
    auto d = caller.call(lambda(), stop_durable_execution(), Json{{"DurableExecutionArn", kDurableArn}}, "fixture");
    EXPECT_TRUE(d.ok());
    EXPECT_EQ(d.output["StopTimestamp"], 1767225600);
    ASSERT_EQ(caller.exchanges().size(), 3u);
    EXPECT_EQ(caller.exchanges()[0].response.status, 429);
    EXPECT_TRUE(caller.exchanges()[0].retried);
    EXPECT_EQ(caller.exchanges()[1].attempt, 1);
    EXPECT_EQ(caller.exchanges()[2].response.status, 200);
    EXPECT_FALSE(caller.exchanges()[2].retried);
    EXPECT_EQ(caller.exchanges()[2].attempt, 2);
    EXPECT_EQ(caller.exchanges()[2].purpose, "fixture");
  }
  server.stop();
  EXPECT_EQ(calls.load(), 3);
}

TEST(Caller, GivesUpAfterMaxRetries) {
  LocalServer server;
  std::atomic<int> calls{0};
  server.server().Post("/", [&](const httplib::Request&, httplib::Response& res) {
    ++calls;
    res.status = 400;
    res.set_content(R"({"__type":"com.amazon.coral.availability#ThrottlingException","message":"Rate exceeded"})",
                    "application/x-amz-json-1.0");
  });
  auto base = server.start();
  {
    transport::CallerOptions co;
    co.max_retries = 2;
    co.retry_base_ms = 1;
    co.retry_cap_ms = 2;
    transport::Caller caller(*Url::parse(base), co);
    auto d = caller.call(sfn(), send_task_failure(), Json::object());
    ASSERT_TRUE(d.error);
    EXPECT_EQ(d.error->code, "ThrottlingException");
    EXPECT_EQ(caller.exchanges().size(), 3u);
  }
  server.stop();
  EXPECT_EQ(calls.load(), 3);
}

TEST(Caller, TransportErrorIsReportedNotThrown) {
  int port;
  {
    LocalServer probe;
    probe.start();
    port = probe.port();
  }
  transport::Caller caller(*Url::parse("http://127.0.0.1:" + std::to_string(port)), {});
  protocol::DecodedResponse d;
  EXPECT_NO_THROW(d = caller.call(sfn(), send_task_failure(), Json::object()));
  EXPECT_TRUE(d.transport_error);
  EXPECT_EQ(d.status, 0);
  EXPECT_FALSE(d.transport_message.empty());
  ASSERT_EQ(caller.exchanges().size(), 1u);
  EXPECT_FALSE(caller.exchanges()[0].transport_error.empty());
}

TEST(Caller, RawUnsignedRequest) {
  LocalServer server;
  std::string authz = "unset", body;
  server.server().Post("/", [&](const httplib::Request& req, httplib::Response& res) {
    authz = req.get_header_value("Authorization");
    body = req.body;
    res.status = 400;
    res.set_content(R"({"__type":"SerializationException"})", "application/x-amz-json-1.0");
  });
  auto base = server.start();
  {
    transport::Caller caller(*Url::parse(base), {});
    http::Request r;
    r.body = "{not json";
    r.headers.set("Content-Type", "application/x-amz-json-1.0");
    auto d = caller.call_raw(sfn(), send_task_failure(), r, "raw", /*sign=*/false);
    ASSERT_TRUE(d.error);
    EXPECT_EQ(d.error->code, "SerializationException");
  }
  server.stop();
  EXPECT_EQ(authz, "");
  EXPECT_EQ(body, "{not json");
}

TEST(RetryPolicy, Classification) {
  EXPECT_TRUE(transport::is_throttling(429, ""));
  EXPECT_TRUE(transport::is_throttling(503, ""));
  EXPECT_TRUE(transport::is_throttling(400, "ThrottlingException"));
  EXPECT_FALSE(transport::is_throttling(400, "LimitExceededFault"));
  EXPECT_FALSE(transport::is_throttling(500, "ServiceException"));
}

TEST(RetryPolicy, DelaysAreBoundedAndHonourRetryAfter) {
  std::mt19937_64 rng(42);
  transport::BackoffOptions o{100, 1000, 5000};
  for (int attempt = 0; attempt < 20; ++attempt) {
    double d = transport::backoff_delay_ms(attempt, std::nullopt, o, rng);
    EXPECT_GE(d, 0);
    EXPECT_LE(d, std::min(1000.0, 100.0 * (1 << std::min(attempt, 10))));
    EXPECT_GE(transport::backoff_delay_ms(attempt, 2000.0, o, rng), 2000);
    EXPECT_LE(transport::backoff_delay_ms(attempt, 1e9, o, rng), 5000);
  }
  http::Headers h;
  h.set("Retry-After", "1.5");
  EXPECT_EQ(transport::retry_after_ms(h), 1500.0);
  h.set("Retry-After", "soon");
  EXPECT_FALSE(transport::retry_after_ms(h));
}

}  // namespace
}  // namespace conform
