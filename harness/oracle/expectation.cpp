#include "harness/oracle/expectation.h"

#include "harness/gen/validate.h"
#include "harness/oracle/message_template.h"

namespace conform::oracle {

Expected Expected::from(const spec::Expectation& e) {
  Expected x;
  x.status = e.status;
  x.error = e.error;
  x.message = e.message;
  x.provenance = e.provenance;
  x.message_provenance = e.message_provenance;
  x.same_as_first_close = e.same_as_first_close;
  return x;
}

Json success_body(const protocol::DecodedResponse& r) {
  if (r.body && !r.body->is_null()) return *r.body;
  return Json::object();
}

namespace {

std::string expected_wire(const spec::Service& service, const spec::ErrorSpec* err, const std::string& name) {
  if (err && !err->wire.empty()) return err->wire;
  if (service.protocol == spec::Protocol::AwsJson1_0 && !service.error_namespace.empty())
    return service.error_namespace + "#" + name;
  return name;
}

// The raw identity without a ":http://..." suffix (restJson X-Amzn-ErrorType may carry one).
std::string wire_form(const std::string& raw) {
  size_t colon = raw.find(':');
  return colon == std::string::npos ? raw : raw.substr(0, colon);
}

void judge_error(CaseBuilder& b, const spec::Operation& op, const std::string& rule, const Expected& e,
                 const protocol::DecodedResponse& r, int index, const fixture::Variables& vars) {
  const auto& scope = b.scope();
  const spec::Service* service = scope.specs.find_service(op.service);
  const spec::Service& svc = service ? *service : scope.service;
  if (e.status)
    b.judge(r.status == *e.status, rule, "status", e.provenance, std::to_string(*e.status) + " " + e.error,
            describe_answer(r), index);
  std::string code = r.error ? r.error->code : "";
  b.judge(code == e.error, rule, "error", e.provenance, e.error, r.error ? r.error->raw : "(no error identity)", index);
  if (code != e.error) return;  // wire and message only make sense for the right error
  const spec::ErrorSpec* err = scope.specs.find_error(op, e.error);
  if (err) {
    std::string want = expected_wire(svc, err, e.error);
    std::string got = wire_form(r.error->raw);
    // awsJson: the full namespace#Name is a contract; restJson: the bare name.
    b.judge(got == want, rule, "wire", err->wire_provenance, want, r.error->raw, index);
  }
  std::optional<std::string> tmpl = e.message;
  spec::Provenance mp = e.message_provenance;
  if (!tmpl && err && err->message) {
    tmpl = err->message;
    mp = err->message_provenance;
  }
  if (tmpl) {
    std::string msg = r.message.value_or("");
    b.judge(r.message && message_matches(*tmpl, msg, vars), rule, "message", mp, render_template(*tmpl, vars),
            r.message ? msg.substr(0, 600) : "(no message)", index);
  }
}

}  // namespace

void judge_output_shape(CaseBuilder& b, const spec::Operation& op, const std::string& rule,
                        const protocol::DecodedResponse& r, int index) {
  if (!r.ok()) return;
  if (!op.output) {
    bool ok = r.body_empty || (r.body && r.body->is_object() && r.body->empty());
    b.judge(ok, rule, "shape", spec::Provenance::Model, "empty body or {}", r.body ? r.body->dump().substr(0, 200) : "(not JSON)", index);
    return;
  }
  gen::ValidateOptions o;
  o.constraints = false;
  auto problems = gen::validate_value(*op.output, r.output, "", o);
  std::string observed;
  for (const auto& p : problems) observed += (observed.empty() ? "" : "; ") + p.path + ": " + p.constraint + " (" + p.detail + ")";
  b.judge(problems.empty(), rule, "shape", spec::Provenance::Model, "output members per the model (required present, types right)",
          problems.empty() ? r.output.dump().substr(0, 300) : observed, index);
}

void judge_answer(CaseBuilder& b, const spec::Operation& op, const std::string& rule, const Expected& e,
                  const protocol::DecodedResponse& r, int index, const fixture::Variables& vars,
                  const std::optional<Json>& first_close) {
  if (r.transport_error) {
    b.judge(false, rule, "status", e.provenance, e.error.empty() ? "2xx" : e.error, describe_answer(r), index);
    return;
  }
  if (!e.error.empty()) {
    judge_error(b, op, rule, e, r, index, vars);
    return;
  }
  bool status_ok = r.ok() && (!e.status || *e.status == r.status || (*e.status == 200 && r.ok()));
  b.judge(status_ok, rule, "status", e.provenance, e.status ? std::to_string(*e.status) : "2xx", describe_answer(r), index);
  if (!r.ok()) return;
  judge_output_shape(b, op, "response_shape", r, index);
  if (e.same_as_first_close && first_close) {
    Json body = success_body(r);
    b.judge(body == *first_close, rule, "same-as-first-close", e.provenance, first_close->dump().substr(0, 300),
            body.dump().substr(0, 300), index);
  }
}

}  // namespace conform::oracle
