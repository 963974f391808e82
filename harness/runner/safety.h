// Safety of a run against a real account: the non-loopback guard, the audit that every resource the
// run creates carries the run's name prefix, the request estimate, and the human-readable plan printed
// before a remote run (and by --dry-run) naming what will be created and how much traffic to expect.
//
// Promises: pure functions of their arguments; never throw; no I/O. The estimate is a rough upper-ish
// figure (fixture steps + clean-up + the check's probes per case), not a bound: retries, `until`
// polls and shrinking add to it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "harness/runner/plan.h"
#include "harness/spec/model.h"
#include "harness/transport/client.h"

namespace conform::runner {

// nullopt when `url` may be used: loopback, or `allow_remote`. Otherwise the message of the usage error.
std::optional<std::string> remote_guard(const transport::Url& url, bool allow_remote, uint64_t estimated_requests);

// Fixtures (service, fixture name) the planned cells use, in plan order without duplicates.
struct FixtureUse {
  std::string service, fixture;
  int cases = 0;  // planned cases that acquire it (a case may acquire it more than once)
};
std::vector<FixtureUse> fixtures_used(const Plan& plan, const spec::SpecSet& specs);

// Naming inputs of the fixtures' create steps (keys ending in "name"/"Name"/"Id") that do not carry
// ${run}: resources the run could not tell apart from the account's own. Empty = safe.
std::vector<std::string> audit_resource_names(const Plan& plan, const spec::SpecSet& specs);

uint64_t estimate_requests(const Plan& plan, const spec::SpecSet& specs, int concurrency);

struct PlanDescription {
  std::string target;              // URL or "embedded reference emulator"
  std::string run_id, region;
  std::string credentials_source;  // never the secret: "environment", "test/test (local)", ...
  int concurrency = 4;
  double max_rps = 0;
  bool dry_run = false;
};
std::string describe_plan(const Plan& plan, const spec::SpecSet& specs, const PlanDescription& d);

}  // namespace conform::runner
