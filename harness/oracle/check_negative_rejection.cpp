// negative_rejection: each input constraint violated alone must be rejected with the rule's (or the
// service validation style's) error identity and status, and a message naming the member path and the
// constraint (template match, with the template's provenance). A @sensitive member's value must never
// appear in the message: the "no-sensitive-echo" facet is hard (the model's @sensitive trait).
#include "harness/gen/violation.h"
#include "harness/oracle/check_support.h"
#include "harness/oracle/checks.h"
#include "harness/oracle/violation_expectation.h"

namespace conform::oracle {

namespace {

rc::Gen<Json> generate_negative_rejection(const Scope& scope) {
  auto g = gen::any_violation_case(scope.op, std::nullopt, scope.violations);
  if (!g) return rc::gen::just(Json{{"situation", "none"}});
  return *g;
}

CaseResult run_negative_rejection(const Scope& scope, const Json& c, Session& session) {
  CaseBuilder b("negative_rejection", scope, session, c);
  if (!c.contains("input")) {
    b.not_run("the operation's input admits no single-constraint violation");
    return b.finish();
  }
  b.set_context(c.value("situation", ""));
  int idx = -1;
  auto r = b.call(scope.op, c["input"], "probe", &idx);
  ViolationExpected want = expect_for_violation(scope, c, session.fixtures.builtins());
  if (want.known) {
    judge_answer(b, scope.op, want.rule, want.expected, r, idx, want.vars);
  } else {
    // No rule and no template (e.g. wrong JSON type): the model's type must still be enforced.
    bool rejected = !r.transport_error && r.status >= 400 && r.status < 500;
    b.judge(rejected, want.rule, "rejected", spec::Provenance::Model, "a 4xx answer", describe_answer(r), idx);
  }
  if (c.value("sensitive", false) && c.contains("value") && c["value"].is_string()) {
    const std::string& v = c["value"].get_ref<const std::string&>();
    if (v.size() >= 3 && r.message) {
      bool echoed = r.message->find(v) != std::string::npos;
      b.judge(!echoed, want.rule, "no-sensitive-echo", spec::Provenance::Model, "the message does not contain the @sensitive value",
              echoed ? "value echoed in: " + r.message->substr(0, 300) : "not echoed", idx);
    }
  }
  return b.finish();
}

}  // namespace

CheckDef make_negative_rejection_check() {
  CheckDef d;
  d.name = "negative_rejection";
  d.description = "Each input constraint violated alone is rejected with the documented error, status and message; "
                  "@sensitive values are never echoed.";
  d.not_applicable = [](const Scope& scope) -> std::optional<std::string> {
    if (gen::violations_of(scope.op, scope.violations)->empty()) return "the operation's input admits no single-constraint violation";
    return std::nullopt;
  };
  d.generate = generate_negative_rejection;
  d.run = run_negative_rejection;
  return d;
}

}  // namespace conform::oracle
