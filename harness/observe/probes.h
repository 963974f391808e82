// The probes behind the specs' unconfirmed expectations: for every rule, validation template and state
// assertion whose provenance is soft (inferred, emulator), one check case that exercises it, drawn from
// that check's own generator (or made by the violation generator for one member and constraint).
//
// Promises: never throws; deterministic for a seed; one probe per distinct item (protocol rules and
// validation templates once per service, on the first subject operation that can exercise them);
// items no probe can reach are listed in `unreachable` with the reason. Rules and lifecycles inferred
// from the models at load (spec/inference.h) are not probed: no spec file holds them to merge into;
// one `unreachable` line counts them. `unimplemented` names operations (service.Name) the target does
// not implement: a state item whose read-back is one of them is unreachable.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "harness/oracle/check.h"
#include "harness/spec/model.h"

namespace conform::observe {

struct Probe {
  const spec::Operation* op = nullptr;
  const oracle::CheckDef* check = nullptr;
  spec::Json case_input;
  std::string item;  // what it is for, e.g. "stepfunctions.StopExecution rule closed-execution"
};

std::vector<Probe> plan_probes(const spec::SpecSet& specs, const std::vector<const spec::Operation*>& ops,
                               const std::vector<oracle::CheckDef>& registry, uint64_t seed,
                               std::vector<std::string>* unreachable,
                               const std::set<std::string>& unimplemented = {});

// Is this fact unconfirmed (inferred or emulator-only)?
bool is_soft(spec::Provenance p);

}  // namespace conform::observe
