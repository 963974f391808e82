// Fuzz target: what a hostile or broken target can send back. Arbitrary status, headers and body go
// through the harness's response handling for one spec'd operation: protocol::decode, the
// response-level oracles (no_server_error, error_has_identity, apply_response_oracles via
// CaseBuilder::finish) and the answer judge (judge_answer: status, identity, message template, output
// shape) against the operation's rule expectations or a success expectation.
// Beyond "never crashes, never throws", it asserts what the oracles promise:
//   - decode keeps the status, sets `error` only for non-2xx answers, and its JSON is safe to dump();
//   - the no-5xx oracle is a Violation exactly for statuses >= 500;
//   - the identity oracle is a Violation exactly for non-2xx answers without a non-empty error code;
//   - decode and the identity oracle agree on the error code.
// Input: byte 0 selects the operation, bytes 1-2 the status (100..599), byte 3 the rule (or success),
// byte 4 bit 0 whether a "first close" body is known; the rest is headers, an empty line, the body.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "fuzz/support/message_bytes.h"
#include "harness/oracle/case_builder.h"
#include "harness/oracle/expectation.h"
#include "harness/oracle/response_oracles.h"
#include "harness/protocol/codec.h"
#include "harness/spec/loader.h"

using namespace conform;

namespace {

[[noreturn]] void fail(const char* what, const http::Response& r) {
  std::fprintf(stderr, "response_judge invariant broken: %s\nstatus %d, body: %.300s\n", what, r.status, r.body.c_str());
  std::abort();
}

// A session whose Caller never sends anything: the judged exchange is absorbed, not called.
struct Harness {
  const spec::SpecSet& specs = spec::builtin_specs();
  transport::CallerOptions caller_options;
  std::unique_ptr<transport::Caller> caller;
  fixture::FixtureRunner fixtures{specs, fixture::RunIdentity{}};
  std::unique_ptr<oracle::Session> session;
  Harness() {
    caller_options.sign = false;
    caller_options.max_retries = 0;
    transport::Url url;
    url.host = "127.0.0.1";
    url.port = 9;
    caller = std::make_unique<transport::Caller>(url, caller_options);
    session = std::make_unique<oracle::Session>(oracle::Session{*caller, fixtures, 1, nullptr});
  }
};

Harness& harness() {
  static Harness h;
  return h;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Harness& h = harness();
  if (h.specs.operations.empty()) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const spec::Operation& op = h.specs.operations[fuzz::take_number(bytes, 1) % h.specs.operations.size()];
  const spec::Service* service = h.specs.find_service(op.service);
  if (!service) return 0;
  int status = 100 + static_cast<int>(fuzz::take_number(bytes, 2) % 500);
  unsigned rule_pick = fuzz::take_number(bytes, 1);
  bool with_first_close = fuzz::take_number(bytes, 1) & 1u;
  fuzz::MessageBytes message = fuzz::parse_message_bytes(bytes);

  http::Response response;
  response.status = status;
  for (auto& [k, v] : message.headers) response.headers.add(k, v);
  response.body = message.body;
  bool ok = status >= 200 && status < 300;

  protocol::DecodedResponse decoded = protocol::decode(*service, op, response);
  if (decoded.status != status) fail("decode changed the status", response);
  if (ok && decoded.error) fail("decode set an error identity on a 2xx answer", response);
  (void)decoded.output.dump();
  if (decoded.body) (void)decoded.body->dump();
  auto identity = protocol::parse_error_identity(service->protocol, response);
  if (!ok && identity.has_value() != decoded.error.has_value()) fail("decode and parse_error_identity disagree", response);
  if (identity && decoded.error && identity->code != decoded.error->code) fail("decode and parse_error_identity disagree on the code", response);

  transport::Exchange exchange;
  exchange.operation = op.id();
  exchange.purpose = "probe";
  exchange.response = response;
  auto no5xx = oracle::no_server_error(exchange, 0);
  if (!no5xx || (no5xx->verdict == oracle::Verdict::Violation) != (status >= 500)) fail("no_server_error misjudged", response);
  auto has_id = oracle::error_has_identity(service->protocol, exchange, 0);
  if (ok != !has_id.has_value()) fail("error_has_identity judged a 2xx answer, or skipped a non-2xx one", response);
  bool identified = identity && !identity->code.empty();
  if (has_id && (has_id->verdict == oracle::Verdict::Violation) == identified) fail("error_has_identity misjudged", response);

  oracle::Scope scope{h.specs, *service, op};
  oracle::CaseBuilder builder("response_judge", scope, *h.session, spec::Json::object());
  int index = builder.absorb({exchange});
  oracle::Expected expected;
  std::string rule_id = "valid";
  if (!op.rules.empty() && rule_pick % (op.rules.size() + 1) < op.rules.size()) {
    const spec::Rule& rule = op.rules[rule_pick % (op.rules.size() + 1)];
    expected = oracle::Expected::from(rule.expect);
    rule_id = rule.id;
  } else {
    expected.status = 200;
  }
  std::optional<spec::Json> first_close;
  if (with_first_close) first_close = spec::Json::object();
  oracle::judge_answer(builder, op, rule_id, expected, decoded, index, h.fixtures.builtins(), first_close);
  (void)oracle::describe_answer(decoded);
  oracle::CaseResult result = builder.finish();
  if (result.exchanges.size() != 1) fail("the case lost or invented exchanges", response);
  bool flagged_5xx = false;
  for (const auto& f : result.findings) {
    if (f.facet == "no-5xx" && f.verdict == oracle::Verdict::Violation) flagged_5xx = true;
    if (f.check != "response_judge") fail("a finding without its check name", response);
  }
  if (flagged_5xx != (status >= 500)) fail("apply_response_oracles misjudged a 5xx", response);
  return 0;
}
