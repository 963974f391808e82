// unknown_resource and malformed_identifier: the spec's rules for those situations, each with its probe
// value (a template, optionally transformed by valueReplace/valueWith). A probe that needs fixture
// variables (e.g. a live ARN with a fresh id) acquires the operation's fixture first.
#include <regex>

#include "harness/gen/valid_input.h"
#include "harness/oracle/check_support.h"
#include "harness/oracle/checks.h"

namespace conform::oracle {

namespace {

std::vector<const spec::Rule*> probe_rules(const spec::Operation& op, spec::Situation s) {
  std::vector<const spec::Rule*> out;
  for (const auto* r : op.rules_for(s))
    if (r->member && r->value) out.push_back(r);
  return out;
}

rc::Gen<Json> generate_identifier_probes(const Scope& scope, spec::Situation s) {
  auto rules = probe_rules(scope.op, s);
  std::vector<std::string> ids;
  for (const auto* r : rules) ids.push_back(r->id);
  if (ids.empty()) return rc::gen::just(Json{{"rule", nullptr}});
  const spec::Operation* op = &scope.op;
  // Bound members get values by shape (the probe may need no fixture); omitted ones stay out.
  return rc::gen::map(rc::gen::pair(rc::gen::elementOf(ids), gen::valid_input(*op, gen::omitted_members(*op))),
                      [](const std::pair<std::string, Json>& p) { return Json{{"rule", p.first}, {"input", p.second}}; });
}

// The probe value: value template expanded, then valueReplace -> valueWith.
std::optional<std::string> probe_value(const spec::Rule& r, const fixture::Variables& vars, std::vector<std::string>* missing) {
  std::string v = fixture::expand_string(*r.value, vars, missing);
  if (r.value_replace) {
    std::string with = fixture::expand_string(r.value_with.value_or(""), vars, missing);
    std::string escaped;
    for (char ch : with) {
      if (ch == '$') escaped += '$';
      escaped += ch;
    }
    try {
      v = std::regex_replace(v, std::regex(*r.value_replace, std::regex::ECMAScript), escaped);
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  return v;
}

CaseResult run_identifier_probes(const char* name, const Scope& scope, const Json& c, Session& session) {
  CaseBuilder b(name, scope, session, c);
  const spec::Rule* rule = nullptr;
  if (c.contains("rule") && c["rule"].is_string())
    for (const auto& r : scope.op.rules)
      if (r.id == c["rule"].get<std::string>()) rule = &r;
  if (!rule || !rule->member || !rule->value) {
    b.not_run("no rule with a probe value for this situation");
    return b.finish();
  }
  fixture::Variables vars = session.fixtures.builtins();
  Json input = c.value("input", Json::object());
  std::vector<std::string> missing;
  probe_value(*rule, vars, &missing);
  if (!missing.empty()) {
    if (!scope.op.lifecycle) {
      b.not_run("probe value needs ${" + missing.front() + "} but the operation has no fixture");
      return b.finish();
    }
    auto inst = b.acquire(scope.op.lifecycle->fixture);
    if (!inst) return b.finish();
    for (const auto& [k, v] : inst->vars.all()) vars.set(k, v);
    input = bind_input(scope.op, input, vars);
  }
  missing.clear();
  auto value = probe_value(*rule, vars, &missing);
  if (!value || !missing.empty()) {
    b.not_run("probe value of rule " + rule->id + " could not be made");
    return b.finish();
  }
  input[*rule->member] = *value;
  b.set_context(spec::to_string(rule->situation));
  int idx = -1;
  auto r = b.call(scope.op, input, "probe", &idx);
  judge_answer(b, scope.op, rule->id, Expected::from(rule->expect), r, idx, with_probe(vars, Json(*value)));
  return b.finish();
}

CheckDef make(const char* name, const char* description, spec::Situation s) {
  CheckDef d;
  d.name = name;
  d.description = description;
  d.not_applicable = [s](const Scope& scope) -> std::optional<std::string> {
    if (probe_rules(scope.op, s).empty()) return std::string("no ") + spec::to_string(s) + " rule with a probe value";
    return std::nullopt;
  };
  d.generate = [s](const Scope& scope) { return generate_identifier_probes(scope, s); };
  d.run = [name](const Scope& scope, const Json& c, Session& session) { return run_identifier_probes(name, scope, c, session); };
  return d;
}

}  // namespace

CheckDef make_unknown_resource_check() {
  return make("unknown_resource", "A well-formed identifier that was never issued gets the documented not-found answer.",
              spec::Situation::UnknownResource);
}

CheckDef make_malformed_identifier_check() {
  return make("malformed_identifier", "An identifier that is not well-formed gets the documented answer.",
              spec::Situation::MalformedIdentifier);
}

}  // namespace conform::oracle
