// positive_acceptance (+ response_shape): valid random requests, bound to a fresh live fixture when the
// operation has a lifecycle (not applicable with neither a lifecycle nor a `valid` rule), including every free string at its exact min or max length in ASCII, 2-3
// byte and 4-byte characters, must succeed per the `valid` rule, and the output must match the model's
// output shape.
#include "harness/gen/valid_input.h"
#include "harness/oracle/check_support.h"
#include "harness/oracle/checks.h"

namespace conform::oracle {

namespace {

rc::Gen<Json> generate_positive_acceptance(const Scope& scope) {
  const spec::Operation* op = &scope.op;
  auto tag = [](std::string mode) {
    return [mode](const std::pair<Json, gen::Alphabet>& p) {
      return Json{{"mode", mode}, {"alphabet", gen::to_string(p.second)}, {"input", p.first}};
    };
  };
  auto random = rc::gen::map(gen::valid_input(*op), [](const Json& in) { return Json{{"mode", "random"}, {"input", in}}; });
  auto at = [op, tag](gen::Bound bound, const char* mode) {
    return rc::gen::map(rc::gen::mapcat(gen::any_alphabet(), [op, bound](gen::Alphabet a) {
                          return rc::gen::map(gen::valid_input_at_bounds(*op, bound, a), [a](const Json& in) { return std::make_pair(in, a); });
                        }),
                        tag(mode));
  };
  return rc::gen::weightedOneOf<Json>({{2, random}, {2, at(gen::Bound::Max, "max-length")}, {1, at(gen::Bound::Min, "min-length")}});
}

CaseResult run_positive_acceptance(const Scope& scope, const Json& c, Session& session) {
  CaseBuilder b("positive_acceptance", scope, session, c);
  b.set_context("valid");
  Json input = c.value("input", Json::object());
  fixture::Variables vars = session.fixtures.builtins();
  if (scope.op.lifecycle) {
    auto inst = b.acquire(scope.op.lifecycle->fixture);
    if (!inst) return b.finish();
    vars = inst->vars;
    input = bind_input(scope.op, input, vars);
  }
  std::string rule;
  Expected e = valid_expectation(scope.op, &rule);
  int idx = -1;
  auto r = b.call(scope.op, input, "probe", &idx);
  judge_answer(b, scope.op, rule, e, r, idx, vars);
  return b.finish();
}

}  // namespace

CheckDef make_positive_acceptance_check() {
  CheckDef d;
  d.name = "positive_acceptance";
  d.description = "Valid requests (exact min/max lengths with multibyte characters included) succeed and the "
                  "output matches the modeled shape (facet response_shape).";
  d.not_applicable = [](const Scope& scope) -> std::optional<std::string> {
    const spec::Rule* r = rule_for(scope.op, spec::Situation::Valid);
    if (r && !r->expect.success()) return "the valid rule expects an error";
    // Without a lifecycle there is no live resource to aim at; only an explicit `valid` rule says that a
    // request standing alone succeeds (an imported spec has neither: judging it would be a false positive).
    if (!scope.op.lifecycle && !r) return "no lifecycle gives a live resource and no `valid` rule says a request succeeds without one";
    return std::nullopt;
  };
  d.generate = generate_positive_acceptance;
  d.run = run_positive_acceptance;
  return d;
}

}  // namespace conform::oracle
