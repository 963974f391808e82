// The target of a run: a URL given by the user, or the embedded reference emulator started on an
// ephemeral loopback port; and a reachability probe before any check runs.
//
// Promises: never throws. resolve_target sets `exit_code` to 2 for a malformed URL or bad embedded
// request (unknown fault) and 3 when the embedded emulator cannot start; probe_target returns a
// message when nothing answers at the URL (no HTTP answer at all), nullopt when anything answered.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "harness/fixture/fixture_runner.h"
#include "harness/runner/run_options.h"
#include "harness/transport/client.h"

namespace conform::runner {

struct ResolvedTarget {
  transport::Url url;
  std::string url_text;
  bool embedded = false;
  std::string description;
  std::unique_ptr<EmbeddedTarget> owned;  // keeps the embedded emulator alive
};

std::optional<ResolvedTarget> resolve_target(const std::optional<std::string>& target, const EmbeddedFactory& factory,
                                             const EmbeddedRequest& request, int* exit_code, std::string* error);
std::optional<std::string> probe_target(const transport::Url& url);

// Against a target that can move its clock (the embedded emulator), a recipe's wait for a timeout
// advances that clock instead of sleeping: no wall time, and no race between a real sleep and a real
// timeout on a loaded machine. Other targets keep real sleeps. `target` must outlive `fixtures`' use.
// Returns whether the target's clock is advanced (true) or waits stay real (false).
bool use_target_clock(const ResolvedTarget& target, fixture::FixtureRunner& fixtures);

}  // namespace conform::runner
