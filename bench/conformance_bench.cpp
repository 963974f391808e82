// conformance_bench: the figures of issue 3, each against its baseline measured in the same process.
//   1. requests/s of a full conformance run (`conform run`: every subject operation, every check, 10
//      examples) against the embedded emulator, with --jobs 1 and 2, as a ratio to a trivial httplib
//      server and client with 1 and 2 connections (goal >= 0.5). Also the bytes sent, the same run
//      without closed_token_idempotence (the check with the most fixture traffic), and the pipeline
//      floor: one small request repeated through the same codec, signer, client and emulator, with no
//      generation and no checks (the most a run could reach). --rounds rounds, each measuring the
//      baselines right before its runs; the ratio is the median of the rounds' ratios.
//   2. time to the first failing case of a run for each planted fault (RunOutcome::first_failure_s),
//      with the median (goal: each < 5 s, median < 1 s), and which check found it first.
//   3. RSS of a long run: repeated seeds in one process until --rss-requests requests; current and peak
//      RSS at --rss-checkpoint requests and at the end (goal: flat).
//   4. findings (bench/sections/findings.cpp): headline findings per planted fault, before/after grouping.
//   5. external (bench/sections/external.cpp): the run against an external target vs the embedded one.
// Usage: conformance_bench [--only rate,faults,rss,floor,findings,external] [--examples N] [--seed N] [--baseline-seconds S] [--rounds N]
//                          [--fault-jobs N] [--rss-requests N] [--rss-checkpoint N] [--rss-jobs N]
#include <algorithm>
#include <chrono>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "bench/sections/sections.h"
#include "bench/support/baseline.h"
#include "emulator/core/faults.h"
#include "harness/runner/embedded_emulator.h"
#include "harness/runner/run_conformance.h"
#include "harness/spec/loader.h"
#include "harness/transport/caller.h"

namespace {

using namespace conform;

struct Flags {
  std::string only = "rate,faults,rss";
  int examples = 10;
  uint64_t seed = 1;
  double baseline_seconds = 1.0;
  int rounds = 5;
  int fault_jobs = 1;
  uint64_t rss_requests = 1000000;
  uint64_t rss_checkpoint = 100000;
  int rss_jobs = 8;
};

[[noreturn]] void usage(const char* why) {
  std::fprintf(stderr,
               "conformance_bench: %s\nusage: conformance_bench [--only rate,faults,rss,floor,findings,external] [--examples N] [--seed N] "
               "[--baseline-seconds S] [--rounds N] [--fault-jobs N] [--rss-requests N] [--rss-checkpoint N] [--rss-jobs N]\n",
               why);
  std::exit(2);
}

Flags parse(int argc, char** argv) {
  Flags f;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (i + 1 >= argc) usage(("missing value after " + a).c_str());
    std::string v = argv[++i];
    char* end = nullptr;
    auto number = [&]() -> double {
      double d = std::strtod(v.c_str(), &end);
      if (v.empty() || *end != '\0' || d < 0) usage((a + ": not a non-negative number: " + v).c_str());
      return d;
    };
    if (a == "--only") f.only = v;
    else if (a == "--examples") f.examples = std::max(1, static_cast<int>(number()));
    else if (a == "--seed") f.seed = static_cast<uint64_t>(number());
    else if (a == "--baseline-seconds") f.baseline_seconds = std::max(0.2, number());
    else if (a == "--rounds") f.rounds = std::max(1, static_cast<int>(number()));
    else if (a == "--fault-jobs") f.fault_jobs = std::max(1, static_cast<int>(number()));
    else if (a == "--rss-requests") f.rss_requests = static_cast<uint64_t>(number());
    else if (a == "--rss-checkpoint") f.rss_checkpoint = static_cast<uint64_t>(number());
    else if (a == "--rss-jobs") f.rss_jobs = std::max(1, static_cast<int>(number()));
    else usage(("unknown flag " + a).c_str());
  }
  return f;
}

bool wants(const Flags& f, const char* part) { return ("," + f.only + ",").find(std::string(",") + part + ",") != std::string::npos; }

runner::RunOptions base_options(const Flags& f, uint64_t seed) {
  runner::RunOptions o;
  o.seed = seed;
  o.examples = f.examples;
  o.embedded = runner::embedded_emulator_factory();
  return o;
}

struct RunFigure {
  runner::RunOutcome outcome;
  uint64_t bytes_sent = 0;
  double rate() const { return outcome.elapsed_s > 0 ? static_cast<double>(outcome.requests) / outcome.elapsed_s : 0; }
};

RunFigure timed_run(runner::RunOptions o) {
  auto bytes = std::make_shared<std::atomic<uint64_t>>(0);
  o.on_exchange = [bytes](const transport::Exchange& e) { bytes->fetch_add(e.request.body.size()); };
  RunFigure fig;
  fig.outcome = runner::run_conformance(o);
  fig.bytes_sent = bytes->load();
  return fig;
}

// The pipeline floor: one Caller sending the same small request (SendTaskHeartbeat with a never-issued
// token: codec, SigV4, client, emulator routing + validation + backend, decode) for `seconds`.
RunFigure pipeline_floor(double seconds) {
  RunFigure fig;
  auto target = runner::embedded_emulator_factory()(runner::EmbeddedRequest{});
  if (!target.target) return fig;
  const auto& specs = spec::builtin_specs();
  const spec::Operation* op = specs.find_operation("stepfunctions.SendTaskHeartbeat");
  const spec::Service* service = op ? specs.find_service(op->service) : nullptr;
  auto url = transport::Url::parse(target.target->url());
  if (!op || !service || !url) return fig;
  transport::Caller caller(*url, {});
  spec::Json input{{"taskToken", std::string(64, 'T')}};
  auto start = std::chrono::steady_clock::now();
  double elapsed = 0;
  while (elapsed < seconds) {
    for (int i = 0; i < 100; ++i) caller.call(*service, *op, input);
    fig.outcome.requests += 100;
    caller.take_exchanges();
    elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  fig.outcome.elapsed_s = elapsed;
  return fig;
}

// Median of `values` (by value; empty gives 0).
double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// Each round measures the baseline right before the runs it is compared with (machine load and CPU
// frequency drift between rounds; a 2 s baseline alone varied 11-14k req/s on this machine). A row's
// ratio is the median over the rounds of (its rate / that round's baseline); rates are medians too.
void rate_section(const Flags& f) {
  struct Row {
    std::string name;
    int connections;  // baseline it is compared with
    std::function<RunFigure()> run;
    std::vector<double> rates, ratios;  // per round; ratio against that round's baseline
    RunFigure last;
  };
  std::vector<Row> rows;
  rows.push_back({"pipeline floor: one small request repeated", 1, [&] { return pipeline_floor(f.baseline_seconds); }, {}, {}});
  auto all = base_options(f, f.seed);
  auto without = all;
  for (const auto& c : oracle::registry())
    if (c.name != "closed_token_idempotence") without.checks.push_back(c.name);
  for (int jobs : {1, 2}) {
    auto o = all;
    o.jobs = jobs;
    rows.push_back({"conform run --jobs " + std::to_string(jobs) + " (all checks)", jobs, [o] { return timed_run(o); }, {}, {}});
  }
  for (int jobs : {1, 2}) {
    auto o = without;
    o.jobs = jobs;
    rows.push_back({"--jobs " + std::to_string(jobs) + " without closed_token_idempotence", jobs, [o] { return timed_run(o); }, {}, {}});
  }
  std::vector<double> base[3];
  for (int round = 0; round < f.rounds; ++round) {
    for (int connections : {1, 2}) {
      double b = bench::measure_trivial_httplib(connections, f.baseline_seconds).requests_per_second;
      base[connections].push_back(b);
      for (auto& r : rows) {
        if (r.connections != connections) continue;
        r.last = r.run();
        r.rates.push_back(r.last.rate());
        r.ratios.push_back(b > 0 ? r.last.rate() / b : 0);
      }
    }
  }
  std::printf("\n== requests/s of a full conformance run (%d examples, seed %llu) vs trivial httplib, median of %d rounds ==\n",
              f.examples, static_cast<unsigned long long>(f.seed), f.rounds);
  std::printf("%-44s %9s %9s %8s %10s %9s %7s\n", "run", "requests", "seconds", "req/s", "baseline/s", "ratio", "MB sent");
  for (int connections : {1, 2}) {
    auto [lo, hi] = std::minmax_element(base[connections].begin(), base[connections].end());
    std::printf("%-44s %9s %9s %8.0f %10s %9s   (rounds: %.0f-%.0f)\n",
                (std::string("trivial httplib, ") + std::to_string(connections) + " connection" + (connections > 1 ? "s" : "")).c_str(),
                "-", "-", median(base[connections]), "-", "1.000", *lo, *hi);
  }
  for (const auto& r : rows) {
    auto [lo, hi] = std::minmax_element(r.ratios.begin(), r.ratios.end());
    std::printf("%-44s %9llu %9.2f %8.0f %10.0f %9.3f %7.1f  exit %d (round ratios %.3f-%.3f)\n", r.name.c_str(),
                static_cast<unsigned long long>(r.last.outcome.requests), r.last.outcome.elapsed_s, median(r.rates),
                median(base[r.connections]), median(r.ratios), static_cast<double>(r.last.bytes_sent) / 1e6,
                r.last.outcome.exit_code, *lo, *hi);
  }
}

void faults_section(const Flags& f) {
  std::printf("\n== time to detect each planted fault (first failing case; %d examples, --jobs %d, seed %llu) ==\n",
              f.examples, f.fault_jobs, static_cast<unsigned long long>(f.seed));
  std::printf("%-40s %9s %9s %5s  %s\n", "fault", "detect s", "run s", "exit", "first failure (check / operation)");
  std::vector<double> times;
  int missed = 0, over5 = 0;
  for (const auto& info : emulator::all_faults()) {
    auto o = base_options(f, f.seed);
    o.faults = {std::string(info.name)};
    o.strict = info.fidelity;  // a fidelity fault fails a run only with --strict
    o.jobs = f.fault_jobs;
    o.shrink_budget = 0;  // detection, not shrinking
    auto out = runner::run_conformance(o);
    std::string first = out.report.failures.empty()
                            ? "-"
                            : out.report.failures[0].check + " / " + out.report.failures[0].operation + " (example " +
                                  std::to_string(out.report.failures[0].example) + ")";
    std::printf("%-40s %9.3f %9.2f %5d  %s\n", std::string(info.name).c_str(), out.first_failure_s, out.elapsed_s,
                out.exit_code, first.c_str());
    if (out.first_failure_s < 0) ++missed;
    else {
      times.push_back(out.first_failure_s);
      if (out.first_failure_s >= 5) ++over5;
    }
    std::fflush(stdout);
  }
  std::sort(times.begin(), times.end());
  double median = times.empty() ? -1
                  : times.size() % 2 ? times[times.size() / 2]
                                     : (times[times.size() / 2 - 1] + times[times.size() / 2]) / 2;
  std::printf("median %.3f s (goal < 1 s), max %.3f s (goal < 5 s), %d of %zu over 5 s, %d not detected\n", median,
              times.empty() ? -1 : times.back(), over5, emulator::all_faults().size(), missed);
}

void rss_section(const Flags& f) {
  std::printf("\n== RSS of a long run: repeated seeds in one process, --jobs %d, until %llu requests ==\n", f.rss_jobs,
              static_cast<unsigned long long>(f.rss_requests));
  long start_rss = bench::current_rss_kib();
  uint64_t total = 0;
  int runs = 0;
  long at_checkpoint_cur = -1, at_checkpoint_peak = -1;
  uint64_t checkpoint_requests = 0;
  double seconds = 0;
  std::printf("%8s %10s %10s %12s %12s\n", "runs", "requests", "req/s", "current KiB", "peak KiB");
  uint64_t next_print = f.rss_checkpoint;
  while (total < f.rss_requests) {
    auto o = base_options(f, f.seed + 1000 + static_cast<uint64_t>(runs));
    o.jobs = f.rss_jobs;
    auto out = runner::run_conformance(o);
    if (out.exit_code != runner::kExitOk) {
      std::printf("run %d (seed %llu) exited %d: %s\n", runs, static_cast<unsigned long long>(*o.seed), out.exit_code,
                  out.report.exit_reason.c_str());
      for (const auto& fr : out.report.failures)
        std::printf("  %s %s %s %s/%s: expected %.120s; observed %.120s\n", fr.verdict.c_str(), fr.check.c_str(),
                    fr.operation.c_str(), fr.rule.c_str(), fr.facet.c_str(), fr.expected.c_str(), fr.observed.c_str());
      if (out.requests == 0) break;
    }
    total += out.requests;
    seconds += out.elapsed_s;
    ++runs;
    if (at_checkpoint_cur < 0 && total >= f.rss_checkpoint) {
      at_checkpoint_cur = bench::current_rss_kib();
      at_checkpoint_peak = bench::peak_rss_kib();
      checkpoint_requests = total;
    }
    if (total >= next_print || total >= f.rss_requests) {
      std::printf("%8d %10llu %10.0f %12ld %12ld\n", runs, static_cast<unsigned long long>(total),
                  seconds > 0 ? static_cast<double>(total) / seconds : 0, bench::current_rss_kib(), bench::peak_rss_kib());
      std::fflush(stdout);
      while (next_print <= total) next_print += f.rss_checkpoint;
    }
  }
  long end_cur = bench::current_rss_kib(), end_peak = bench::peak_rss_kib();
  std::printf("RSS before: %ld KiB; at %llu requests: current %ld, peak %ld KiB; at %llu requests: current %ld, "
              "peak %ld KiB\n",
              start_rss, static_cast<unsigned long long>(checkpoint_requests), at_checkpoint_cur, at_checkpoint_peak,
              static_cast<unsigned long long>(total), end_cur, end_peak);
  if (at_checkpoint_peak > 0)
    std::printf("ratio end/checkpoint: current %.3f, peak %.3f (goal: flat, ~1.0)\n",
                static_cast<double>(end_cur) / static_cast<double>(at_checkpoint_cur),
                static_cast<double>(end_peak) / static_cast<double>(at_checkpoint_peak));
}

}  // namespace

int main(int argc, char** argv) {
  Flags f = parse(argc, argv);
  std::printf("conformance_bench: peak RSS at start %ld KiB\n", bench::peak_rss_kib());
  if (wants(f, "rate")) rate_section(f);
  if (wants(f, "floor")) {  // the pipeline floor alone (for profiling)
    RunFigure fig = pipeline_floor(f.baseline_seconds);
    std::printf("pipeline floor: %llu requests in %.2f s = %.0f req/s\n", static_cast<unsigned long long>(fig.outcome.requests),
                fig.outcome.elapsed_s, fig.rate());
  }
  if (wants(f, "faults")) faults_section(f);
  if (wants(f, "rss")) rss_section(f);
  const bench::SectionFlags section{f.examples, f.seed, f.baseline_seconds};
  if (wants(f, "findings")) bench::findings_section(section);
  if (wants(f, "external")) bench::external_section(section);
  return 0;
}
