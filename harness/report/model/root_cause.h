// One deviation, one finding: groups a run's distinct failures (symptoms) into headline findings by the
// behaviour that deviates, not by where it was seen.
//
// A symptom's behaviour is its signature (symptom_signature.h), except that one deviation seen through
// different facets or situations of one kind reads as one behaviour: after a close, a timeout or among
// concurrent closes, any later success is "accepted after a close"; for a constraint violated alone,
// any answer but the expected one is "not answered <expected error>" (the validation did not run, so
// each handler answered its own way). Each symptom can then be explained by a few candidate causes,
// from the most specific to the most general:
//   operation            the blamed operation behaves this way in this kind of situation
//                        (key: blamed operation, situation kind, tier, behaviour);
//   close-without-effect a close answered success but left the resource open: the symptoms found after
//                        that close (a later call accepted, the state unchanged, another answer than the
//                        first close) and the state read back after it (key: the closing operation);
//   across-operations    the same behaviour in the same kind of situation from several operations of a
//                        service, or of any service for constraint validation (one layer everywhere)
//                        (key: service or "*", situation kind, tier, behaviour); protocol probes are
//                        judged once per service this way.
// Causes are chosen greedily: the one explaining the most unassigned symptoms first; a tie goes to the
// more specific cause. A finding's fingerprint hashes its cause, so it is stable across seeds and runs;
// its title says the cause in plain words; its minimal symptom (a contract violation first, then the
// shortest expectation) is the one to replay.
//
// Promises: pure and deterministic; every symptom belongs to exactly one finding (FailureRecord::finding
// is set); findings are ordered by symptom count (most first), then fingerprint.
#pragma once

#include <vector>

#include "harness/report/model/run_report.h"

namespace conform::report {

// `co_observed`: sets of symptom fingerprints judged on one and the same answer of a case (a read-back
// whose status and deprecationDate are both wrong): one wrong answer is one deviation, so the findings
// they fall into are merged (the merged finding keeps the fingerprint of its largest part).
std::vector<HeadlineFinding> group_findings(std::vector<FailureRecord>& symptoms,
                                            const std::vector<std::vector<std::string>>& co_observed = {});

// Copies each finding's case file, replay and curl commands from its minimal symptom (they are known
// only once case files are written).
void link_minimal_symptoms(RunReport& report);

}  // namespace conform::report
