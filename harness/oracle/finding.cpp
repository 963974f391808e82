// Verdict names, the mismatch rule, and CaseResult::worst (finding.h).
#include "harness/oracle/finding.h"

namespace conform::oracle {

const char* to_string(Verdict v) {
  switch (v) {
    case Verdict::Pass: return "pass";
    case Verdict::NotRun: return "not-run";
    case Verdict::Unconfirmed: return "unconfirmed";
    case Verdict::Violation: return "violation";
  }
  return "?";
}

const char* to_string(Tier t) { return t == Tier::Fidelity ? "fidelity" : "contract"; }

Tier tier_of_facet(const std::string& facet) {
  return facet == "wire" || facet == "message" || facet == "content-type" ? Tier::Fidelity : Tier::Contract;
}

Verdict mismatch_verdict(spec::Provenance p) { return spec::is_hard(p) ? Verdict::Violation : Verdict::Unconfirmed; }

Verdict CaseResult::worst() const {
  Verdict w = not_run ? Verdict::NotRun : Verdict::Pass;
  for (const auto& f : findings)
    if (static_cast<int>(f.verdict) > static_cast<int>(w)) w = f.verdict;
  return w;
}

}  // namespace conform::oracle
