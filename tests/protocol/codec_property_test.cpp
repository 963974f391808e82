// Properties: decode never throws and is total on arbitrary status, headers and body; encode output
// is deterministic and its awsJson body always parses back to the input.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "harness/protocol/codec.h"
#include "harness/protocol/safe_json.h"
#include "tests/protocol/test_services.h"

namespace conform {
namespace {

using spec::Json;
using namespace conform::testing;

rc::Gen<std::string> json_ish() {
  return rc::gen::oneOf(
      rc::gen::arbitrary<std::string>(),
      rc::gen::map(rc::gen::arbitrary<std::string>(), [](std::string s) { return "{\"__type\":\"" + s + "\"}"; }),
      rc::gen::map(rc::gen::arbitrary<std::string>(),
                   [](std::string s) { return "{\"message\":\"" + s + "\",\"code\":" + s + "}"; }),
      rc::gen::map(rc::gen::inRange(0, 5000), [](int n) { return std::string(n, '{'); }),
      rc::gen::map(rc::gen::inRange(0, 300),
                   [](int n) { return std::string(n, '[') + "1" + std::string(n, ']'); }));
}

RC_GTEST_PROP(CodecProperties, DecodeNeverThrows, ()) {
  http::Response r;
  r.status = *rc::gen::oneOf(rc::gen::inRange(-5, 1000), rc::gen::arbitrary<int>());
  auto headers = *rc::gen::container<std::vector<std::pair<std::string, std::string>>>(
      rc::gen::pair(rc::gen::oneOf(rc::gen::element<std::string>("X-Amzn-ErrorType", "Retry-After",
                                                                  "X-Amz-Durable-Execution-Arn", "Content-Type"),
                                   rc::gen::arbitrary<std::string>()),
                    rc::gen::arbitrary<std::string>()));
  for (auto& [k, v] : headers) r.headers.add(k, v);
  r.body = *json_ish();
  bool rest = *rc::gen::arbitrary<bool>();
  auto service = rest ? lambda() : sfn();
  auto operation = rest ? invoke() : start_execution();
  protocol::DecodedResponse d;
  try {
    d = protocol::decode(service, operation, r);
  } catch (...) {
    RC_FAIL("decode threw");
  }
  RC_ASSERT(d.status == r.status);
  RC_ASSERT(d.body_empty == r.body.empty());
  RC_ASSERT(d.body.has_value() || r.body.empty() || !d.body_parse_error.empty());
  // Everything decoded must be serialisable without throwing.
  RC_ASSERT(!protocol::dump_json(d.output).empty());
  if (d.error) RC_ASSERT(!d.error->code.empty());
  if (d.body) RC_ASSERT(!protocol::dump_json(*d.body).empty());
}

RC_GTEST_PROP(CodecProperties, AwsJsonBodyRoundTrips, (const std::string& token, const std::string& cause)) {
  Json in = {{"taskToken", token}, {"cause", cause}};
  auto a = protocol::encode(sfn(), send_task_failure(), in);
  auto b = protocol::encode(sfn(), send_task_failure(), in);
  RC_ASSERT(a.body == b.body);
  if (protocol::is_valid_utf8(token) && protocol::is_valid_utf8(cause)) {
    auto parsed = protocol::parse_json_safely(a.body);
    RC_ASSERT(parsed.has_value());
    RC_ASSERT(*parsed == in);
  }
}

RC_GTEST_PROP(CodecProperties, LabelsDecodeBackToTheValue, (const std::string& arn)) {
  auto path = protocol::expand_uri(stop_durable_execution(), Json{{"DurableExecutionArn", arn}});
  const std::string prefix = "/2025-12-01/durable-executions/", suffix = "/stop";
  RC_ASSERT(path.rfind(prefix, 0) == 0u);
  std::string label = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
  RC_ASSERT(label.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~%") ==
            std::string::npos);
  RC_ASSERT(http::percent_decode(label) == std::optional<std::string>(arn));
}

}  // namespace
}  // namespace conform
