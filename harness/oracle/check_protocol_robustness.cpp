// protocol_robustness: hand-made requests that break the wire protocol (malformed JSON, a JSON array or
// number as the body, a wrong Content-Type, an unknown or lower-cased X-Amz-Target, an unencoded ARN in
// a restJson1 path label) must get a 4xx with an error identity, never a 5xx; the identity and status
// are judged against the service's protocolRules with their provenance.
#include <cctype>

#include "harness/gen/valid_input.h"
#include "harness/http/message.h"
#include "harness/oracle/check_support.h"
#include "harness/oracle/checks.h"

namespace conform::oracle {

namespace {

using spec::Situation;

struct Probe {
  Situation situation;
  int variant;
};

// A JSON body the service parses: body members, or a structure payload. A blob payload (Lambda
// Invoke's Payload) is opaque bytes of any content type, so malformed JSON is no protocol error there.
bool has_body(const spec::Operation& op) {
  for (const auto& m : op.input.members) {
    if (m.location == spec::Location::Body) return true;
    if (m.location == spec::Location::Payload && m.shape && m.shape->type == spec::ShapeType::Structure) return true;
  }
  return false;
}
bool has_label(const spec::Operation& op) {
  for (const auto& m : op.input.members)
    if (m.location == spec::Location::Uri) return true;
  return false;
}

std::vector<Probe> probes_for(const spec::Service& service, const spec::Operation& op) {
  std::vector<Probe> out;
  bool aws_json = service.protocol == spec::Protocol::AwsJson1_0;
  if (aws_json || has_body(op)) {
    out.push_back({Situation::MalformedJson, 0});
    out.push_back({Situation::BodyNotObject, 0});
    out.push_back({Situation::BodyNotObject, 1});
    out.push_back({Situation::WrongContentType, 0});
  }
  out.push_back({Situation::UnknownOperation, 0});
  if (aws_json) out.push_back({Situation::TargetCaseMismatch, 0});
  if (!aws_json && has_label(op)) out.push_back({Situation::UnencodedLabel, 0});
  return out;
}

rc::Gen<Json> generate_protocol_robustness(const Scope& scope) {
  auto probes = probes_for(scope.service, scope.op);
  std::vector<Json> labels;
  for (const auto& p : probes) labels.push_back(Json{{"situation", spec::to_string(p.situation)}, {"variant", p.variant}});
  const spec::Operation* op = &scope.op;
  return rc::gen::map(rc::gen::pair(rc::gen::elementOf(labels), gen::valid_input(*op, {})), [](const std::pair<Json, Json>& p) {
    Json c = p.first;
    c["input"] = p.second;
    return c;
  });
}

// ':' and '$' may stand unencoded in a path segment (RFC 3986 pchar); only a '/' moves the request to
// another path. The probe's label therefore carries one: the first label gets "/conform" appended
// unless some label value has a '/' already.
Json with_slash_in_a_label(const spec::Operation& op, Json input) {
  const spec::Member* first = nullptr;
  for (const auto& m : op.input.members) {
    if (m.location != spec::Location::Uri) continue;
    auto it = input.find(m.name);
    if (it != input.end() && it->is_string() && it->get_ref<const std::string&>().find('/') != std::string::npos)
      return input;
    if (!first) first = &m;
  }
  if (first) input[first->name] = input.value(first->name, std::string("conform")) + "/conform";
  return input;
}

// The mutated request; nullopt when the probe cannot be built.
std::optional<http::Request> build(const spec::Service& service, const spec::Operation& op, Situation s, int variant,
                                   const Json& input) {
  http::Request r = protocol::encode(service, op, input);
  r.headers.remove("Host");  // the Caller sets the target's
  switch (s) {
    case Situation::MalformedJson: r.body = "{\"conform\": [1, 2,"; break;
    case Situation::BodyNotObject: r.body = variant == 0 ? "[]" : "42"; break;
    case Situation::WrongContentType:
      if (r.body.empty()) r.body = "{}";  // a body the wrong type can apply to
      r.headers.set("Content-Type", "text/plain");
      break;
    case Situation::UnknownOperation:
      if (service.protocol == spec::Protocol::AwsJson1_0) r.headers.set("X-Amz-Target", service.target_prefix + ".ConformNoSuchOperation");
      else r.path = "/2025-12-01/conform-no-such-operation";
      break;
    case Situation::TargetCaseMismatch: r.headers.set("X-Amz-Target", service.target_prefix + "." + http::ascii_lower(op.name)); break;
    case Situation::UnencodedLabel: r.path = protocol::expand_uri(op, with_slash_in_a_label(op, input), false); break;
    default: return std::nullopt;
  }
  if (r.headers.has("Content-Length")) r.headers.set("Content-Length", std::to_string(r.body.size()));
  return r;
}

CaseResult run_protocol_robustness(const Scope& scope, const Json& c, Session& session) {
  CaseBuilder b("protocol_robustness", scope, session, c);
  auto s = spec::situation_from_string(c.value("situation", ""));
  std::optional<http::Request> request;
  if (s) request = build(scope.service, scope.op, *s, c.value("variant", 0), c.value("input", Json::object()));
  if (!request) {
    b.not_run("unknown protocol probe " + c.value("situation", ""));
    return b.finish();
  }
  std::string name = c.value("situation", "");
  b.set_context(name);
  int idx = -1;
  auto r = b.call_raw(scope.op, *request, &idx);
  b.judge(!r.transport_error && r.status >= 400 && r.status < 500, name, "rejected-4xx", spec::Provenance::Model,
          "a 4xx answer", describe_answer(r), idx);
  for (const auto& rule : scope.service.protocol_rules)
    if (rule.situation == *s) {
      judge_answer(b, scope.op, rule.id, Expected::from(rule.expect), r, idx, session.fixtures.builtins());
      break;
    }
  return b.finish();
}

}  // namespace

CheckDef make_protocol_robustness_check() {
  CheckDef d;
  d.name = "protocol_robustness";
  d.description = "Malformed bodies, wrong content types, unknown or mis-cased targets and unencoded labels get a 4xx "
                  "with an error identity, never a 5xx.";
  d.not_applicable = [](const Scope&) { return std::optional<std::string>(); };
  d.generate = generate_protocol_robustness;
  d.run = run_protocol_robustness;
  return d;
}

}  // namespace conform::oracle
