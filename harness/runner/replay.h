// `conform replay CASE`: re-runs a saved case's check on its stored case input against a target and
// judges the answers again.
//
// Promises: never throws. Reproduced means a failing finding with the case's operation, check, rule
// and facet appears again; exit code 1 then (or when another violation appears), 0 when it passes, 2 for an unreadable case file
// or a case naming an unknown check or operation, 3 when the target is unreachable. Without a target
// the case replays on the embedded emulator with the faults the case was found with (unless `faults`
// is given). Fixtures made for the replay are cleaned up.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "harness/runner/run_options.h"

namespace conform::runner {

struct ReplayOptions {
  std::string case_file;
  std::optional<std::string> target;
  std::optional<std::string> spec_dir;
  const spec::SpecSet* specs = nullptr;
  std::optional<std::vector<std::string>> faults;  // override the case's faults (embedded only)
  std::optional<std::string> region;               // default: the case's region
  transport::Credentials credentials;
  const std::vector<oracle::CheckDef>* registry = nullptr;
  EmbeddedFactory embedded;
};

struct ReplayOutcome {
  int exit_code = kExitOk;
  std::string error;
  bool reproduced = false;
  std::string target;                          // where it replayed
  std::string fingerprint, operation, check, rule, facet, expected;
  oracle::CaseResult result;
  std::vector<oracle::Finding> failing;        // every failing finding of the replay
};

ReplayOutcome replay_case(const ReplayOptions& options);

}  // namespace conform::runner
