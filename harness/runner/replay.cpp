#include "harness/runner/replay.h"

#include "harness/fixture/fixture_runner.h"
#include "harness/runner/aggregate.h"
#include "harness/runner/case_file.h"
#include "harness/runner/case_runner.h"
#include "harness/runner/seeds.h"
#include "harness/runner/target.h"
#include "harness/spec/loader.h"

namespace conform::runner {

ReplayOutcome replay_case(const ReplayOptions& o) {
  ReplayOutcome out;
  auto fail = [&](int code, const std::string& error) {
    out.exit_code = code;
    out.error = error;
    return out;
  };
  std::string error;
  auto loaded = load_case(o.case_file, &error);
  if (!loaded) return fail(kExitUsage, error);
  out.fingerprint = loaded->fingerprint;
  out.operation = loaded->operation;
  out.check = loaded->check;
  out.rule = loaded->rule;
  out.facet = loaded->facet;
  out.expected = loaded->expected;

  std::optional<spec::LoadResult> load_result;
  const spec::SpecSet* specs = o.specs;
  if (!specs && o.spec_dir) {
    load_result = spec::load_spec_dir(*o.spec_dir);
    if (!load_result->ok()) {
      std::string message = "the specs in " + *o.spec_dir + " have errors:";
      for (const auto& e : load_result->errors) message += "\n  " + e.to_string();
      return fail(kExitUsage, message);
    }
    specs = &*load_result->specs;
  }
  if (!specs) specs = &spec::builtin_specs();
  const auto& registry = o.registry ? *o.registry : oracle::registry();
  const oracle::CheckDef* check = nullptr;
  for (const auto& c : registry)
    if (c.name == loaded->check) check = &c;
  if (!check) return fail(kExitUsage, o.case_file + ": the check '" + loaded->check + "' is not in this build's registry");
  const spec::Operation* op = specs->find_operation(loaded->operation);
  if (!op) return fail(kExitUsage, o.case_file + ": the operation '" + loaded->operation + "' is not in the specs");
  const spec::Service* service = specs->find_service(op->service);
  if (!service) return fail(kExitUsage, o.case_file + ": the service '" + op->service + "' has no spec");

  const std::string region = o.region.value_or(loaded->region);
  int code = kExitOk;
  EmbeddedRequest request{o.faults.value_or(loaded->faults), loaded->seed, region};
  auto target = resolve_target(o.target, o.embedded, request, &code, &error);
  if (!target) return fail(code, error);
  out.target = target->description;
  if (auto unreachable = probe_target(target->url)) return fail(kExitUnreachable, *unreachable);

  transport::CallerOptions caller_options;
  caller_options.region = region;
  caller_options.credentials = o.credentials;
  auto make_caller = [&]() { return std::make_unique<transport::Caller>(target->url, caller_options); };
  // On a fresh embedded emulator the original names are free; elsewhere use a fresh prefix.
  uint64_t seed = target->embedded ? loaded->seed : fresh_seed();
  fixture::FixtureRunner fixtures(*specs, fixture::RunIdentity{run_prefix(seed), region, "123456789012", seed});
  auto caller = make_caller();
  oracle::Scope scope{*specs, *service, *op};
  out.result = run_check_case(*check, scope, loaded->case_input, fixtures, *caller, 4, make_caller);
  fixtures.cleanup_all(*caller);

  if (out.result.not_run) return fail(kExitUnreachable, "the case could not run: " + out.result.not_run_reason);
  for (const auto& f : out.result.findings) {
    if (!is_failing(f)) continue;
    out.failing.push_back(f);
    if (f.rule == loaded->rule && f.facet == loaded->facet) out.reproduced = true;
  }
  bool violation = false;
  for (const auto& f : out.failing) violation |= f.verdict == oracle::Verdict::Violation;
  out.exit_code = out.reproduced || violation ? kExitFailures : kExitOk;
  return out;
}

}  // namespace conform::runner
