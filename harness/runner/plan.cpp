#include "harness/runner/plan.h"

#include <algorithm>

#include "harness/runner/seeds.h"
#include "harness/spec/suggest.h"

namespace conform::runner {

namespace {

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

// Splits comma-separated entries too, so "a,b" and {"a","b"} mean the same.
std::vector<std::string> flatten(const std::vector<std::string>& items) {
  std::vector<std::string> out;
  for (const auto& item : items) {
    size_t start = 0;
    while (start <= item.size()) {
      size_t comma = item.find(',', start);
      if (comma == std::string::npos) comma = item.size();
      std::string part = trim(item.substr(start, comma - start));
      if (!part.empty()) out.push_back(part);
      start = comma + 1;
    }
  }
  return out;
}

// Every shipped operation is under test (whole services); the role only says what else recipes use it for.
bool is_subject(const spec::Operation&) { return true; }

}  // namespace

std::optional<std::vector<const spec::Operation*>> select_operations(const spec::SpecSet& specs,
                                                                     const std::vector<std::string>& filter,
                                                                     std::string* error) {
  std::vector<const spec::Operation*> out;
  auto names = flatten(filter);
  if (names.empty()) {
    for (const auto& op : specs.operations)
      if (is_subject(op)) out.push_back(&op);
    return out;
  }
  std::vector<bool> chosen(specs.operations.size(), false);
  for (const auto& name : names) {
    bool matched = false;
    for (size_t i = 0; i < specs.operations.size(); ++i) {
      const auto& op = specs.operations[i];
      bool by_service = op.service == name && is_subject(op);
      if (op.id() == name || op.name == name || by_service) {
        chosen[i] = true;
        matched = true;
      }
    }
    if (!matched) {
      std::vector<std::string> candidates, known;
      for (const auto& op : specs.operations) {
        candidates.push_back(op.id());
        candidates.push_back(op.name);
        if (is_subject(op)) known.push_back(op.id());
      }
      for (const auto& [service, _] : specs.services) candidates.push_back(service);
      if (error)
        *error = "--ops: no operation or service '" + name + "'" + spec::did_you_mean(name, candidates) +
                 "; operations under test: " + spec::join_names(known);
      return std::nullopt;
    }
  }
  for (size_t i = 0; i < specs.operations.size(); ++i)
    if (chosen[i]) out.push_back(&specs.operations[i]);
  return out;
}

std::optional<std::vector<const oracle::CheckDef*>> select_checks(const std::vector<oracle::CheckDef>& registry,
                                                                  const std::vector<std::string>& filter,
                                                                  std::string* error) {
  std::vector<const oracle::CheckDef*> out;
  auto names = flatten(filter);
  std::vector<bool> chosen(registry.size(), names.empty());
  for (const auto& name : names) {
    auto it = std::find_if(registry.begin(), registry.end(), [&](const oracle::CheckDef& c) { return c.name == name; });
    if (it == registry.end()) {
      std::vector<std::string> candidates;
      for (const auto& c : registry) candidates.push_back(c.name);
      if (error)
        *error = "--checks: no check '" + name + "'" + spec::did_you_mean(name, candidates) +
                 "; known checks: " + spec::join_names(candidates);
      return std::nullopt;
    }
    chosen[static_cast<size_t>(it - registry.begin())] = true;
  }
  for (size_t i = 0; i < registry.size(); ++i)
    if (chosen[i]) out.push_back(&registry[i]);
  return out;
}

void mark_not_implemented(Plan& plan, size_t op_index, const std::string& evidence) {
  for (CellPlan& cell : plan.cells) {
    if (cell.op_index != op_index) continue;
    cell.not_implemented = evidence;
    cell.units_in_shard = 0;
  }
  plan.units.erase(std::remove_if(plan.units.begin(), plan.units.end(),
                                  [&](const WorkUnit& u) { return plan.cells[u.cell].op_index == op_index; }),
                   plan.units.end());
}

std::optional<Plan> make_plan(const PlanRequest& request, std::string* error) {
  if (!request.specs || !request.registry) {
    if (error) *error = "internal: plan without specs or registry";
    return std::nullopt;
  }
  if (request.examples < 1) {
    if (error) *error = "--examples must be at least 1";
    return std::nullopt;
  }
  Plan plan;
  auto ops = select_operations(*request.specs, request.ops, error);
  if (!ops) return std::nullopt;
  auto checks = select_checks(*request.registry, request.checks, error);
  if (!checks) return std::nullopt;
  plan.ops = std::move(*ops);
  plan.checks = std::move(*checks);
  for (size_t o = 0; o < plan.ops.size(); ++o) {
    const spec::Operation& op = *plan.ops[o];
    const spec::Service* service = request.specs->find_service(op.service);
    for (size_t c = 0; c < plan.checks.size(); ++c) {
      const oracle::CheckDef& check = *plan.checks[c];
      CellPlan cell;
      cell.op_index = o;
      cell.check_index = c;
      if (!service) {
        cell.not_applicable = "the service '" + op.service + "' has no service spec";
      } else if (check.not_applicable) {
        try {
          cell.not_applicable = check.not_applicable(oracle::Scope{*request.specs, *service, op, plan.violations.get()});
        } catch (const std::exception& e) {
          cell.not_applicable = std::string("the check could not decide its applicability: ") + e.what();
        } catch (...) {
          cell.not_applicable = "the check could not decide its applicability";
        }
      }
      if (!cell.not_applicable) cell.units_total = request.examples;
      plan.cells.push_back(std::move(cell));
    }
  }
  // Example-major order: example 0 of every cell before example 1 of any, so a deviation in the last
  // operation is found as early as one in the first (time to detect), and an interrupted run has covered
  // every cell evenly.
  size_t ordinal = 0;
  for (int e = 0; e < request.examples; ++e) {
    for (size_t cell_index = 0; cell_index < plan.cells.size(); ++cell_index) {
      CellPlan& cell = plan.cells[cell_index];
      if (cell.not_applicable) continue;
      size_t this_ordinal = ordinal++;
      if (!request.shard.in_shard(this_ordinal)) continue;
      const spec::Operation& op = *plan.ops[cell.op_index];
      WorkUnit unit;
      unit.ordinal = this_ordinal;
      unit.cell = cell_index;
      unit.example = e;
      unit.seed = unit_seed(request.seed, op.id(), plan.checks[cell.check_index]->name, e);
      unit.size = example_size(e, request.examples);
      plan.units.push_back(unit);
      ++cell.units_in_shard;
    }
  }
  plan.units_total = ordinal;
  return plan;
}

}  // namespace conform::runner
