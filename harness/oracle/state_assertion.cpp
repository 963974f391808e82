#include "harness/oracle/state_assertion.h"

#include "harness/oracle/case_builder.h"

namespace conform::oracle {

namespace {

bool json_equal(const Json& a, const Json& b) {
  if (a == b) return true;
  if (a.is_string() && b.is_string()) {
    const auto& x = a.get_ref<const std::string&>();
    const auto& y = b.get_ref<const std::string&>();
    if (Json::accept(x) && Json::accept(y)) return Json::parse(x) == Json::parse(y);
  }
  if (a.is_number() && b.is_number()) return a.get<double>() == b.get<double>();
  return false;
}

std::string show(const Json* v) { return v ? v->dump().substr(0, 200) : "(absent)"; }

bool holds(const spec::StateAssertion& a, const Json& doc, const Json& input, const fixture::Variables& vars,
           std::string* expected, std::string* observed, bool hard_only);

bool some_holds(const spec::StateAssertion& a, const Json* arr, const Json& input, const fixture::Variables& vars, bool hard_only) {
  if (!arr || !arr->is_array()) return false;
  for (const auto& el : *arr) {
    bool all = true;
    for (const auto& n : a.some) {
      if (hard_only && !spec::is_hard(n.provenance)) continue;
      std::string e, o;
      if (!holds(n, el, input, vars, &e, &o, hard_only)) { all = false; break; }
    }
    if (all) return true;
  }
  return false;
}

bool holds(const spec::StateAssertion& a, const Json& doc, const Json& input, const fixture::Variables& vars,
           std::string* expected, std::string* observed, bool hard_only) {
  const Json* v = json_at(doc, a.pointer);
  *observed = a.pointer + " = " + show(v);
  if (!a.some.empty()) {
    *expected = a.pointer + ": some element satisfies every nested assertion";
    if (v && v->is_array()) *observed = a.pointer + ": " + std::to_string(v->size()) + " elements, none satisfies all";
    return some_holds(a, v, input, vars, hard_only);
  }
  if (a.equals) {
    Json want = fixture::expand(*a.equals, vars);
    *expected = a.pointer + " = " + want.dump().substr(0, 200);
    return v && json_equal(*v, want);
  }
  if (a.equals_input) {
    auto it = input.is_object() ? input.find(*a.equals_input) : input.end();
    bool sent = input.is_object() && it != input.end() && !it->is_null();
    if (!sent) {
      *expected = a.pointer + " absent (" + *a.equals_input + " not sent)";
      return !v || v->is_null();
    }
    *expected = a.pointer + " = " + it->dump().substr(0, 200) + " (as sent in " + *a.equals_input + ")";
    return v && json_equal(*v, *it);
  }
  if (a.present) {
    *expected = a.pointer + (*a.present ? " present" : " absent");
    bool there = v && !v->is_null();
    return there == *a.present;
  }
  *expected = a.pointer + " (no condition)";
  return true;
}

}  // namespace

AssertionOutcome evaluate(const spec::StateAssertion& a, const Json& doc, const Json& close_input, const fixture::Variables& vars) {
  AssertionOutcome out;
  out.provenance = a.provenance;
  out.ok = holds(a, doc, close_input, vars, &out.expected, &out.observed, false);
  if (!out.ok && !a.some.empty()) {
    bool any_soft = false;
    for (const auto& n : a.some) any_soft |= !spec::is_hard(n.provenance);
    if (any_soft && some_holds(a, json_at(doc, a.pointer), close_input, vars, true)) out.provenance = spec::Provenance::Inferred;
  }
  return out;
}

}  // namespace conform::oracle
