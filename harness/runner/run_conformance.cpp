#include "harness/runner/run_conformance.h"

#include "harness/report/model/timestamp.h"

#include <algorithm>
#include <cmath>
#include <chrono>
#include <ctime>
#include <mutex>
#include <thread>

#include "harness/fixture/fixture_runner.h"
#include "harness/report/model/baseline.h"
#include "harness/runner/aggregate.h"
#include "harness/runner/case_runner.h"
#include "harness/runner/implementation_probe.h"
#include "harness/runner/interrupt.h"
#include "harness/runner/outcome_redaction.h"
#include "harness/runner/plan.h"
#include "harness/runner/progress.h"
#include "harness/runner/run_slots.h"
#include "harness/runner/safety.h"
#include "harness/runner/seeds.h"
#include "harness/runner/shrink.h"
#include "harness/runner/target.h"
#include "harness/spec/loader.h"

namespace conform::runner {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

using report::iso_now;

// Runs `work(worker_index)` on `jobs` threads (inline when jobs == 1).
template <class Work>
void on_workers(int jobs, Work work) {
  if (jobs <= 1) {
    work(0);
    return;
  }
  std::vector<std::thread> threads;
  for (int j = 0; j < jobs; ++j) threads.emplace_back([&work, j] { work(j); });
  for (auto& t : threads) t.join();
}

bool same_failure(const oracle::Finding& a, const oracle::Finding& b) {
  return is_failing(a) && a.rule == b.rule && a.facet == b.facet;
}

const oracle::Finding* matching_failure(const oracle::CaseResult& result, const oracle::Finding& target) {
  for (const auto& f : result.findings)
    if (same_failure(f, target)) return &f;
  return nullptr;
}

// Cases that may wait (for a fixture's timeout on a real clock) while `jobs` others work.
constexpr int kMaxWaitingCases = 32;

}  // namespace

int effective_jobs(const RunOptions& o, bool embedded) {
  const int cap = o.max_connections > 0 ? o.max_connections : kDefaultMaxConnections;
  int jobs = o.jobs;
  if (jobs <= 0) {
    jobs = embedded ? 1 : kRemoteDefaultJobs;
    if (o.max_rps > 0) jobs = std::min(jobs, std::max(1, static_cast<int>(std::ceil(o.max_rps))));
  }
  return std::max(1, std::min(jobs, cap));
}

int exit_code_for(const report::RunReport& report, bool stopped, size_t units_planned, size_t units_run,
                  std::string* reason) {
  int violations = report.count_failures("violation", false);
  int unconfirmed = report.count_failures("unconfirmed", false);
  int fidelity = report.count_fidelity(false);
  int accepted = report.count_failures("violation", true) + report.count_failures("unconfirmed", true) + report.count_fidelity(true);
  // Counted as headline findings (one per root cause) when the report has them.
  const bool grouped = !report.findings.empty();
  const int violation_findings = grouped ? report.count_findings("contract", "violation") : violations;
  const int unconfirmed_findings = grouped ? report.count_findings("contract", "unconfirmed") : unconfirmed;
  const int fidelity_findings = grouped ? report.count_findings("fidelity", "") : fidelity;
  auto say = [&](const std::string& text) {
    if (reason) *reason = text;
  };
  if (violations > 0) {
    say(std::to_string(violation_findings) + " contract violation finding(s) (" + std::to_string(violations) + " distinct symptom(s))");
    return kExitFailures;
  }
  if (report.require_all && report.count_not_implemented_operations() > 0) {
    say(std::to_string(report.count_not_implemented_operations()) +
        " operation(s) not implemented by the target (--require-all)");
    return kExitFailures;
  }
  if (report.strict && unconfirmed > 0) {
    say(std::to_string(unconfirmed_findings) + " unconfirmed finding(s) (--strict)");
    return kExitFailures;
  }
  if (report.strict && fidelity > 0) {
    say(std::to_string(fidelity_findings) + " fidelity finding(s) (--strict)");
    return kExitFailures;
  }
  if (stopped) {
    say("interrupted before the run finished; no violation found so far");
    return kExitInterrupted;
  }
  if (units_planned > 0 && units_run == 0) {
    say("no case could run: every fixture set-up failed or the operations are not implemented");
    return kExitUnreachable;
  }
  std::string text = "no contract violation";
  if (unconfirmed > 0) text += "; " + std::to_string(unconfirmed_findings) + " unconfirmed finding(s) (fail only with --strict)";
  if (fidelity > 0) text += "; " + std::to_string(fidelity_findings) + " fidelity finding(s) (fail only with --strict)";
  if (accepted > 0) text += "; " + std::to_string(accepted) + " failure(s) accepted by the baseline";
  if (units_planned == 0) text += "; nothing to run";
  say(text);
  return kExitOk;
}

RunOutcome run_conformance(const RunOptions& o) {
  const auto t0 = Clock::now();
  RunOutcome out;
  report::RunReport& rep = out.report;
  rep.started_at = iso_now();
  const uint64_t seed = o.seed ? *o.seed : fresh_seed();
  rep.seed = seed;
  rep.run_id = run_prefix(seed);
  rep.examples = o.examples;
  rep.jobs = o.jobs;
  rep.shard_index = o.shard.index;
  rep.shard_count = o.shard.count;
  rep.strict = o.strict;
  rep.region = o.region;
  rep.faults = o.faults;
  rep.baseline_file = o.baseline_file.value_or("");

  auto give_up = [&](int code, const std::string& error) -> RunOutcome {
    out.exit_code = code;
    out.error = error;
    rep.exit_code = code;
    rep.error = error;
    rep.exit_reason = error;
    rep.finished_at = iso_now();
    out.elapsed_s = rep.duration_s = seconds_since(t0);
    return out;
  };

  if (o.examples < 1 || o.examples > 1000000) return give_up(kExitUsage, "--examples must be between 1 and 1000000");
  if (o.jobs < 0 || o.jobs > 256) return give_up(kExitUsage, "--jobs must be between 1 and 256");
  if (o.max_connections < 0 || o.max_connections > 256) return give_up(kExitUsage, "--max-connections must be between 1 and 256");
  if (o.shard.count < 1 || o.shard.index < 1 || o.shard.index > o.shard.count)
    return give_up(kExitUsage, "--shard expects K/N with 1 <= K <= N");
  if (!o.target && !o.faults.empty() && !o.embedded)
    return give_up(kExitUsage, "--fault needs the embedded emulator");
  if (o.target && !o.faults.empty())
    return give_up(kExitUsage, "--fault plants faults in the embedded emulator; it cannot be combined with --target");

  // Specs.
  std::optional<spec::LoadResult> loaded;
  const spec::SpecSet* specs = o.specs;
  if (!specs && o.spec_dir) {
    loaded = spec::load_spec_dir(*o.spec_dir);
    if (!loaded->ok()) {
      std::string message = "the specs in " + *o.spec_dir + " have errors:";
      for (const auto& e : loaded->errors) message += "\n  " + e.to_string();
      return give_up(kExitUsage, message);
    }
    specs = &*loaded->specs;
  }
  if (!specs) specs = &spec::builtin_specs();
  const std::vector<oracle::CheckDef>& registry = o.registry ? *o.registry : oracle::registry();

  // Plan.
  std::string error;
  PlanRequest request{specs, &registry, o.ops, o.checks, seed, o.examples, o.shard};
  auto plan = make_plan(request, &error);
  if (!plan) return give_up(kExitUsage, error);
  out.units_planned = plan->units.size();

  // Baseline.
  std::optional<report::Baseline> baseline;
  if (o.baseline_file) {
    baseline = report::load_baseline(*o.baseline_file, &error);
    if (!baseline) return give_up(kExitUsage, "--baseline: " + error);
  }

  // Safety (safety.h): a non-loopback target needs allow_remote and names every resource with the run
  // id; such a run, and every dry run, starts by printing the plan. A dry run stops here: nothing sent.
  std::optional<transport::Url> remote;
  if (o.target)
    if (auto u = transport::Url::parse(*o.target); u && !u->is_loopback()) remote = *u;
  if (o.max_rps < 0) return give_up(kExitUsage, "--rps must not be negative");
  const uint64_t estimate = estimate_requests(*plan, *specs, o.concurrency);
  if (remote && !o.dry_run)
    if (auto refusal = remote_guard(*remote, o.allow_remote, estimate)) return give_up(kExitUsage, *refusal);
  std::vector<std::string> unnamed = remote ? audit_resource_names(*plan, *specs) : std::vector<std::string>{};
  if (remote || o.dry_run) {
    PlanDescription d{o.target ? *o.target : "embedded reference emulator (started on 127.0.0.1)", rep.run_id,
                      o.region, o.credentials_source, o.concurrency, o.max_rps, o.dry_run};
    out.plan_text = describe_plan(*plan, *specs, d);
    for (const auto& u : unnamed) out.plan_text += "  unsafe: " + u + "\n";
    if (std::ostream* plan_out = o.plan_out ? o.plan_out : o.progress) *plan_out << out.plan_text << std::flush;
  }
  if (!unnamed.empty() && !o.dry_run)
    return give_up(kExitUsage, "refusing a remote run: a fixture names resources without the run prefix: " + unnamed.front());
  if (o.dry_run) {
    out.dry_run = true;
    rep.exit_reason = "dry run: nothing sent";
    rep.finished_at = iso_now();
    out.elapsed_s = rep.duration_s = seconds_since(t0);
    return out;
  }

  // Target.
  int code = kExitOk;
  auto target = resolve_target(o.target, o.embedded, EmbeddedRequest{o.faults, seed, o.region}, &code, &error);
  if (!target) return give_up(code, error);
  rep.target = target->url_text;
  rep.embedded = target->embedded;
  rep.jobs = effective_jobs(o, target->embedded);
  if (auto unreachable = probe_target(target->url)) return give_up(kExitUnreachable, *unreachable);

  // Shared state of the run.
  std::atomic<bool> local_stop{false};
  std::atomic<bool>* stop = o.stop ? o.stop : &local_stop;
  std::optional<SigintGuard> sigint;
  if (o.handle_sigint) sigint.emplace(stop);

  std::atomic<uint64_t> requests{0}, retries{0};
  transport::CallerOptions caller_options;
  caller_options.region = o.region;
  caller_options.credentials = o.credentials;
  caller_options.sign = o.sign;
  caller_options.max_rps = o.max_rps;
  auto observer = o.on_exchange;
  std::function<std::unique_ptr<transport::Caller>()> make_caller = [&]() {
    auto caller = std::make_unique<transport::Caller>(target->url, caller_options);
    caller->on_exchange([&requests, &retries, &observer](const transport::Exchange& e) {
      requests.fetch_add(1);
      if (e.attempt > 0) retries.fetch_add(1);
      if (observer) observer(e);
    });
    return caller;
  };
  fixture::RunIdentity identity{rep.run_id, o.region, "123456789012", seed};
  identity.list_uncleanable = remote.has_value();
  fixture::FixtureRunner fixtures(*specs, identity);
  // At most `jobs` cases at work; a case waiting for time to pass lends its slot, so on a target whose
  // clock cannot be advanced the waits of many cases overlap (run_slots.h).
  const int jobs = rep.jobs;
  RunSlots slots(jobs);
  const bool clock_advanced = use_target_clock(*target, fixtures);
  if (!clock_advanced)
    fixtures.set_sleeper([&slots](int ms, transport::Caller& caller) {
      caller.close_idle_connection();  // the server's connection is not held through the wait
      slots.lend_while([ms] { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); });
    });
  CaseContext context{*specs, *plan, fixtures, o.concurrency, make_caller};

  // Phase 0: which operations does the target implement at all (implementation_probe.h)?
  {
    auto caller = make_caller();
    rep.coverage = probe_and_mark_support(*plan, *specs, *caller, rep.run_id);
    out.units_planned = plan->units.size();
  }
  rep.require_all = o.require_all;

  Aggregator aggregator(*plan, baseline ? &*baseline : nullptr, o.keep_unit_results);
  std::vector<OpProgress> initial;
  for (size_t i = 0; i < plan->ops.size(); ++i) initial.push_back(aggregator.progress(i));
  Progress progress(o.progress, o.progress_tty, initial);
  progress.message("conform: seed " + std::to_string(seed) + ", " + std::to_string(plan->units.size()) +
                   " cases (" + std::to_string(plan->ops.size()) + " operations x " +
                   std::to_string(plan->checks.size()) + " checks x " + std::to_string(o.examples) + " examples" +
                   (o.shard.count > 1 ? ", shard " + o.shard.to_string() : "") + ") against " +
                   target->description);

  // Phase 1: every unit once.
  std::atomic<size_t> next{0};
  std::mutex first_mu;
  // Workers: `jobs` at work, and on a real clock more that wait in the meantime.
  const size_t units = std::max<size_t>(1, plan->units.size());
  const int workers = static_cast<int>(std::min<size_t>(units, static_cast<size_t>(jobs + (clock_advanced ? 0 : kMaxWaitingCases))));
  // Callers (connections) go with the slots: a worker waiting for a slot holds none, so the target
  // sees at most `jobs` connections at work (and none kept through a wait).
  std::mutex callers_mu;
  std::vector<std::unique_ptr<transport::Caller>> idle_callers;
  on_workers(workers, [&](int) {
    while (!stop->load()) {
      slots.acquire();
      size_t i = next.fetch_add(1);
      if (i >= plan->units.size() || stop->load()) {
        slots.release();
        break;
      }
      std::unique_ptr<transport::Caller> caller;
      {
        std::lock_guard<std::mutex> lock(callers_mu);
        if (!idle_callers.empty()) {
          caller = std::move(idle_callers.back());
          idle_callers.pop_back();
        }
      }
      if (!caller) caller = make_caller();
      const WorkUnit& unit = plan->units[i];
      auto started = Clock::now();
      UnitRun run = run_unit(context, unit, *caller);
      double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
      // Fidelity findings never fail a cell, but under --strict they fail the run: they count as found.
      bool strict_fidelity = false;
      if (o.strict && !run.result.not_run)
        for (const auto& f : run.result.findings)
          strict_fidelity = strict_fidelity || (f.tier == oracle::Tier::Fidelity && is_failing(f));
      OpProgress p = aggregator.add(unit, std::move(run.result), ms);
      if (p.failing_cases > 0 || strict_fidelity) {
        std::lock_guard<std::mutex> lock(first_mu);
        if (out.first_failure_s < 0) out.first_failure_s = seconds_since(t0);
      }
      progress.update(plan->cells[unit.cell].op_index, p);
      {
        std::lock_guard<std::mutex> lock(callers_mu);
        idle_callers.push_back(std::move(caller));
      }
      slots.release();
    }
  });
  out.overlapping_waits = slots.max_waiting();
  out.checks_s = seconds_since(t0);
  progress.finish();

  // Phase 2: shrink each distinct failure (the case of its lowest ordinal), in parallel.
  const auto shrink_start = Clock::now();
  std::vector<FirstFailure> firsts = aggregator.first_failures();
  std::vector<CaseRecord> records(firsts.size());
  std::atomic<size_t> next_failure{0};
  on_workers(std::min<int>(jobs, std::max<int>(1, static_cast<int>(firsts.size()))), [&](int) {
    auto caller = make_caller();
    while (true) {
      size_t i = next_failure.fetch_add(1);
      if (i >= firsts.size()) break;
      const FirstFailure& first = firsts[i];
      CaseRecord& record = records[i];
      record.fingerprint = first.fingerprint;
      record.finding = first.finding;
      record.result = first.result;
      record.run_seed = seed;
      record.unit_seed = first.unit.seed;
      record.example = first.unit.example;
      record.size = first.unit.size;
      record.target = target->url_text;
      record.embedded = target->embedded;
      record.faults = o.faults;
      record.region = o.region;
      record.run_id = rep.run_id;
      const spec::Operation& op = *plan->ops[plan->cells[first.unit.cell].op_index];
      if (const spec::Service* service = specs->find_service(op.service)) record.signing_name = service->signing_name;
      if (static_cast<int>(i) >= o.max_shrunk_failures || o.shrink_budget <= 0 || stop->load()) continue;
      auto shrinkable = generate_case(context, first.unit, nullptr);
      if (!shrinkable) continue;
      ShrinkResult shrunk = shrink_case(
          *shrinkable, first.result,
          [&](const spec::Json& input) { return run_case(context, first.unit, input, *caller); },
          [&](const oracle::CaseResult& r) { return !r.not_run && matching_failure(r, first.finding) != nullptr; },
          o.shrink_budget, stop);
      record.shrink_attempts = shrunk.attempts;
      if (shrunk.steps > 0) {
        if (const oracle::Finding* f = matching_failure(shrunk.result, first.finding)) record.finding = *f;
        record.result = std::move(shrunk.result);
        record.shrunk = true;
        record.shrink_steps = shrunk.steps;
      }
    }
  });
  out.shrink_s = std::chrono::duration<double>(Clock::now() - shrink_start).count();

  // Phase 3: clean-up of every fixture still outstanding.
  const auto cleanup_start = Clock::now();
  {
    auto caller = make_caller();
    rep.cleanup_failures = fixtures.cleanup_all(*caller);
  }
  out.cleanup_s = std::chrono::duration<double>(Clock::now() - cleanup_start).count();

  // The report.
  const bool stopped = stop->load() && aggregator.units_done() < plan->units.size();
  aggregator.fill(rep, o.keep_unit_results ? &out.units : nullptr, stopped);
  rep.interrupted = stop->load();
  for (size_t i = 0; i < rep.failures.size() && i < records.size(); ++i) {
    rep.failures[i].shrunk = records[i].shrunk;
    rep.failures[i].shrink_steps = records[i].shrink_steps;
    if (records[i].shrunk) {  // show the minimal case's answers
      rep.failures[i].expected = records[i].finding.expected;
      rep.failures[i].observed = records[i].finding.observed;
      rep.failures[i].message = records[i].finding.message;
    }
  }
  out.cases = std::move(records);
  out.units_run = 0;
  for (const auto& c : rep.cells) out.units_run += static_cast<size_t>(c.cases);
  out.requests = requests.load();
  out.retries = retries.load();
  rep.requests = out.requests;
  if (o.redact_sensitive) redact_sensitive(out, *specs);
  std::vector<std::string> secrets;
  for (const auto* s : {&o.credentials.access_key_id, &o.credentials.secret_access_key, &o.credentials.session_token})
    if (!s->empty() && *s != "test") secrets.push_back(*s);
  if (!secrets.empty()) scrub_secrets(out, secrets);
  out.exit_code = exit_code_for(rep, stopped, out.units_planned, out.units_run, &rep.exit_reason);
  rep.exit_code = out.exit_code;
  rep.finished_at = iso_now();
  out.elapsed_s = rep.duration_s = seconds_since(t0);
  return out;
}

}  // namespace conform::runner
