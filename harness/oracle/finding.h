// What a check concludes: findings (one judged expectation each) grouped into case results.
//
// Promises: a Finding is self-contained for reports: check, operation, rule and facet names, the
// verdict, the provenance of the expectation, and expected/observed text. Verdicts order by severity:
// Violation > Unconfirmed > NotRun > Pass.
#pragma once

#include <string>
#include <vector>

#include "harness/spec/model.h"
#include "harness/transport/caller.h"

namespace conform::oracle {

enum class Verdict { Pass, NotRun, Unconfirmed, Violation };
const char* to_string(Verdict v);

struct Finding {
  std::string check;          // registry name, e.g. "closed_token_idempotence"
  std::string operation;      // op id
  std::string rule;           // spec rule id, or a derived name such as "length-above-max:error"
  std::string facet;          // "status", "error", "message", "shape", "state:/status", "no-5xx", ...
  Verdict verdict = Verdict::Pass;
  spec::Provenance provenance = spec::Provenance::Model;
  std::string expected, observed, message;
  int exchange_index = -1;    // index into the case's exchanges of the answer judged, -1 if none
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
