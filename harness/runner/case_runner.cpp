#include "harness/runner/case_runner.h"

#include "harness/gen/generation_lock.h"

namespace conform::runner {

namespace {

oracle::CaseResult not_run(const std::string& check, const std::string& op, const std::string& reason) {
  oracle::CaseResult r;
  r.check = check;
  r.operation = op;
  r.not_run = true;
  r.not_run_reason = reason;
  return r;
}

struct UnitScope {
  const spec::Operation* op;
  const spec::Service* service;
  const oracle::CheckDef* check;
};

UnitScope scope_of(const CaseContext& context, const WorkUnit& unit) {
  const CellPlan& cell = context.plan.cells[unit.cell];
  const spec::Operation* op = context.plan.ops[cell.op_index];
  return {op, context.specs.find_service(op->service), context.plan.checks[cell.check_index]};
}

}  // namespace

std::optional<rc::Gen<spec::Json>> CellGenerators::get(const spec::SpecSet& specs, const Plan& plan, size_t cell,
                                                       std::string* error) {
  auto lock = gen::hold_generation_lock();
  auto found = built_.find(cell);
  if (found == built_.end()) {
    const CellPlan& c = plan.cells[cell];
    const spec::Operation* op = plan.ops[c.op_index];
    const oracle::CheckDef* check = plan.checks[c.check_index];
    const spec::Service* service = specs.find_service(op->service);
    Built b;
    if (!service || !check->generate) {
      b.error = "the check has no generator for this operation";
    } else {
      try {
        b.gen = check->generate(oracle::Scope{specs, *service, *op, plan.violations.get()});
      } catch (const std::exception& e) {
        b.error = std::string("case generation failed: ") + e.what();
      } catch (...) {
        b.error = "case generation failed";
      }
    }
    found = built_.emplace(cell, std::move(b)).first;
  }
  if (!found->second.gen && error) *error = found->second.error;
  return found->second.gen;
}

std::optional<rc::Shrinkable<spec::Json>> generate_case(const CaseContext& context, const WorkUnit& unit,
                                                        std::string* error) {
  auto gen = context.generators->get(context.specs, context.plan, unit.cell, error);
  if (!gen) return std::nullopt;
  try {
    auto lock = gen::hold_generation_lock();
    rc::Shrinkable<spec::Json> shrinkable = (*gen)(rc::Random(unit.seed), unit.size);
    (void)shrinkable.value();  // surfaces a generation failure here rather than later
    return shrinkable;
  } catch (const std::exception& e) {
    if (error) *error = std::string("case generation failed: ") + e.what();
  } catch (...) {
    if (error) *error = "case generation failed";
  }
  return std::nullopt;
}

oracle::CaseResult run_check_case(const oracle::CheckDef& check, const oracle::Scope& scope, const spec::Json& input,
                                  fixture::FixtureRunner& fixtures, transport::Caller& caller, int concurrency,
                                  const std::function<std::unique_ptr<transport::Caller>()>& make_caller) {
  const std::string op_id = scope.op.id();
  if (!check.run) return not_run(check.name, op_id, "the check has no run function");
  caller.take_exchanges();  // start from an empty log
  oracle::Session session{caller, fixtures, concurrency, make_caller};
  oracle::CaseResult result;
  try {
    result = check.run(scope, input, session);
  } catch (const std::exception& e) {
    result = not_run(check.name, op_id, std::string("the check failed internally: ") + e.what());
  } catch (...) {
    result = not_run(check.name, op_id, "the check failed internally");
  }
  auto logged = caller.take_exchanges();
  if (result.exchanges.empty()) result.exchanges = std::move(logged);
  if (result.check.empty()) result.check = check.name;
  if (result.operation.empty()) result.operation = op_id;
  if (result.case_input.is_null()) result.case_input = input;
  return result;
}

oracle::CaseResult run_case(const CaseContext& context, const WorkUnit& unit, const spec::Json& input,
                            transport::Caller& caller) {
  UnitScope s = scope_of(context, unit);
  if (!s.service) return not_run(s.check->name, s.op->id(), "the service '" + s.op->service + "' has no spec");
  oracle::Scope scope{context.specs, *s.service, *s.op, context.plan.violations.get()};
  return run_check_case(*s.check, scope, input, context.fixtures, caller, context.concurrency, context.make_caller);
}

UnitRun run_unit(const CaseContext& context, const WorkUnit& unit, transport::Caller& caller) {
  std::string error;
  auto shrinkable = generate_case(context, unit, &error);
  if (!shrinkable) {
    UnitScope s = scope_of(context, unit);
    return {not_run(s.check->name, s.op->id(), error)};
  }
  spec::Json input;
  try {
    auto lock = gen::hold_generation_lock();
    input = shrinkable->value();
  } catch (...) {
    UnitScope s = scope_of(context, unit);
    return {not_run(s.check->name, s.op->id(), "case generation failed")};
  }
  return {run_case(context, unit, input, caller)};
}

}  // namespace conform::runner
