// Fake checks for runner tests: deterministic verdicts without depending on the real registry.
#pragma once

#include <rapidcheck.h>

#include "harness/oracle/check.h"

namespace conform::testing {

using spec::Json;

inline oracle::Finding fake_finding(const std::string& check, const oracle::Scope& scope, const std::string& rule,
                                    oracle::Verdict verdict, spec::Provenance provenance, const std::string& expected,
                                    const std::string& observed) {
  oracle::Finding f;
  f.check = check;
  f.operation = scope.op.id();
  f.rule = rule;
  f.facet = "value";
  f.verdict = verdict;
  f.provenance = provenance;
  f.expected = expected;
  f.observed = observed;
  f.message = "fake finding of " + check;
  return f;
}

inline rc::Gen<Json> name_gen() {
  return rc::gen::map(rc::gen::pair(rc::gen::container<std::string>(rc::gen::inRange('a', 'z')),
                                    rc::gen::container<std::vector<int>>(rc::gen::inRange(0, 100))),
                      [](const std::pair<std::string, std::vector<int>>& p) {
                        Json j = Json::object();
                        j["name"] = p.first;
                        j["items"] = p.second;
                        return j;
                      });
}

// fake_pass: always passes. fake_long_name: a violation when the generated name has 3 or more characters.
// fake_soft: always unconfirmed. fake_not_run: never runs. fake_na: not applicable anywhere.
// fake_call: sends the operation with an empty input (a real request) and passes.
inline const std::vector<oracle::CheckDef>& fake_registry() {
  static const std::vector<oracle::CheckDef> registry = [] {
    std::vector<oracle::CheckDef> r;
    auto result_for = [](const std::string& check, const oracle::Scope& scope, const Json& input) {
      oracle::CaseResult result;
      result.check = check;
      result.operation = scope.op.id();
      result.case_input = input;
      return result;
    };
    r.push_back({"fake_pass", "always passes", nullptr, [](const oracle::Scope&) { return name_gen(); },
                 [=](const oracle::Scope& s, const Json& in, oracle::Session&) {
                   auto res = result_for("fake_pass", s, in);
                   res.findings.push_back(fake_finding("fake_pass", s, "ok", oracle::Verdict::Pass,
                                                       spec::Provenance::Model, "anything", "anything"));
                   return res;
                 }});
    r.push_back({"fake_long_name", "names shorter than 3", nullptr, [](const oracle::Scope&) { return name_gen(); },
                 [=](const oracle::Scope& s, const Json& in, oracle::Session&) {
                   auto res = result_for("fake_long_name", s, in);
                   std::string name = in.value("name", "");
                   bool bad = name.size() >= 3;
                   res.findings.push_back(fake_finding("fake_long_name", s, "name-length",
                                                       bad ? oracle::Verdict::Violation : oracle::Verdict::Pass,
                                                       spec::Provenance::Measured, "a name shorter than 3", name));
                   return res;
                 }});
    r.push_back({"fake_soft", "always unconfirmed", nullptr, [](const oracle::Scope&) { return name_gen(); },
                 [=](const oracle::Scope& s, const Json& in, oracle::Session&) {
                   auto res = result_for("fake_soft", s, in);
                   res.findings.push_back(fake_finding("fake_soft", s, "soft-rule", oracle::Verdict::Unconfirmed,
                                                       spec::Provenance::Inferred, "guess", "other"));
                   return res;
                 }});
    r.push_back({"fake_not_run", "never runs", nullptr, [](const oracle::Scope&) { return name_gen(); },
                 [=](const oracle::Scope& s, const Json& in, oracle::Session&) {
                   auto res = result_for("fake_not_run", s, in);
                   res.not_run = true;
                   res.not_run_reason = "fixture unavailable (fake)";
                   return res;
                 }});
    r.push_back({"fake_na", "not applicable",
                 [](const oracle::Scope&) { return std::optional<std::string>("no lifecycle (fake)"); },
                 [](const oracle::Scope&) { return name_gen(); },
                 [=](const oracle::Scope& s, const Json& in, oracle::Session&) { return result_for("fake_na", s, in); }});
    r.push_back({"fake_call", "sends the operation with an empty input", nullptr,
                 [](const oracle::Scope&) { return name_gen(); },
                 [=](const oracle::Scope& s, const Json& in, oracle::Session& session) {
                   auto res = result_for("fake_call", s, in);
                   session.caller.call(s.service, s.op, Json::object());
                   res.findings.push_back(fake_finding("fake_call", s, "sent", oracle::Verdict::Pass,
                                                       spec::Provenance::Model, "", ""));
                   return res;
                 }});
    return r;
  }();
  return registry;
}

}  // namespace conform::testing
