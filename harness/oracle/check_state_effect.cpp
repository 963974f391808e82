// state_effect: the read-back of a live resource satisfies lifecycle.whileLive; after a successful call
// the read-back satisfies afterClose (closing operations) or still whileLive (the others).
#include "harness/gen/valid_input.h"
#include "harness/oracle/check_support.h"
#include "harness/oracle/checks.h"
#include "harness/oracle/state_assertion.h"

namespace conform::oracle {

namespace {

rc::Gen<Json> generate_state_effect(const Scope& scope) {
  // Mostly with every optional member sent, so echoes (equalsInput) are observed.
  const spec::Operation* op = &scope.op;
  auto full = rc::gen::map(gen::valid_input_all_members(*op), [](const Json& in) {
    return Json{{"mode", "all-members"}, {"input", in}};
  });
  auto random = rc::gen::map(gen::valid_input(*op), [](const Json& in) { return Json{{"mode", "random"}, {"input", in}}; });
  return rc::gen::weightedOneOf<Json>({{1, random}, {2, full}});
}

void assert_all(CaseBuilder& b, const std::vector<spec::StateAssertion>& list, const char* phase,
                const ReadBackResult& rb, const Json& input, const fixture::Variables& vars) {
  Json doc = rb.response.ok() ? success_body(rb.response) : Json();
  for (const auto& a : list) {
    if (a.error) {  // the resource is gone: the read-back must answer this error
      const std::string observed = describe_answer(rb.response);
      b.judge(!rb.response.ok() && rb.response.error && rb.response.error->code == *a.error, phase,
              kStateAnswersFacet + *a.error, a.provenance, *a.error, observed, rb.index);
      continue;
    }
    if (!rb.response.ok()) {
      b.judge(false, phase, kStateFacet + a.pointer, a.provenance, "a successful read-back", describe_answer(rb.response), rb.index);
      continue;
    }
    auto o = evaluate(a, doc, input, vars);
    b.judge(o.ok, phase, kStateFacet + a.pointer, o.provenance, o.expected, o.observed, rb.index);
  }
}

CaseResult run_state_effect(const Scope& scope, const Json& c, Session& session) {
  CaseBuilder b("state_effect", scope, session, c);
  const auto& lc = *scope.op.lifecycle;
  auto inst = b.acquire(lc.fixture);
  if (!inst) return b.finish();
  Json input = bind_input(scope.op, c.value("input", Json::object()), inst->vars);
  // A live resource read back wrong: the read-back answers wrong (the call under test was not made yet).
  b.set_context("state", "", lc.read_back ? scope.op.service + "." + lc.read_back->operation : "");
  if (auto before = read_back(b, scope.op, inst->vars)) assert_all(b, lc.while_live, "whileLive", *before, input, inst->vars);
  b.set_context("valid");
  std::string rule;
  Expected valid = valid_expectation(scope.op, &rule);
  int idx = -1;
  auto r = b.call(scope.op, input, "probe", &idx);
  judge_answer(b, scope.op, rule, valid, r, idx, inst->vars);
  if (!r.ok()) return b.finish();
  // After the call, the state is what the call under test left: a close blames the closer.
  b.set_context("state", lc.closes ? scope.op.id() : "", scope.op.id());
  if (auto after = read_back(b, scope.op, inst->vars)) {
    if (lc.closes) assert_all(b, lc.after_close, "afterClose", *after, input, inst->vars);
    else assert_all(b, lc.while_live, "whileLive(after call)", *after, input, inst->vars);
  }
  return b.finish();
}

}  // namespace

CheckDef make_state_effect_check() {
  CheckDef d;
  d.name = "state_effect";
  d.description = "The read-back satisfies whileLive before the call and afterClose after a successful close.";
  d.not_applicable = [](const Scope& scope) -> std::optional<std::string> {
    if (!scope.op.lifecycle || !scope.op.lifecycle->read_back) return "the operation has no lifecycle read-back";
    if (scope.op.lifecycle->after_close.empty() && scope.op.lifecycle->while_live.empty()) return "no state assertions";
    return std::nullopt;
  };
  d.generate = generate_state_effect;
  d.run = [](const Scope& scope, const Json& c, Session& session) {
    if (!scope.op.lifecycle) {
      CaseBuilder b("state_effect", scope, session, c);
      b.not_run("the operation has no lifecycle");
      return b.finish();
    }
    return run_state_effect(scope, c, session);
  };
  return d;
}

}  // namespace conform::oracle
