// no_server_error / error_has_identity as checks of their own: a few valid and invalid requests (no
// fixture: bound members get values by shape), judged only by the response-level oracles that every
// other check also applies to each of its exchanges. Invalid requests leave out violations whose
// offending value is payload-sized (over gen::kLargeSpan code points): negative_rejection sends each of
// those, and these oracles judge its exchanges too.
#include "harness/gen/unicode_string.h"
#include "harness/gen/valid_input.h"
#include "harness/gen/violation.h"
#include "harness/oracle/case_builder.h"
#include "harness/oracle/checks.h"

namespace conform::oracle {

namespace {

rc::Gen<Json> some_request(const Scope& scope) {
  const spec::Operation* op = &scope.op;
  auto valid = rc::gen::map(gen::valid_input(*op, {}), [](const Json& in) { return Json{{"kind", "valid"}, {"input", in}}; });
  auto invalid = gen::any_violation_case(*op, static_cast<int64_t>(gen::kLargeSpan), scope.violations);
  if (!invalid) return valid;
  auto bad = rc::gen::map(*invalid, [](const Json& c) { return Json{{"kind", "invalid"}, {"violation", c["path"]}, {"constraint", c["constraint"]}, {"input", c["input"]}}; });
  return rc::gen::oneOf(valid, bad);
}

CaseResult run_request(const std::string& name, const Scope& scope, const Json& c, Session& session) {
  CaseBuilder b(name, scope, session, c);
  b.call(scope.op, c.value("input", Json::object()), "probe");
  return b.finish();
}

CheckDef make(const std::string& name, const std::string& description) {
  CheckDef d;
  d.name = name;
  d.description = description;
  d.not_applicable = [](const Scope&) { return std::optional<std::string>(); };
  d.generate = [](const Scope& scope) { return some_request(scope); };
  d.run = [name](const Scope& scope, const Json& c, Session& session) { return run_request(name, scope, c, session); };
  return d;
}

}  // namespace

CheckDef make_no_server_error_check() {
  return make("no_server_error", "Valid and invalid requests never get a 5xx (applied to every exchange of every check).");
}

CheckDef make_error_has_identity_check() {
  return make("error_has_identity",
              "Every non-2xx answer carries an error identity SDKs resolve (applied to every exchange of every check).");
}

}  // namespace conform::oracle
