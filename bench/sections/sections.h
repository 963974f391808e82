// The sections of conformance_bench that each measure one figure of a later issue, beside the ones in
// conformance_bench.cpp. Each prints its table to stdout and compares with a baseline measured in the
// same process (never a figure from elsewhere).
#pragma once

#include <cstdint>

namespace conform::bench {

struct SectionFlags {
  int examples = 10;
  uint64_t seed = 1;
  double baseline_seconds = 1.0;
};

// For every planted fault: the distinct symptoms (what was reported before root-cause grouping) and the
// headline findings (after), and the distribution of findings per fault (goal: exactly 1 for a fault
// that changes one behaviour); faults with more are listed with their titles.
void findings_section(const SectionFlags& flags);

// The full run against the embedded emulator (its clock is advanced through fixture waits) and against
// the same emulator as an external target (`conform emulator --port P`, then --target
// http://127.0.0.1:P: waits are real), with the default jobs and with --jobs 8, in one process: times,
// requests/s as a ratio to a trivial httplib server and client, and the goal of issue 15 (external at
// most 1.5 x (embedded + the longest single fixture wait)).
void external_section(const SectionFlags& flags);

}  // namespace conform::bench
