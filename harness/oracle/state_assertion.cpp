#include "harness/oracle/state_assertion.h"

#include "harness/oracle/case_builder.h"

namespace conform::oracle {

namespace {

// Semantic equality of two JSON values as a target may render them: object members in any order,
// numbers by value (1 == 1.0), and a string holding JSON equal to the same JSON as a value or string.
bool json_equal(const Json& a, const Json& b, int depth = 0) {
  if (depth > 64) return a == b;
  if (a.is_object() && b.is_object()) {
    if (a.size() != b.size()) return false;
    for (auto it = a.begin(); it != a.end(); ++it) {
      auto other = b.find(it.key());
      if (other == b.end() || !json_equal(it.value(), *other, depth + 1)) return false;
    }
    return true;
  }
  if (a.is_array() && b.is_array()) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
      if (!json_equal(a[i], b[i], depth + 1)) return false;
    return true;
  }
  if (a == b) return true;
  if (a.is_string() && b.is_string()) {
    const auto& x = a.get_ref<const std::string&>();
    const auto& y = b.get_ref<const std::string&>();
    if (Json::accept(x) && Json::accept(y)) return json_equal(Json::parse(x), Json::parse(y), depth + 1);
  }
  if (a.is_number() && b.is_number()) return a.get<double>() == b.get<double>();
  return false;
}

// Whether a close input carried `member`: null and an empty object are what SDKs send for "not given"
// (botocore serialises an absent payload structure as {}), so neither counts as sent.
bool was_sent(const Json& input, const std::string& member) {
  if (!input.is_object()) return false;
  auto it = input.find(member);
  return it != input.end() && !it->is_null() && !(it->is_object() && it->empty());
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
    if (!was_sent(input, *a.equals_input)) {
      *expected = a.pointer + " absent (" + *a.equals_input + " not sent)";
      return !v || v->is_null();
    }
    const Json& sent = input.at(*a.equals_input);
    *expected = a.pointer + " = " + sent.dump().substr(0, 200) + " (as sent in " + *a.equals_input + ")";
    return v && json_equal(*v, sent);
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
