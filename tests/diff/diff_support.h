// Shared set-up for the differential-run tests: record on the embedded emulator (optionally with a
// planted fault), replay on another fresh embedded emulator, all over loopback.
#pragma once

#include <string>
#include <vector>

#include "harness/diff/record.h"
#include "harness/diff/replay.h"
#include "harness/runner/embedded_emulator.h"

namespace conform::diff::testing {

inline RecordOptions record_options(std::vector<std::string> ops, std::vector<std::string> checks, uint64_t seed = 5,
                                    int examples = 2) {
  RecordOptions o;
  o.ops = std::move(ops);
  o.checks = std::move(checks);
  o.seed = seed;
  o.examples = examples;
  o.embedded = runner::embedded_emulator_factory();
  return o;
}

inline ReplayOptions replay_options(std::vector<std::string> faults = {}) {
  ReplayOptions o;
  o.faults = std::move(faults);
  o.embedded = runner::embedded_emulator_factory();
  return o;
}

inline std::string describe(const Difference& d) {
  return "\n  step " + std::to_string(d.step) + " " + d.operation + " " + d.check + " " + d.call + " " + d.kind + " " +
         d.path + ": " + d.expected.substr(0, 120) + " -> " + d.observed.substr(0, 120);
}

inline std::string describe(const DiffResult& r, size_t max = 8) {
  std::string s;
  for (size_t i = 0; i < r.differences.size() && i < max; ++i) s += describe(r.differences[i]);
  return s;
}

}  // namespace conform::diff::testing
