// `conform observe`: runs the probes behind the specs' unconfirmed expectations (probes.h) against a
// target and records what it answered, as an observations document that `conform specs merge`
// (merge.h) turns into measured provenance.
//
// Promises: never throws. Same safety as a run (harness/runner/safety.h): a non-loopback target needs
// allow_remote; fixtures carry the run prefix and are cleaned up (what could not be is listed); the
// rate cap applies; credentials never appear in the document. Exit codes: 0 observed (whether or not
// the target agreed with the specs), 2 usage or spec error, 3 target unreachable.
//
// Document ("schema": "conform-observations/1"): target, region, runId, seed, observedAt, probes,
// unreachable[], cleanupFailures[], observations[]: one per distinct (operation, rule, facet) judged
// with soft provenance: {operation, check, rule, facet, provenance, agrees, expected, observed,
// answer: {status, error, wire, message}, messageTemplate (the message generalised: the probe value as
// ${value}, echoed input as ${*}, ...), observedValue / observedPresent (state facets), spec: where the
// fact lives: {kind: rule|protocolRule|error|validationTemplate|stateAssertion, service, operation,
// id | name | key | phase + pointer (+ error: an assertion that the read-back answers that error)}}.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "harness/runner/run_options.h"

namespace conform::observe {

inline constexpr const char* kObservationsSchema = "conform-observations/1";

struct ObserveOptions {
  std::optional<std::string> target;          // none: the embedded emulator (`embedded` required)
  runner::EmbeddedFactory embedded;
  std::optional<std::string> spec_dir;
  const spec::SpecSet* specs = nullptr;       // overrides spec_dir
  std::vector<std::string> ops;               // filter (as `conform run --ops`); empty: every subject op
  std::string region = "us-east-1";
  transport::Credentials credentials;
  std::string credentials_source = "test/test (local default)";
  bool allow_remote = false;
  double max_rps = 0;
  uint64_t seed = 1;
  std::ostream* log = nullptr;                // plan and progress lines
};

struct ObserveOutcome {
  int exit_code = 0;
  std::string error;
  spec::Json document;
  size_t probes = 0, observations = 0, differing = 0;
  uint64_t requests = 0;
};

ObserveOutcome run_observe(const ObserveOptions& options);

}  // namespace conform::observe
