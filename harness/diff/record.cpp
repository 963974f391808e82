#include "harness/diff/record.h"

#include <chrono>
#include <cmath>
#include <mutex>

#include "harness/diff/normaliser.h"
#include "harness/fixture/fixture_runner.h"
#include "harness/oracle/check.h"
#include "harness/runner/case_runner.h"
#include "harness/runner/plan.h"
#include "harness/runner/safety.h"
#include "harness/runner/seeds.h"
#include "harness/runner/target.h"
#include "harness/spec/loader.h"

namespace conform::diff {

namespace {

using Clock = std::chrono::steady_clock;

struct RawExchange {
  Entry meta;  // step, operation, check, example, call, purpose, concurrent, wait_ms
  http::Request request;
  http::Response response;
};

// A pause longer than this before a request is part of the scenario (a fixture sleeping until a
// timeout fires) and is replayed; shorter gaps are just the harness working.
constexpr double kMeaningfulGapMs = 250;

}  // namespace

std::vector<std::string> credential_secrets(const transport::Credentials& c) {
  std::vector<std::string> out;
  for (const auto& s : {c.access_key_id, c.secret_access_key, c.session_token})
    if (s.size() >= 4 && s != "test") out.push_back(s);
  return out;
}

RecordOutcome record_cassette(const RecordOptions& o) {
  RecordOutcome out;
  auto fail = [&](int code, const std::string& error) {
    out.exit_code = code;
    out.error = error;
    return out;
  };
  if (o.examples < 1 || o.examples > 1000000) return fail(runner::kExitUsage, "--examples must be between 1 and 1000000");
  if (o.target && !o.faults.empty())
    return fail(runner::kExitUsage, "faults are planted in the embedded emulator; they cannot be combined with a URL target");

  const spec::SpecSet& specs = spec::builtin_specs();
  const std::vector<oracle::CheckDef>& registry = oracle::registry();
  std::string error;
  runner::PlanRequest request{&specs, &registry, o.ops, o.checks, o.seed, o.examples, runner::Shard{}};
  auto plan = runner::make_plan(request, &error);
  if (!plan) return fail(runner::kExitUsage, error);

  if (o.target)
    if (auto url = transport::Url::parse(*o.target); url && !url->is_loopback())
      if (auto refusal = runner::remote_guard(*url, o.allow_remote, runner::estimate_requests(*plan, specs, o.concurrency)))
        return fail(runner::kExitUsage, *refusal);
  int code = 0;
  auto target = runner::resolve_target(o.target, o.embedded, runner::EmbeddedRequest{o.faults, o.seed, o.region}, &code,
                                       &error);
  if (!target) return fail(code, error);
  if (auto unreachable = runner::probe_target(target->url)) return fail(runner::kExitUnreachable, *unreachable);
  out.target_description = target->description;

  // Capture: every exchange with the case that sent it.
  std::mutex mu;
  std::vector<RawExchange> raw;
  Entry current;
  auto last_end = Clock::now();
  auto observe = [&](const transport::Exchange& e, bool concurrent) {
    if (e.retried) return;  // a throttled attempt: the retry that follows is what counted
    std::lock_guard<std::mutex> lock(mu);
    auto now = Clock::now();
    RawExchange x;
    x.meta = current;
    x.meta.step = static_cast<int>(raw.size()) + 1;
    x.meta.call = e.operation;
    x.meta.purpose = e.purpose;
    x.meta.concurrent = concurrent;
    double gap = std::chrono::duration<double, std::milli>(now - last_end).count() - e.elapsed_ms;
    if (!concurrent && gap >= kMeaningfulGapMs) x.meta.wait_ms = static_cast<int>(std::lround(gap / 100.0) * 100);
    x.meta.transport_error = e.transport_error;
    x.request = e.request;
    x.response = e.response;
    raw.push_back(std::move(x));
    last_end = now;
  };

  transport::CallerOptions caller_options;
  caller_options.region = o.region;
  caller_options.credentials = o.credentials;
  caller_options.sign = o.sign;
  std::function<std::unique_ptr<transport::Caller>()> make_caller = [&]() {
    auto caller = std::make_unique<transport::Caller>(target->url, caller_options);
    caller->on_exchange([&](const transport::Exchange& e) { observe(e, true); });
    return caller;
  };
  transport::Caller main_caller(target->url, caller_options);
  main_caller.on_exchange([&](const transport::Exchange& e) { observe(e, false); });

  const std::string run_id = runner::run_prefix(o.seed);
  fixture::FixtureRunner fixtures(specs, fixture::RunIdentity{run_id, o.region, "123456789012", o.seed});
  runner::CaseContext context{specs, *plan, fixtures, o.concurrency, make_caller};
  for (const runner::WorkUnit& unit : plan->units) {
    const runner::CellPlan& cell = plan->cells[unit.cell];
    {
      std::lock_guard<std::mutex> lock(mu);
      current.operation = plan->ops[cell.op_index]->id();
      current.check = plan->checks[cell.check_index]->name;
      current.example = unit.example;
      last_end = Clock::now();
    }
    runner::run_unit(context, unit, main_caller);
    main_caller.take_exchanges();
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    current.operation = "(cleanup)";
    current.check = "(cleanup)";
    current.example = 0;
  }
  fixtures.cleanup_all(main_caller);

  // Normalise, in the order sent.
  Cassette& c = out.cassette;
  c.target = target->embedded ? "embedded" : target->url_text;
  if (target->embedded && !o.faults.empty()) {
    c.target += ":";
    for (size_t i = 0; i < o.faults.size(); ++i) c.target += (i ? "," : "") + o.faults[i];
  }
  c.seed = o.seed;
  c.region = o.region;
  c.run_id = run_id;
  for (const auto* op : plan->ops) c.ops.push_back(op->id());
  for (const auto* check : plan->checks) c.checks.push_back(check->name);
  c.examples = o.examples;
  c.faults = o.faults;
  Normaliser normaliser(o.rules, "", credential_secrets(o.credentials));
  normaliser.intern(run_id, "run", "request", 0);
  for (auto& x : raw) {
    Entry e = x.meta;
    e.request = normaliser.request(x.request, e.step);
    e.response = normaliser.response(x.response, e.step);
    e.transport_error = normaliser.replace(e.transport_error);
    c.entries.push_back(std::move(e));
  }
  c.references = normaliser.references();
  return out;
}

}  // namespace conform::diff
