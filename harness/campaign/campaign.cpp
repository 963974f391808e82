#include "harness/campaign/campaign.h"

#include "harness/report/model/timestamp.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <iomanip>
#include <mutex>
#include <ostream>
#include <set>
#include <sstream>
#include <thread>

#include "harness/campaign/work_stream.h"
#include "harness/fixture/fixture_runner.h"
#include "harness/report/model/baseline.h"
#include "harness/runner/aggregate.h"
#include "harness/runner/case_runner.h"
#include "harness/runner/implementation_probe.h"
#include "harness/runner/interrupt.h"
#include "harness/runner/outcome_redaction.h"
#include "harness/runner/run_conformance.h"
#include "harness/runner/safety.h"
#include "harness/runner/seeds.h"
#include "harness/runner/shrink.h"
#include "harness/runner/target.h"
#include "harness/spec/loader.h"

namespace conform::campaign {

namespace {

using Clock = std::chrono::steady_clock;
using runner::kExitUsage;
using runner::kExitUnreachable;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

using report::iso_now;

bool same_failure(const oracle::Finding& a, const oracle::Finding& b) {
  return runner::is_failing(a) && a.rule == b.rule && a.facet == b.facet;
}

const oracle::Finding* matching_failure(const oracle::CaseResult& result, const oracle::Finding& target) {
  for (const auto& f : result.findings)
    if (same_failure(f, target)) return &f;
  return nullptr;
}

// Serialises status lines from the workers and the status thread.
class StatusLine {
 public:
  explicit StatusLine(std::ostream* out) : out_(out) {}
  void print(const std::string& line) {
    if (!out_) return;
    std::lock_guard<std::mutex> lock(mu_);
    *out_ << line << "\n" << std::flush;
  }

 private:
  std::ostream* out_;
  std::mutex mu_;
};

}  // namespace

CampaignOutcome run_campaign(const CampaignOptions& co) {
  const runner::RunOptions& o = co.run;
  const auto t0 = Clock::now();
  CampaignOutcome result;
  runner::RunOutcome& out = result.run;
  report::RunReport& rep = out.report;
  rep.started_at = iso_now();
  const uint64_t seed = o.seed ? *o.seed : runner::fresh_seed();
  rep.seed = seed;
  rep.run_id = runner::run_prefix(seed);
  rep.examples = 0;
  rep.jobs = o.jobs;
  rep.strict = o.strict;
  rep.region = o.region;
  rep.faults = o.faults;
  rep.baseline_file = o.baseline_file.value_or("");

  auto give_up = [&](int code, const std::string& error) -> CampaignOutcome {
    out.exit_code = rep.exit_code = code;
    out.error = rep.error = rep.exit_reason = error;
    rep.finished_at = iso_now();
    out.elapsed_s = rep.duration_s = seconds_since(t0);
    return result;
  };
  if (o.jobs < 0 || o.jobs > 256) return give_up(kExitUsage, "--jobs must be between 1 and 256");
  if (co.mutate_percent < 0 || co.mutate_percent > 100) return give_up(kExitUsage, "the mutation share must be 0..100 %");
  if (co.max_seconds < 0) return give_up(kExitUsage, "--time must be positive");
  if (!o.target && !o.embedded) return give_up(kExitUsage, "no --target and no embedded emulator");
  if (o.target && !o.faults.empty())
    return give_up(kExitUsage, "--fault plants faults in the embedded emulator; it cannot be combined with --target");

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

  std::string error;
  runner::PlanRequest request{specs, &registry, o.ops, o.checks, seed, 1, runner::Shard{}};
  auto plan = runner::make_plan(request, &error);
  if (!plan) return give_up(kExitUsage, error);
  std::optional<report::Baseline> baseline;
  if (o.baseline_file) {
    baseline = report::load_baseline(*o.baseline_file, &error);
    if (!baseline) return give_up(kExitUsage, "--baseline: " + error);
  }
  // A non-loopback target needs allow_remote, as for `conform run` (safety.h); a campaign has no bound.
  if (o.max_rps < 0) return give_up(kExitUsage, "--rps must not be negative");
  if (o.target)
    if (auto u = transport::Url::parse(*o.target); u && !u->is_loopback()) {
      if (auto refusal = runner::remote_guard(*u, o.allow_remote, 0)) return give_up(kExitUsage, *refusal);
      auto unnamed = runner::audit_resource_names(*plan, *specs);
      if (!unnamed.empty())
        return give_up(kExitUsage, "refusing a remote campaign: a fixture names resources without the run prefix: " + unnamed.front());
    }
  int code = runner::kExitOk;
  auto target = runner::resolve_target(o.target, o.embedded, runner::EmbeddedRequest{o.faults, seed, o.region}, &code, &error);
  if (!target) return give_up(code, error);
  rep.target = target->url_text;
  rep.embedded = target->embedded;
  if (auto unreachable = runner::probe_target(target->url)) return give_up(kExitUnreachable, *unreachable);

  std::atomic<bool> local_stop{false};
  std::atomic<bool>* stop = o.stop ? o.stop : &local_stop;
  std::optional<runner::SigintGuard> sigint;
  if (o.handle_sigint) sigint.emplace(stop);
  std::atomic<bool> limit{false};  // --runs, --time or stop_on_failure reached

  std::atomic<uint64_t> requests{0};
  transport::CallerOptions caller_options;
  caller_options.region = o.region;
  caller_options.credentials = o.credentials;
  caller_options.sign = o.sign;
  caller_options.max_rps = o.max_rps;
  auto observer = o.on_exchange;
  std::function<std::unique_ptr<transport::Caller>()> make_caller = [&]() {
    auto caller = std::make_unique<transport::Caller>(target->url, caller_options);
    caller->on_exchange([&requests, &observer](const transport::Exchange& e) {
      requests.fetch_add(1);
      if (observer) observer(e);
    });
    return caller;
  };
  fixture::FixtureRunner fixtures(*specs, fixture::RunIdentity{rep.run_id, o.region, "123456789012", seed});
  runner::use_target_clock(*target, fixtures);
  {  // an operation the target lacks is reported, never fuzzed (implementation_probe.h)
    auto caller = make_caller();
    rep.coverage = runner::probe_and_mark_support(*plan, *specs, *caller, rep.run_id);
  }
  runner::CaseContext context{*specs, *plan, fixtures, o.concurrency, make_caller};
  runner::Aggregator aggregator(*plan, baseline ? &*baseline : nullptr, false);
  WorkStream stream(*specs, *plan, seed, co.mutate_percent, co.corpus_per_cell);
  if (stream.empty()) return give_up(kExitUsage, "no check applies to the chosen operations");

  StatusLine status(co.status);
  std::string limits;
  if (co.max_runs) limits += std::to_string(co.max_runs) + " runs";
  if (co.max_seconds > 0) {
    std::ostringstream t;
    t << (limits.empty() ? "" : ", at most ") << co.max_seconds << " s";
    limits += t.str();
  }
  if (limits.empty()) limits = "until Ctrl-C";
  status.print("conform fuzz: seed " + std::to_string(seed) + ", " + std::to_string(plan->ops.size()) + " operations x " +
               std::to_string(plan->checks.size()) + " checks, " + std::to_string(runner::effective_jobs(o, target->embedded)) +
               " job(s), " + limits +
               ", against " + target->description);

  std::atomic<uint64_t> next_exec{0}, executions{0}, mutated{0};
  std::mutex seen_mu;
  std::set<std::string> seen;  // distinct failing fingerprints (bounded by the distinct failures)
  std::set<size_t> mutated_failures;  // ordinals of failing mutated cases (not shrinkable)
  const auto fuzz_start = Clock::now();

  auto status_text = [&]() {
    double s = seconds_since(fuzz_start);
    uint64_t e = executions.load(), r = requests.load();
    size_t distinct;
    {
      std::lock_guard<std::mutex> lock(seen_mu);
      distinct = seen.size();
    }
    std::ostringstream line;
    line << std::fixed << std::setprecision(0) << "fuzz: " << s << " s  execs " << e << " (" << (s > 0 ? e / s : 0)
         << "/s, " << (e ? 100 * mutated.load() / e : 0) << "% mutated)  requests " << r << " (" << (s > 0 ? r / s : 0)
         << "/s)  distinct failures " << distinct << "  corpus " << stream.corpus_size() << "  round " << stream.round();
    return line.str();
  };

  std::mutex status_mu;
  std::condition_variable status_cv;
  bool finished = false;
  std::thread status_thread([&] {
    if (!co.status || co.status_interval_s <= 0) return;
    std::unique_lock<std::mutex> lock(status_mu);
    while (!status_cv.wait_for(lock, std::chrono::duration<double>(co.status_interval_s), [&] { return finished; })) {
      lock.unlock();
      status.print(status_text());
      lock.lock();
    }
  });

  auto worker = [&](int) {
    auto caller = make_caller();
    while (!stop->load() && !limit.load()) {
      if (co.max_seconds > 0 && seconds_since(fuzz_start) >= co.max_seconds) {
        limit = true;
        break;
      }
      uint64_t n = next_exec.fetch_add(1);
      if (co.max_runs && n >= co.max_runs) {
        limit = true;
        break;
      }
      Work work = stream.next(n);
      auto started = Clock::now();
      oracle::CaseResult r = work.input ? runner::run_case(context, work.unit, *work.input, *caller)
                                        : runner::run_unit(context, work.unit, *caller).result;
      double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
      executions.fetch_add(1);
      if (work.input) mutated.fetch_add(1);
      stream.record(work, r);
      // New distinct failures get a line of their own.
      const auto& cp = plan->cells[work.unit.cell];
      const std::string op = plan->ops[cp.op_index]->id(), check = plan->checks[cp.check_index]->name;
      std::vector<std::string> news;
      // decisive: fails the campaign (a contract violation; with --strict any failure)
      bool failing = false, decisive = false;
      for (const auto& f : r.findings) {
        if (r.not_run || !runner::is_failing(f)) continue;
        std::string fp = runner::finding_fingerprint(f, op, check);
        if (baseline && baseline->accepts(fp)) continue;
        failing = true;
        decisive |= (f.verdict == oracle::Verdict::Violation && f.tier == oracle::Tier::Contract) || o.strict;
        std::lock_guard<std::mutex> lock(seen_mu);
        if (work.input) mutated_failures.insert(work.unit.ordinal);
        if (seen.insert(fp).second)
          news.push_back("fuzz: new failure " + fp + ": " + runner::verdict_name(f.verdict) + " " + check + " " + op +
                         " " + f.rule + " [" + f.facet + "] (execution " + std::to_string(n) +
                         (work.input ? ", mutated: " + work.mutation : "") + ")");
      }
      aggregator.add(work.unit, std::move(r), ms);
      if (failing) {
        std::lock_guard<std::mutex> lock(seen_mu);
        if (out.first_failure_s < 0) out.first_failure_s = seconds_since(t0);
      }
      for (const auto& line : news) status.print(line);
      if (decisive && co.stop_on_failure) limit = true;
    }
  };
  const int jobs = runner::effective_jobs(o, target->embedded);
  if (jobs == 1) {
    worker(0);
  } else {
    std::vector<std::thread> threads;
    for (int j = 0; j < jobs; ++j) threads.emplace_back(worker, j);
    for (auto& t : threads) t.join();
  }
  {
    std::lock_guard<std::mutex> lock(status_mu);
    finished = true;
  }
  status_cv.notify_all();
  status_thread.join();
  out.checks_s = seconds_since(t0);
  status.print(status_text() + (stop->load() ? "  (interrupted)" : ""));

  // Shrink each distinct failure found by a generated case (mutated ones have no shrink tree).
  const auto shrink_start = Clock::now();
  std::vector<runner::FirstFailure> firsts = aggregator.first_failures();
  std::vector<runner::CaseRecord> records(firsts.size());
  {
    auto caller = make_caller();
    for (size_t i = 0; i < firsts.size(); ++i) {
      const runner::FirstFailure& first = firsts[i];
      runner::CaseRecord& record = records[i];
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
      bool was_mutated;
      {
        std::lock_guard<std::mutex> lock(seen_mu);
        was_mutated = mutated_failures.count(first.unit.ordinal) > 0;
      }
      if (was_mutated || static_cast<int>(i) >= o.max_shrunk_failures || o.shrink_budget <= 0 || stop->load()) continue;
      auto shrinkable = runner::generate_case(context, first.unit, nullptr);
      if (!shrinkable) continue;
      runner::ShrinkResult shrunk = runner::shrink_case(
          *shrinkable, first.result,
          [&](const spec::Json& input) { return runner::run_case(context, first.unit, input, *caller); },
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
  }
  out.shrink_s = seconds_since(shrink_start);

  const auto cleanup_start = Clock::now();
  {
    auto caller = make_caller();
    rep.cleanup_failures = fixtures.cleanup_all(*caller);
  }
  out.cleanup_s = seconds_since(cleanup_start);

  const bool interrupted = stop->load();
  aggregator.fill(rep, nullptr, interrupted);
  rep.interrupted = interrupted;
  rep.examples = stream.round() + 1;
  for (size_t i = 0; i < rep.failures.size() && i < records.size(); ++i) {
    rep.failures[i].shrunk = records[i].shrunk;
    rep.failures[i].shrink_steps = records[i].shrink_steps;
    if (records[i].shrunk) {
      rep.failures[i].expected = records[i].finding.expected;
      rep.failures[i].observed = records[i].finding.observed;
      rep.failures[i].message = records[i].finding.message;
    }
  }
  out.cases = std::move(records);
  out.units_planned = executions.load();
  out.units_run = 0;
  for (const auto& c : rep.cells) out.units_run += static_cast<size_t>(c.cases);
  out.requests = requests.load();
  rep.requests = out.requests;
  out.exit_code = runner::exit_code_for(rep, interrupted, out.units_planned, out.units_run, &rep.exit_reason);
  rep.exit_code = out.exit_code;
  rep.finished_at = iso_now();
  out.elapsed_s = rep.duration_s = seconds_since(t0);
  if (o.redact_sensitive) runner::redact_sensitive(out, *specs);
  result.executions = executions.load();
  result.mutated = mutated.load();
  result.corpus = stream.corpus_size();
  return result;
}

}  // namespace conform::campaign
