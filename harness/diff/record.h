// Recording: runs the conformance suite (one worker, no shrinking) against a target and turns every
// exchange into a normalised cassette entry tagged with the case that sent it.
//
// Promises: never throws. With the same options against a fresh target, the cassette is the same
// (the runner's determinism guarantee; concurrent_close's simultaneous closes are marked `concurrent`
// because their order is not). Exit codes: 0 recorded; 2 usage (unknown op/check/fault); 3 target
// unreachable. Retried (throttled) attempts are left out; only the answer that counted is kept.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "harness/diff/cassette.h"
#include "harness/diff/rules.h"
#include "harness/runner/run_options.h"

namespace conform::diff {

struct RecordOptions {
  std::optional<std::string> target;      // URL; none = the embedded emulator
  std::vector<std::string> faults;        // planted in the embedded emulator
  runner::EmbeddedFactory embedded;
  std::vector<std::string> ops, checks;   // filters as for `conform run`; empty = all
  uint64_t seed = 1;
  int examples = 2;
  std::string region = "us-east-1";
  transport::Credentials credentials;
  bool sign = true;
  int concurrency = 4;
  bool allow_remote = false;              // a target that is not loopback is refused without it (exit 2)
  Rules rules;
};

struct RecordOutcome {
  int exit_code = 0;
  std::string error;
  std::string target_description;
  Cassette cassette;
};

RecordOutcome record_cassette(const RecordOptions& options);

// Secrets that must never reach a cassette (the access key id, secret key and session token).
std::vector<std::string> credential_secrets(const transport::Credentials& credentials);

}  // namespace conform::diff
