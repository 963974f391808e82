// conformance_bench --only findings (see sections.h).
#include <cstdio>
#include <map>
#include <string>

#include "bench/sections/sections.h"
#include "emulator/core/faults.h"
#include "harness/runner/embedded_emulator.h"
#include "harness/runner/run_conformance.h"

namespace conform::bench {

void findings_section(const SectionFlags& f) {
  std::printf("\n== headline findings per planted fault (%d examples, seed %llu; fidelity faults run with --strict) ==\n",
              f.examples, static_cast<unsigned long long>(f.seed));
  std::printf("%-40s %5s %9s %9s %9s %9s\n", "fault", "exit", "symptoms", "contract", "fidelity", "detected");
  std::map<int, int> distribution;  // findings of the fault's tier -> faults
  std::vector<std::string> more;
  int symptoms_total = 0, detected = 0;
  for (const auto& info : emulator::all_faults()) {
    runner::RunOptions o;
    o.seed = f.seed;
    o.examples = f.examples;
    o.faults = {std::string(info.name)};
    o.shrink_budget = 0;
    o.strict = info.fidelity;
    o.embedded = runner::embedded_emulator_factory();
    auto out = runner::run_conformance(o);
    const auto& r = out.report;
    const int contract = static_cast<int>(std::count_if(r.findings.begin(), r.findings.end(),
                                                         [](const auto& x) { return x.tier == "contract"; }));
    const int fidelity = static_cast<int>(r.findings.size()) - contract;
    const int counted = info.fidelity ? fidelity : contract;
    const bool found = out.exit_code == runner::kExitFailures;
    detected += found;
    symptoms_total += static_cast<int>(r.failures.size());
    ++distribution[counted];
    std::printf("%-40s %5d %9zu %9d %9d %9s\n", std::string(info.name).c_str(), out.exit_code, r.failures.size(), contract,
                fidelity, found ? "yes" : "NO");
    if (counted != 1)
      for (const auto& x : r.findings)
        if ((x.tier == "fidelity") == info.fidelity)
          more.push_back(std::string(info.name) + ": " + x.title.substr(0, 160));
    std::fflush(stdout);
  }
  std::printf("findings per fault:");
  for (const auto& [n, faults] : distribution) std::printf(" %d finding(s): %d fault(s);", n, faults);
  std::printf(" symptoms before grouping: %d over %zu faults; detected %d of %zu\n", symptoms_total,
              emulator::all_faults().size(), detected, emulator::all_faults().size());
  for (const auto& line : more) std::printf("  more than one: %s\n", line.c_str());
}

}  // namespace conform::bench
