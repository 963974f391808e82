// Fuzz target: the harness's wire codecs and signing. One input exercises, for the operation byte 0
// selects (the rest is the payload):
//   1. encode: when the payload is a JSON object, it is encoded for the operation; an awsJson1_0 body
//      parses back to exactly the body value of the input (to_body_value), every top-level string member
//      keeps its text, the target is `<prefix>.<Op>`; a restJson1 request's path has every label
//      percent-encoded and each label decodes back to the input's string value;
//   2. percent-encoding: percent_decode(percent_encode(x)) == x for the payload bytes, and the encoded
//      text has only unreserved characters and escapes; percent_decode of the raw payload never crashes;
//   3. SigV4: the payload read as headers + body (fuzz/support/message_bytes.h) with an arbitrary path is
//      signed with fixed credentials and date; signing is deterministic and the emulator's verifier
//      accepts the signature;
//   4. parse_error_identity on the payload read as a response, for both protocols: a code, when found,
//      has no ':' and no '#' (the SDKs' sanitising rule).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz/support/message_bytes.h"
#include "harness/auth/sigv4.h"
#include "harness/auth/sigv4_verify.h"
#include "harness/http/message.h"
#include "harness/protocol/codec.h"
#include "harness/protocol/safe_json.h"
#include "harness/protocol/wire_values.h"
#include "harness/spec/loader.h"

using namespace conform;

namespace {

[[noreturn]] void fail(const char* what, std::string_view detail) {
  std::fprintf(stderr, "codec invariant broken: %s\n%.*s\n", what, static_cast<int>(detail.size() > 400 ? 400 : detail.size()),
               detail.data());
  std::abort();
}

bool unreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

void check_percent(std::string_view raw) {
  std::string encoded = http::percent_encode(raw);
  for (char c : encoded)
    if (!unreserved(c) && c != '%') fail("percent_encode left a reserved character", encoded);
  auto back = http::percent_decode(encoded);
  if (!back || *back != raw) fail("percent_decode(percent_encode(x)) != x", raw);
  (void)http::percent_decode(raw);
  (void)http::split_target(raw);
}

void check_aws_json(const spec::Service& service, const spec::Operation& op, const spec::Json& input,
                    const http::Request& request) {
  if (request.headers.get("X-Amz-Target") != service.target_prefix + "." + op.name) fail("wrong X-Amz-Target", op.name);
  auto parsed = protocol::parse_json_safely(request.body);
  if (!parsed) fail("the awsJson body does not parse back", request.body);
  spec::Json expected = protocol::to_body_value(&op.input, input);
  if (*parsed != expected) fail("the awsJson body does not round-trip", request.body);
  for (const auto& m : op.input.members) {
    if (!m.shape || m.shape->type != spec::ShapeType::String) continue;
    auto it = input.find(m.name);
    if (it == input.end() || !it->is_string()) continue;
    if (!parsed->contains(m.name) || (*parsed)[m.name] != *it) fail("a string member changed on the wire", m.name);
  }
}

void check_rest_json(const spec::Operation& op, const spec::Json& input, const http::Request& request) {
  for (char c : request.path)
    if (!unreserved(c) && c != '%' && c != '/') fail("unencoded byte in the path", request.path);
  // Each {Label} whose input is a string must decode back from its segment.
  std::string_view tpl = op.uri;
  std::string_view path = request.path;
  size_t ti = 0, pi = 0;
  while (ti < tpl.size()) {
    size_t open = tpl.find('{', ti);
    if (open == std::string_view::npos) break;
    if (path.substr(pi, open - ti) != tpl.substr(ti, open - ti)) return;  // literal part differs: a greedy label
    pi += open - ti;
    size_t close = tpl.find('}', open);
    if (close == std::string_view::npos) return;
    std::string label(tpl.substr(open + 1, close - open - 1));
    if (!label.empty() && label.back() == '+') return;
    std::string_view rest_tpl = tpl.substr(close + 1);
    size_t next_literal_end = rest_tpl.find('{');
    std::string_view literal = rest_tpl.substr(0, next_literal_end);
    size_t end = literal.empty() ? path.find('?', pi) : path.find(literal, pi);
    if (literal.empty() && end == std::string_view::npos) end = path.size();
    if (end == std::string_view::npos) return;
    auto decoded = http::percent_decode(path.substr(pi, end - pi));
    auto it = input.find(label);
    if (it != input.end() && it->is_string()) {
      if (!decoded || *decoded != it->get<std::string>()) fail("a URI label does not round-trip", request.path);
    }
    pi = end;
    ti = close + 1;
  }
}

void check_encode(const spec::SpecSet& specs, const spec::Service& service, const spec::Operation& op,
                  std::string_view payload) {
  auto input = protocol::parse_json_safely(payload);
  if (!input || !input->is_object()) return;
  http::Request a = protocol::encode(service, op, *input);
  http::Request b = protocol::encode(service, op, *input);
  if (a.body != b.body || a.target() != b.target()) fail("encode is not deterministic", payload);
  if (service.protocol == spec::Protocol::AwsJson1_0) check_aws_json(service, op, *input, a);
  else check_rest_json(op, *input, a);
  (void)protocol::expand_uri(op, *input, false);
}

void check_sigv4(std::string_view selector, std::string_view payload) {
  fuzz::MessageBytes m = fuzz::parse_message_bytes(payload);
  http::Request request;
  request.method = selector.empty() || selector[0] % 2 ? "POST" : "GET";
  auto split = http::split_target("/" + std::string(payload.substr(0, payload.find('\n'))).substr(0, 200));
  if (split) {
    request.path = split->first;
    request.query = split->second;
  }
  for (auto& [k, v] : m.headers) {
    bool token = !k.empty();
    for (char c : k)
      if (!(unreserved(c) || c == '!' || c == '#' || c == '$' || c == '&' || c == '\'' || c == '*' || c == '+' ||
            c == '^' || c == '`' || c == '|'))
        token = false;
    if (token && !http::iequals(k, "authorization") && !http::iequals(k, "x-amz-date")) request.headers.add(k, v);
  }
  request.headers.set("Host", "127.0.0.1:8080");
  request.body = m.body;
  auth::SigningCredentials creds{"AKIDFUZZ", "fuzz-secret", ""};
  auth::SignOptions options;
  options.service = "states";
  options.amz_date = "20240102T030405Z";
  options.add_content_sha256 = !selector.empty() && (selector[0] & 2);
  http::Request first = request, second = request;
  auth::sign(first, creds, options);
  auth::sign(second, creds, options);
  if (first.headers.get("Authorization") != second.headers.get("Authorization")) fail("signing is not deterministic", payload);
  auth::VerifyOptions verify;
  verify.secret_for = [](const std::string& akid) -> std::optional<std::string> {
    if (akid == "AKIDFUZZ") return std::string("fuzz-secret");
    return std::nullopt;
  };
  auto result = auth::verify(first, verify);
  if (!result.ok) fail("the verifier rejects a request the signer signed", result.message + " | " + std::string(payload));
}

void check_error_identity(std::string_view payload) {
  fuzz::MessageBytes m = fuzz::parse_message_bytes(payload);
  http::Response response;
  response.status = 400;
  for (auto& [k, v] : m.headers) response.headers.add(k, v);
  response.body = m.body;
  for (auto p : {spec::Protocol::AwsJson1_0, spec::Protocol::RestJson1}) {
    auto id = protocol::parse_error_identity(p, response);
    if (id && (id->code.find(':') != std::string::npos || id->code.find('#') != std::string::npos))
      fail("an error code keeps ':' or '#'", id->code);
  }
  (void)protocol::sanitize_error_code(std::string(payload));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const spec::SpecSet& specs = spec::builtin_specs();
  if (size == 0 || specs.operations.empty()) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string_view selector = bytes.substr(0, 1);
  const spec::Operation& op = specs.operations[fuzz::take_number(bytes, 1) % specs.operations.size()];
  const spec::Service* service = specs.find_service(op.service);
  if (!service) return 0;
  check_encode(specs, *service, op, bytes);
  check_percent(bytes);
  check_sigv4(selector, bytes);
  check_error_identity(bytes);
  return 0;
}
