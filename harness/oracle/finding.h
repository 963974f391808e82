// What a check concludes: findings (one judged expectation each) grouped into case results.
//
// Promises: a Finding is self-contained for reports: check, operation, rule and facet names, the
// verdict, the provenance of the expectation, expected/observed text, and what root-cause grouping
// needs (report/model/root_cause.h): the situation the case set up, the operation whose behaviour the
// finding blames, the closer of a closed situation, and the tier. Verdicts order by severity:
// Violation > Unconfirmed > NotRun > Pass.
#pragma once

#include <string>
#include <vector>

#include "harness/spec/model.h"
#include "harness/transport/caller.h"

namespace conform::oracle {

enum class Verdict { Pass, NotRun, Unconfirmed, Violation };
const char* to_string(Verdict v);

// Contract: what an SDK client can observe (status, the error code as SDKs parse it, output shape,
// read-back state). Fidelity: how faithfully the wire copies AWS beyond that (the raw __type namespace,
// message wording, the content type of errors); a fidelity mismatch fails a run only with --strict.
enum class Tier { Contract, Fidelity };
const char* to_string(Tier t);
// The tier a facet belongs to: "wire", "message" and "content-type" are fidelity.
Tier tier_of_facet(const std::string& facet);

// Facets of read-back state: kStateFacet + the JSON pointer judged, or kStateAnswersFacet + the error
// the read-back must answer (a deleted resource is no longer found).
inline constexpr const char* kStateFacet = "state:";
inline constexpr const char* kStateAnswersFacet = "state:answers-";

struct Finding {
  std::string check;          // registry name, e.g. "closed_token_idempotence"
  std::string operation;      // op id
  std::string rule;           // spec rule id, or a derived name such as "length-above-max:error"
  std::string facet;          // "status", "error", "message", "shape", "state:/status", "no-5xx", ...
  Verdict verdict = Verdict::Pass;
  spec::Provenance provenance = spec::Provenance::Model;
  std::string expected, observed, message;
  int exchange_index = -1;    // index into the case's exchanges of the answer judged, -1 if none
  std::string situation;      // what the case set up: "valid", "closed", "length-above-max", "state", ...
  std::string closed_by;      // closed situations: the operation (id) whose close came first
  std::string blamed;         // operation (id) whose behaviour deviates: the call answered, or the call
                              // that should have changed (or left alone) the state read back
  Tier tier = Tier::Contract;
};

// A mismatch becomes a Violation for hard provenance, Unconfirmed for soft.
Verdict mismatch_verdict(spec::Provenance p);

struct CaseResult {
  std::string check, operation;
  spec::Json case_input;                       // the generated case (replayable description)
  std::vector<transport::Exchange> exchanges;  // everything sent for this case, in order
  std::vector<Finding> findings;
  bool not_run = false;                        // fixture unobtainable, operation not implemented
  std::string not_run_reason;
  Verdict worst() const;
};

}  // namespace conform::oracle
