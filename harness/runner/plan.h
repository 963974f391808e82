// Planning: which operations and checks a run covers, and its work units (operation x check x example).
//
// Promises: the plan depends only on the specs, the registry, the filters, the seed, the example count
// and the shard: cells are operations in spec order (sorted by id) x checks in registry order; units are
// example-major (example 0 of every applicable cell, then example 1, ...); each unit carries its ordinal
// in the unsharded plan and a seed from unit_seed() (independent of the order). Filters accept an
// operation id (stepfunctions.StopExecution), a bare operation name (StopExecution) or a service name
// (stepfunctions); checks by registry name. An unknown name is an error with a "did you mean".
// Without --ops every operation is planned. never throws.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "harness/oracle/check.h"
#include "harness/runner/shard.h"
#include "harness/spec/model.h"

namespace conform::runner {

struct WorkUnit {
  size_t ordinal = 0;      // position in the unsharded plan
  size_t cell = 0;         // index into Plan::cells
  int example = 0;
  uint64_t seed = 0;
  int size = 0;            // RapidCheck size for generation
};

struct CellPlan {
  size_t op_index = 0, check_index = 0;
  std::optional<std::string> not_applicable;  // reason
  std::optional<std::string> not_implemented;  // the target's answer to the implementation probe
  int units_total = 0;     // in the unsharded plan
  int units_in_shard = 0;
};

struct Plan {
  std::vector<const spec::Operation*> ops;
  std::vector<const oracle::CheckDef*> checks;
  std::vector<CellPlan> cells;    // ops x checks, row-major
  std::vector<WorkUnit> units;    // this shard's units, in ordinal (example-major) order
  size_t units_total = 0;         // unsharded
  // Values the checks derive from the specs, shared by the run's cells (see oracle::Scope).
  std::shared_ptr<gen::ViolationMemo> violations = std::make_shared<gen::ViolationMemo>();
};

struct PlanRequest {
  const spec::SpecSet* specs = nullptr;
  const std::vector<oracle::CheckDef>* registry = nullptr;
  std::vector<std::string> ops, checks;
  uint64_t seed = 1;
  int examples = 10;
  Shard shard;
};

std::optional<std::vector<const spec::Operation*>> select_operations(const spec::SpecSet& specs,
                                                                     const std::vector<std::string>& filter,
                                                                     std::string* error);
std::optional<std::vector<const oracle::CheckDef*>> select_checks(const std::vector<oracle::CheckDef>& registry,
                                                                  const std::vector<std::string>& filter,
                                                                  std::string* error);
std::optional<Plan> make_plan(const PlanRequest& request, std::string* error);
// Marks every cell of operation `op_index` not implemented (with the target's answer) and drops its
// units from the plan; units_total is unchanged (the plan as made).
void mark_not_implemented(Plan& plan, size_t op_index, const std::string& evidence);

}  // namespace conform::runner
