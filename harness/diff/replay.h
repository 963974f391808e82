// Replaying a cassette against a target: the recorded requests are sent again in order, with every
// numbered reference replaced by the value it stands for in THIS run. Values the harness chose come
// from the cassette; values the target issues are bound as they arrive: where the recorded answer
// held "<token#2>", the live answer's value at the same place becomes <token#2> for the rest of the
// replay. The live answers are normalised the same way, so they compare with the recorded ones.
//
// Promises: never throws. The live cassette has the recorded entries in the recorded order (requests
// as recorded, responses live); simultaneous entries (concurrent) are sent simultaneously again and
// paired with the recorded answers they match. Pauses (wait_ms) are kept. Exit codes: 0 replayed;
// 2 usage (unknown fault, an operation this build has no spec for); 3 target unreachable.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "harness/diff/cassette.h"
#include "harness/diff/compare.h"
#include "harness/diff/rules.h"
#include "harness/runner/run_options.h"

namespace conform::diff {

struct ReplayOptions {
  std::optional<std::string> target;      // URL; none = the embedded emulator
  std::vector<std::string> faults;        // planted in the embedded emulator
  runner::EmbeddedFactory embedded;
  std::optional<std::string> region;      // default: the cassette's
  std::optional<uint64_t> emulator_seed;  // seed of the embedded emulator's ids (default: the cassette's)
  transport::Credentials credentials;
  bool sign = true;
  bool allow_remote = false;              // a target that is not loopback is refused without it (exit 2)
  Rules rules;
};

struct CassetteReplay {
  int exit_code = 0;
  std::string error;
  std::string target, target_description;
  Cassette live;
  DiffResult diff;
  std::vector<std::string> unbound;       // references sent without a live value (first few)
};

CassetteReplay replay_cassette(const Cassette& recorded, const ReplayOptions& options);

}  // namespace conform::diff
