// closed_token_idempotence: acquire a live resource, close it with one closer (this operation or a
// sibling on the same fixture; every closer gets its turn across cases), expect that close to succeed,
// snapshot the read-back, then repeat this operation with the same and with a different payload and call
// every sibling, each judged by its own `closed` rule; the read-back must stay as it was after the first
// close. A "timed-out" case instead acquires lifecycle.timedOutFixture and judges the `timed-out` rule.
#include "harness/gen/valid_input.h"
#include "harness/oracle/check_support.h"
#include "harness/oracle/checks.h"

namespace conform::oracle {

namespace {

bool has_timed_out_case(const spec::Operation& op) {
  return op.lifecycle && op.lifecycle->timed_out_fixture && rule_for(op, spec::Situation::TimedOut);
}

rc::Gen<Json> generate_closed_token_idempotence(const Scope& scope) {
  auto sibs = siblings(scope);
  std::vector<std::string> closer_names;
  for (const auto* c : closers(scope)) closer_names.push_back(c->name);
  if (closer_names.empty()) return rc::gen::just(Json{{"mode", "none"}});
  const spec::Operation* op = &scope.op;
  auto closed = rc::gen::exec([op, sibs, closer_names]() {
    Json c{{"mode", "closed"}};
    std::string closer = *rc::gen::elementOf(closer_names);
    c["closer"] = closer;
    Json inputs = Json::object();
    for (const auto* s : sibs) inputs[s->name] = *gen::valid_input(*s);
    c["closeInput"] = inputs[closer];
    c["inputs"] = inputs;
    c["different"] = *gen::valid_input(*op);
    return c;
  });
  if (!has_timed_out_case(*op)) return closed;
  auto timed_out = rc::gen::map(gen::valid_input(*op), [](const Json& in) { return Json{{"mode", "timed-out"}, {"input", in}}; });
  return rc::gen::weightedOneOf<Json>({{5, closed}, {1, timed_out}});
}

void run_timed_out(CaseBuilder& b, const Scope& scope, const Json& c) {
  const spec::Rule* rule = rule_for(scope.op, spec::Situation::TimedOut);
  if (!rule || !scope.op.lifecycle->timed_out_fixture) {
    b.not_run("no timed-out rule or timedOutFixture");
    return;
  }
  auto inst = b.acquire(*scope.op.lifecycle->timed_out_fixture);
  if (!inst) return;
  b.set_context("timed-out");
  int idx = -1;
  auto r = b.call(scope.op, bind_input(scope.op, c.value("input", Json::object()), inst->vars), "probe", &idx);
  judge_answer(b, scope.op, rule->id, Expected::from(rule->expect), r, idx, inst->vars);
}

void run_closed(CaseBuilder& b, const Scope& scope, const Json& c) {
  const spec::Operation* closer = scope.specs.find_operation(scope.op.service, c.value("closer", ""));
  if (!closer || !closer->lifecycle) {
    b.not_run("unknown closer " + c.value("closer", ""));
    return;
  }
  auto inst = b.acquire(scope.op.lifecycle->fixture);
  if (!inst) return;
  const fixture::Variables& vars = inst->vars;
  const Json inputs = c.value("inputs", Json::object());

  // The first close.
  b.set_context("valid");
  std::string valid_rule;
  Expected valid = valid_expectation(*closer, &valid_rule);
  int idx = -1;
  auto first = b.call(*closer, bind_input(*closer, c.value("closeInput", Json::object()), vars), "probe", &idx);
  judge_answer(b, *closer, "first-close:" + closer->name + ":" + valid_rule, valid, first, idx, vars);
  if (!first.ok()) return;  // nothing was closed: the closed semantics cannot be observed
  std::map<std::string, Json> first_bodies{{closer->name, success_body(first)}};

  auto snapshot = read_back(b, scope.op, vars);
  bool have_snapshot = snapshot && snapshot->response.ok();

  struct Repeat {
    const spec::Operation* op;
    Json input;
    std::string label;
  };
  std::vector<Repeat> repeats;
  Json same = closer->name == scope.op.name ? c.value("closeInput", Json::object()) : inputs.value(scope.op.name, Json::object());
  repeats.push_back({&scope.op, same, "same-payload"});
  repeats.push_back({&scope.op, c.value("different", Json::object()), "different-payload"});
  for (const auto* s : siblings(scope))
    if (s->name != scope.op.name) repeats.push_back({s, inputs.value(s->name, Json::object()), "sibling"});

  for (const auto& rep : repeats) {
    const spec::Rule* rule = rule_for(*rep.op, spec::Situation::Closed);
    if (!rule) continue;
    std::string name = (rep.op == &scope.op ? "" : rep.op->name + ":") + rule->id + "@" + rep.label + "(closed by " + closer->name + ")";
    b.set_context("closed", closer->id(), rep.op->id());
    int i = -1;
    auto r = b.call(*rep.op, bind_input(*rep.op, rep.input, vars), "probe", &i);
    auto fb = first_bodies.find(rep.op->name);
    std::optional<Json> baseline = fb == first_bodies.end() ? std::nullopt : std::optional<Json>(fb->second);
    judge_answer(b, *rep.op, name, Expected::from(rule->expect), r, i, vars, baseline);
    if (r.ok() && fb == first_bodies.end()) first_bodies[rep.op->name] = success_body(r);
    if (have_snapshot) {
      auto now = read_back(b, scope.op, vars);
      if (now) {
        Json before = success_body(snapshot->response), after = now->response.ok() ? success_body(now->response) : Json();
        b.judge(now->response.ok() && before == after, name, "unchanged", rule->expect.provenance,
                "read-back as after the first close: " + before.dump().substr(0, 300), describe_answer(now->response) + " " + after.dump().substr(0, 300),
                now->index);
      }
    }
  }
}

CaseResult run_closed_token_idempotence(const Scope& scope, const Json& c, Session& session) {
  CaseBuilder b("closed_token_idempotence", scope, session, c);
  std::string mode = c.value("mode", "");
  if (!scope.op.lifecycle) b.not_run("the operation has no lifecycle");
  else if (mode == "timed-out") run_timed_out(b, scope, c);
  else if (mode == "closed") run_closed(b, scope, c);
  else b.not_run("no operation on this fixture closes it");
  return b.finish();
}

}  // namespace

CheckDef make_closed_token_idempotence_check() {
  CheckDef d;
  d.name = "closed_token_idempotence";
  d.description = "Once closed (by this operation or a sibling), every later call gives the documented closed answer "
                  "and changes nothing; timed-out resources give the timed-out answer.";
  d.not_applicable = [](const Scope& scope) -> std::optional<std::string> {
    if (!scope.op.lifecycle) return "the operation has no lifecycle";
    if (closers(scope).empty()) return "no operation on this fixture closes it";
    if (!rule_for(scope.op, spec::Situation::Closed) && !has_timed_out_case(scope.op)) return "no closed or timed-out rule";
    return std::nullopt;
  };
  d.generate = generate_closed_token_idempotence;
  d.run = run_closed_token_idempotence;
  return d;
}

}  // namespace conform::oracle
