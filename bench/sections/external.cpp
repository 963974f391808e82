// conformance_bench --only external (see sections.h).
#include <algorithm>
#include <cstdio>
#include <string>

#include "bench/sections/sections.h"
#include "bench/support/baseline.h"
#include "emulator/app/emulator.h"
#include "harness/runner/embedded_emulator.h"
#include "harness/runner/run_conformance.h"
#include "harness/spec/loader.h"

namespace conform::bench {

namespace {

// The longest single wait of any fixture recipe (its sleepMs steps added up).
double longest_fixture_wait_s() {
  int longest = 0;
  for (const auto& [_, service] : spec::builtin_specs().services)
    for (const auto& [__, fixture] : service.fixtures) {
      int total = 0;
      for (const auto& step : fixture.steps) total += step.sleep_ms;
      longest = std::max(longest, total);
    }
  return longest / 1000.0;
}

struct Figure {
  std::string name;
  runner::RunOutcome out;
};

}  // namespace

void external_section(const SectionFlags& f) {
  emulator::EmulatorServer server;  // as `conform emulator --port 0`: the system clock, waits are real
  std::string error;
  if (server.start("127.0.0.1", 0, &error) < 0) {
    std::printf("external: the emulator did not start: %s\n", error.c_str());
    return;
  }
  const double baseline = measure_trivial_httplib(1, f.baseline_seconds).requests_per_second;
  auto options = [&](bool embedded, int jobs) {
    runner::RunOptions o;
    o.seed = f.seed;
    o.examples = f.examples;
    o.shrink_budget = 0;
    if (embedded) o.embedded = runner::embedded_emulator_factory();
    else o.target = server.url();
    if (jobs > 0) o.jobs = jobs;
    return o;
  };
  std::vector<Figure> figures;
  figures.push_back({"embedded emulator, default jobs", runner::run_conformance(options(true, 0))});
  figures.push_back({"external target, default jobs", runner::run_conformance(options(false, 0))});
  figures.push_back({"external target, --jobs 8", runner::run_conformance(options(false, 8))});
  const double wait = longest_fixture_wait_s();
  const double embedded_s = figures[0].out.elapsed_s;
  std::printf("\n== a full run, embedded vs external target (%d examples, seed %llu); trivial httplib %.0f req/s ==\n",
              f.examples, static_cast<unsigned long long>(f.seed), baseline);
  std::printf("%-36s %5s %9s %9s %8s %10s %12s\n", "run", "exit", "requests", "seconds", "req/s", "vs httplib",
              "vs embedded");
  for (const auto& fig : figures) {
    const double rate = fig.out.elapsed_s > 0 ? fig.out.requests / fig.out.elapsed_s : 0;
    std::printf("%-36s %5d %9llu %9.2f %8.0f %10.3f %12.2f\n", fig.name.c_str(), fig.out.exit_code,
                static_cast<unsigned long long>(fig.out.requests), fig.out.elapsed_s, rate, baseline > 0 ? rate / baseline : 0,
                embedded_s > 0 ? fig.out.elapsed_s / embedded_s : 0);
  }
  const double goal = 1.5 * (embedded_s + wait);
  std::printf("goal (issue 15): external default <= 1.5 x (embedded %.2f s + longest fixture wait %.2f s) = %.2f s: %s "
              "(%.2f s)\n",
              embedded_s, wait, goal, figures[1].out.elapsed_s <= goal ? "met" : "NOT met", figures[1].out.elapsed_s);
}

}  // namespace conform::bench
