// The check registry: each check is one small named scenario (Schemathesis-style) that generates cases
// from the specs with RapidCheck, sends them through a Caller, and judges the answers.
//
// Promises: names are stable (they appear in every report line and in --checks); run() never throws and
// records every exchange it made; a case whose fixture cannot be obtained yields a NotRun result with
// the reason, never a Pass. generate() depends only on the specs and the scope, so the same seed yields
// the same cases; failing cases shrink through the Gen's shrink tree (the runner drives shrinking).
#pragma once

#include <optional>
#include <rapidcheck.h>
#include <string>
#include <vector>

#include "harness/fixture/fixture_runner.h"
#include "harness/gen/violation.h"
#include "harness/oracle/finding.h"
#include "harness/spec/model.h"
#include "harness/transport/caller.h"

namespace conform::oracle {

using spec::Json;

// What a check is applied to.
struct Scope {
  const spec::SpecSet& specs;
  const spec::Service& service;
  const spec::Operation& op;
  gen::ViolationMemo* violations = nullptr;  // the run's (Plan::violations); null: computed each time
};

// What a check may use while running one case.
struct Session {
  transport::Caller& caller;
  fixture::FixtureRunner& fixtures;
  int concurrency = 4;                 // for concurrent_close: simultaneous closes
  // A factory for extra Callers (concurrent_close needs one per thread).
  std::function<std::unique_ptr<transport::Caller>()> make_caller;
};

struct CheckDef {
  std::string name;
  std::string description;
  // nullopt if the check applies to the operation; otherwise why not (reported as "not applicable",
  // which is neither pass nor not-run: e.g. idempotence for an operation without a lifecycle).
  std::function<std::optional<std::string>(const Scope&)> not_applicable;
  std::function<rc::Gen<Json>(const Scope&)> generate;
  std::function<CaseResult(const Scope&, const Json& case_input, Session&)> run;
};

// Every check, in a fixed order.
const std::vector<CheckDef>& registry();
const CheckDef* find_check(const std::string& name);

}  // namespace conform::oracle
