// Running one case of one check: generate its input from the unit's seed, run the check through a
// Caller, and return the CaseResult with every exchange it made.
//
// Promises: never throws. A generator or check that throws gives a not-run result naming the problem
// (a harness bug is never reported as a pass or as a contract violation). The Caller's exchange log is
// cleared after each case, so memory stays flat over long runs. Generation depends only on the unit's
// seed and size.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <rapidcheck.h>
#include <string>

#include "harness/fixture/fixture_runner.h"
#include "harness/oracle/check.h"
#include "harness/runner/plan.h"

namespace conform::runner {

// The generator of each cell, built on first use and reused for every example of the cell (building one
// can be costly: a violation generator probes every constraint of the operation once).
class CellGenerators {
 public:
  // The cell's generator; nullopt (and `error`) when the check has none or building it failed.
  std::optional<rc::Gen<spec::Json>> get(const spec::SpecSet& specs, const Plan& plan, size_t cell, std::string* error);

 private:
  struct Built {
    std::optional<rc::Gen<spec::Json>> gen;
    std::string error;  // why gen is absent
  };
  // Guarded by the generation lock (gen/generation_lock.h), which building a generator needs anyway.
  std::map<size_t, Built> built_;
};

struct CaseContext {
  const spec::SpecSet& specs;
  const Plan& plan;
  fixture::FixtureRunner& fixtures;
  int concurrency = 4;
  std::function<std::unique_ptr<transport::Caller>()> make_caller;
  std::shared_ptr<CellGenerators> generators = std::make_shared<CellGenerators>();
};

struct UnitRun {
  oracle::CaseResult result;
};

// The check's case for the unit (nullopt and `error` when generation failed).
std::optional<rc::Shrinkable<spec::Json>> generate_case(const CaseContext& context, const WorkUnit& unit,
                                                        std::string* error);
oracle::CaseResult run_case(const CaseContext& context, const WorkUnit& unit, const spec::Json& input,
                            transport::Caller& caller);
UnitRun run_unit(const CaseContext& context, const WorkUnit& unit, transport::Caller& caller);

// The check on one input, outside any plan (replay uses it).
oracle::CaseResult run_check_case(const oracle::CheckDef& check, const oracle::Scope& scope, const spec::Json& input,
                                  fixture::FixtureRunner& fixtures, transport::Caller& caller, int concurrency,
                                  const std::function<std::unique_ptr<transport::Caller>()>& make_caller);

}  // namespace conform::runner
